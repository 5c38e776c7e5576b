// Entry of the digest bundle (dist/digest.js: the .docx and .xlsx writers of the digest), loaded on first use.
import * as l10n from '@vscode/l10n';

export { digestDocx, digestXlsx } from '../core/output/digestFiles';

/** This bundle has its own copy of the message functions: it is given the bundle VS Code picked. */
export function useMessages(contents: l10n.l10nJsonFormat | undefined): void {
  if (contents) l10n.config({ contents });
}
