// The browser-capable in-editor tests, run in VS Code's web worker extension host (as on vscode.dev): the extension's
// web bundle, reading files only through vscode.workspace.fs. Results go to web-result.json in the workspace.
import * as vscode from 'vscode';

type Test = { title: string; f: () => Promise<void> };
const tests: Test[] = [];
const it = (title: string, f: () => Promise<void>) => tests.push({ title, f });
function ok(v: unknown, message: string): asserts v { if (!v) throw new Error(message); }

const EXT_ID = 'review-observations.review-observations';
const ws = (...p: string[]) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, ...p);
const ours = (u: vscode.Uri) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'review-obs');
const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
async function waitFor<T>(what: string, f: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve().then(f).catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const open = async (u: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(u));

it('runs the web bundle in the web worker extension host, with no Node.js', async () => {
  await open(ws('broken.md'));
  const ext = await waitFor('the extension', () => vscode.extensions.getExtension(EXT_ID));
  await waitFor('activation', () => ext.isActive);
  ok(ext.extensionKind === vscode.ExtensionKind.UI || vscode.env.uiKind === vscode.UIKind.Web, 'runs on the web side');
  const g = globalThis as { process?: { versions?: { node?: string } } };
  ok(!g.process?.versions?.node, 'no Node.js in this extension host');
  ok(ext.packageJSON.browser === './dist/web/extension.js', 'the manifest names the web bundle');
});

it('checks a draft: structure findings in the Problems panel', async () => {
  const u = ws('broken.md');
  await open(u);
  const d = await waitFor('diagnostics', () => { const x = ours(u); return x.length >= 3 && x; });
  ok(d.map(code).includes('structure.no-such-article'), `codes: ${d.map(code).join(', ')}`);
});

it('hovers a reference and completes an article', async () => {
  const u = ws('refs.md');
  const editor = await open(u);
  const text = editor.document.getText();
  const at = text.indexOf('article 5');
  ok(at >= 0, 'refs.md has "article 5"');
  const pos = editor.document.positionAt(at + 2);
  const hovers = await waitFor('a hover', async () => { const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', u, pos); return h.length > 0 ? h : undefined; });
  ok(hovers.some((h) => h.contents.some((c) => String((c as vscode.MarkdownString).value ?? c).length > 0)), 'the hover has text');
  const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('Complete: article'));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', u, new vscode.Position(line, 'Complete: article '.length));
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  ok(labels.includes('6. Criminalization of the laundering of proceeds of crime'), labels.slice(0, 5).join(' | '));
});

it('compares the draft with another file in the diff editor', async () => {
  await open(ws('assign.md'));
  ok(await vscode.commands.executeCommand<boolean>('reviewObservations.compareWithFile', ws('assign-copy.md').toString()), 'the diff editor opens');
  await waitFor('the diff editor', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff);
});

it('comments on a selection and suggests a change, in the draft itself', async () => {
  const u = ws('comments.md');
  const editor = await open(u);
  const text = editor.document.getText();
  const at = text.indexOf('two provinces');
  ok(at >= 0, 'comments.md has "two provinces"');
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 3));
  ok(await vscode.commands.executeCommand('reviewObservations.addComment', { text: 'Which two?' }), 'the comment is added');
  await waitFor('the comment in the text', () => editor.document.getText().includes('| Web Tester (Borealia) |') && editor.document.getText().includes('Which two?'));
  const at2 = editor.document.getText().indexOf('capital');
  editor.selection = new vscode.Selection(editor.document.positionAt(at2), editor.document.positionAt(at2 + 'capital'.length));
  ok(await vscode.commands.executeCommand('reviewObservations.suggest', { newText: 'capital city', comment: 'clearer' }), 'the suggestion is made');
  await waitFor('the suggestion in the text', () => editor.document.getText().includes('{~~capital~>capital city~~}'));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

it('shows the review progress of the draft', async () => {
  await open(ws('assign.md'));
  const snap = await waitFor('a progress snapshot', async () => { const s = await vscode.commands.executeCommand<{ rows: unknown[] }>('reviewObservations.progressSnapshot'); return s?.rows?.length ? s : undefined; });
  ok(snap.rows.length > 0, 'rows');
});

it('exports to Word and imports the file back, through vscode.workspace.fs', async () => {
  const u = ws('comments.md');
  const editor = await open(u);
  const before = editor.document.getText();
  const target = ws('web-export.docx');
  const res = await vscode.commands.executeCommand<vscode.Uri>('reviewObservations.exportWord', { mode: 'with-changes', target: target.toString(), force: true });
  ok(res, 'exported');
  const bytes = await vscode.workspace.fs.readFile(target);
  ok(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes.length > 5000, 'a .docx');
  await vscode.commands.executeCommand('reviewObservations.importWord', { docxUri: target.toString() });
  ok(editor.document.getText() === before, 'an unchanged file changes nothing');
  await vscode.workspace.fs.delete(target);
});

it('follows the configuration file of the draft\'s folder', async () => {
  const u = ws('configured', 'draft.md');
  await open(u);
  await waitFor('the configured severity', () => ours(u).find((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Error));
});

it('says that comparing with a git revision needs the desktop', async () => {
  await open(ws('comments.md'));
  const r = await vscode.commands.executeCommand<boolean>('reviewObservations.compareWithRevision', 'HEAD');
  ok(r === false, 'no git revision in the web build');
});

export async function activate(): Promise<void> {
  const passed: string[] = [], failed: { title: string; error: string }[] = [];
  for (const t of tests) {
    try {
      await Promise.race([t.f(), new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 60 s')), 60_000))]);
      passed.push(`web: ${t.title}`);
    } catch (e) { failed.push({ title: `web: ${t.title}`, error: String((e as Error)?.stack ?? e) }); }
  }
  await vscode.workspace.fs.writeFile(ws('web-result.json'), new TextEncoder().encode(JSON.stringify({ passed, failed })));
}
export function deactivate(): void {}
