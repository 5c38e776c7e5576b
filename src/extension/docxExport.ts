// Entry of the Word exporter's own bundle (dist/docx-export.js), loaded on first export: activation never pays for it.
import * as l10n from '@vscode/l10n';

export { exportDocx } from '../core/export/docx';

/** This bundle has its own copy of the message functions: it is given the bundle VS Code picked. */
export function useMessages(contents: l10n.l10nJsonFormat | undefined): void {
  if (contents) l10n.config({ contents });
}
