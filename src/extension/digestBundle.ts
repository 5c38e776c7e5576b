// Loads the digest's Word and spreadsheet writers (dist/digest.js) on first use; the web build has none (see .web.ts).
import { join } from 'node:path';
import * as vscode from 'vscode';

export type DigestBundle = typeof import('./digestEntry');

export function loadDigestBundle(): DigestBundle | null {
  // A computed path, so the bundler leaves this require to run time.
  const bundle = require(join(__dirname, 'digest.js')) as DigestBundle;
  bundle.useMessages(vscode.l10n.bundle);
  return bundle;
}
