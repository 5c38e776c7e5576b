// Whether a .docx is a sound package: every part's checksum right (Word calls a file with a wrong one corrupt) and
// every XML part well-formed — what a fuzzed or hostile export must be whenever the export says it wrote the file.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The first problem found in the package, or null when it is sound. */
export async function packageProblem(bytes: Uint8Array): Promise<string | null> {
  let zip: JSZip;
  try { zip = await JSZip.loadAsync(bytes, { checkCRC32: true }); } catch (e) { return `not a zip: ${(e as Error).message}`; }
  for (const name of Object.keys(zip.files)) {
    let text: string;
    // The checksum is checked as the part is read.
    try { text = await zip.file(name)!.async('string'); } catch (e) { return `${name}: ${(e as Error).message}`; }
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let problem: string | null = null;
    parser.on('error', (e) => { problem ??= `${name}: ${e.message}`; });
    parser.write(text).close();
    if (problem) return problem;
  }
  return null;
}
