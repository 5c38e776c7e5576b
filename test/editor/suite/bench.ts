// Measurements inside the real VS Code for npm run bench: activation time, and the extension host's memory with a 10 MB draft open.
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { generateDraft } from '../../../bench/generate';
import type { SuiteResult } from './index';

const EXT_ID = 'review-observations.review-observations';

/**
 * A full garbage collection, so memory is measured as what is held rather than what happens not to be collected yet.
 * The extension host runs without --expose-gc; the flag set at run time exposes gc() to a new context.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Opens a file and waits until `ready`, then for the comment threads to land; heap and RSS growth after a full collection. */
async function openAndMeasure(file: vscode.Uri, text: string, ready: (u: vscode.Uri) => boolean): Promise<{ ms: number; heap: number; rss: number }> {
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  collectGarbage();
  const before = process.memoryUsage();
  const t0 = performance.now();
  // Not a preview tab: the plain file stays open while the draft is measured, so nothing is freed in between.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
  while (!ready(file) && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
  const ms = performance.now() - t0;
  // Comment threads are built after diagnostics (their own debounce), and messages to the window wait in buffers until
  // it takes them: measured once the heap has settled (two collections a second apart within 2 MB), 30 s at most.
  let after = process.memoryUsage();
  for (const t1 = performance.now(); performance.now() - t1 < 30_000;) {
    await new Promise((r) => setTimeout(r, 1000));
    collectGarbage();
    const now = process.memoryUsage();
    const settled = Math.abs(now.heapUsed - after.heapUsed) < 2e6;
    after = now;
    if (settled) break;
  }
  return { ms, heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss };
}

export async function benchInEditor(out: string): Promise<SuiteResult> {
  try {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'arcadia-list-of-observations.en.md')));
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    while (!ext.isActive) await new Promise((r) => setTimeout(r, 50));
    const activationMs = (ext.exports as { activationMs: number }).activationMs;
    const text = generateDraft(10_000_000, 77, 'en');
    // The same text without its front matter is not a draft: what VS Code and the other extensions hold for a 10 MB
    // Markdown file. What the draft adds to that is this extension's share. The first plain file takes the one-time
    // costs (the Markdown extension's engine, watchers); the second is the one compared, just before the draft.
    await openAndMeasure(vscode.Uri.joinPath(folder, 'ten-mb-warm-up.md'), text.replace(/^---/, '+++'), () => true);
    const plain = await openAndMeasure(vscode.Uri.joinPath(folder, 'ten-mb-plain.md'), text.replace(/^---/, '+++ '), () => true);
    const draft = await openAndMeasure(vscode.Uri.joinPath(folder, 'ten-mb.md'), text, (u) => vscode.languages.getDiagnostics(u).some((d) => d.source === 'review-obs'));
    writeFileSync(out, JSON.stringify({ activationMs, checkMs: draft.ms, bytes: Buffer.byteLength(text), plain, draft }));
    return { passed: ['benchmark'], failed: [] };
  } catch (e) {
    return { passed: [], failed: [{ title: 'benchmark', error: String((e as Error).stack ?? e) }] };
  }
}
