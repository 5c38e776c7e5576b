// Loads the Word bundle (dist/docx-export.js) on first use, so activation never pays for the docx library. The web
// build replaces this module with wordBundle.web.ts, which has the exporter in the bundle itself (no require there).
import { join } from 'node:path';
import * as vscode from 'vscode';

export type WordBundle = typeof import('./docxExport');
let bundle: WordBundle | undefined;

export function loadWordBundle(): WordBundle {
  if (!bundle) {
    // A computed path, so the bundler leaves this require to run time.
    bundle = require(join(__dirname, 'docx-export.js')) as WordBundle;
    bundle.useMessages(vscode.l10n.bundle);
  }
  return bundle;
}
