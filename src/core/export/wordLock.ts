// Word's lock files: how to tell that a .docx about to be replaced is open in Word.

/** Names of the owner file Word keeps beside an open document: "~$" + the name, its first one or two characters dropped when long. */
export function wordLockNames(name: string): string[] {
  return [`~$${name}`, `~$${name.slice(1)}`, `~$${name.slice(2)}`];
}
