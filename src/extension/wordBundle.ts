// Loads the Word bundle (dist/docx-export.js) on first use, so activation never pays for the docx library. The web
// build replaces this module with wordBundle.web.ts, which has the exporter in the bundle itself (no require there).
import { join } from 'node:path';
import * as vscode from 'vscode';
import { nodeDeflate } from '../node/deflate';

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

/** The export's compressor: the extension host's zlib (the web build has none and keeps the bundle's own). */
export const platformDeflate: (() => import('../core/export/body').RawDeflate) | undefined = nodeDeflate;
