// Entry of the Word bundle (dist/docx-export.js: export and import), loaded on first use: activation never pays for it.
import * as l10n from '@vscode/l10n';

export { exportDocx } from '../core/export/docx';
export { importDocx, WordFileError } from '../core/word/index';

/** This bundle has its own copy of the message functions: it is given the bundle VS Code picked. */
export function useMessages(contents: l10n.l10nJsonFormat | undefined): void {
  if (contents) l10n.config({ contents });
}
