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

export async function benchInEditor(out: string): Promise<SuiteResult> {
  try {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'arcadia-list-of-observations.en.md')));
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    while (!ext.isActive) await new Promise((r) => setTimeout(r, 50));
    const activationMs = (ext.exports as { activationMs: number }).activationMs;
    const text = generateDraft(10_000_000, 77, 'en');
    const file = vscode.Uri.joinPath(folder, 'ten-mb.md');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    collectGarbage();
    const before = process.memoryUsage();
    const t0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    // Checked when its diagnostics arrive.
    while (!vscode.languages.getDiagnostics(file).some((d) => d.source === 'review-obs') && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
    const checkMs = performance.now() - t0;
    // Comment threads are built after diagnostics (their own debounce); let them land before measuring.
    await new Promise((r) => setTimeout(r, 2000));
    collectGarbage();
    const after = process.memoryUsage();
    writeFileSync(out, JSON.stringify({ activationMs, checkMs, bytes: Buffer.byteLength(text), heapDelta: after.heapUsed - before.heapUsed, rssDelta: after.rss - before.rss }));
    return { passed: ['benchmark'], failed: [] };
  } catch (e) {
    return { passed: [], failed: [{ title: 'benchmark', error: String((e as Error).stack ?? e) }] };
  }
}
