// The extension as a user meets it, inside a real VS Code: activation, diagnostics, New command, outline, quick fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { code, loadedBundles, open, ours, waitFor, waitForAsync, ws } from './helpers';

const EXT_ID = 'review-observations.review-observations';

export function editorTests(): void {
  describe('Review Observations in VS Code', () => {
    it('activates when a draft is opened, from the installed .vsix', async () => {
      await open(ws('arcadia-list-of-observations.en.md'));
      const ext = await waitFor('the extension', () => vscode.extensions.getExtension(EXT_ID));
      await waitFor('activation', () => ext.isActive);
      assert.equal((ext.exports as { version: string }).version, ext.packageJSON.version);
      // Under the project's runner the extension comes from the packaged .vsix, so a packaging mistake fails here.
      if (process.env.REVIEW_OBS_TEST_OUT) assert.match(ext.extensionUri.fsPath, /extensions\/review-observations\.review-observations-\d/);
      // Activation stays fast because the Word exporter is loaded on first export only (see the export test).
      assert.ok(loadedBundles(ext).includes('extension.js'), `loaded: ${loadedBundles(ext).join(', ')}`);
      assert.ok(!loadedBundles(ext).includes('docx-export.js'), 'activation does not load the Word exporter');
    });

    it('shows structure diagnostics with codes that link to their doc page', async () => {
      const u = ws('broken.md');
      await open(u);
      const diags = await waitFor('diagnostics on broken.md', () => { const d = ours(u); return d.length >= 3 && d; });
      const codes = diags.map(code).sort();
      assert.deepEqual(codes, ['structure.empty-part', 'structure.missing-part', 'structure.no-such-article'].sort());
      const noSuch = diags.find((d) => code(d) === 'structure.no-such-article')!;
      assert.equal(noSuch.severity, vscode.DiagnosticSeverity.Error);
      const doc = vscode.window.activeTextEditor!.document;
      assert.equal(noSuch.range.start.line, doc.getText().split(/\r?\n/).findIndex((l) => l.includes('{#untoc-44}')));
      const target = (noSuch.code as { target: vscode.Uri }).target;
      assert.match(target.path, /docs\/rules\/structure\.no-such-article\.md$/);
      await vscode.workspace.fs.stat(target); // the doc page ships in the .vsix
    });

    it('leaves ordinary Markdown alone', async () => {
      // The checker is at work (a draft gets its diagnostics), and the check asked for on plain Markdown finds nothing.
      await open(ws('broken.md'));
      await waitFor('diagnostics on the draft', () => ours(ws('broken.md')).length > 0 || undefined);
      const u = ws('notes.md');
      await open(u);
      const found = await vscode.commands.executeCommand<unknown[]>('reviewObservations.check');
      assert.deepEqual(found, []);
      assert.deepEqual(ours(u), []);
    });

    it('reports broken front matter as a diagnostic, not a crash', async () => {
      const u = ws('bad-yaml.md');
      await open(u);
      const d = await waitFor('frontmatter.syntax', () => ours(u).find((x) => code(x) === 'frontmatter.syntax'));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    });

    it('New list of observations writes a complete skeleton', async () => {
      const target = ws('new-list.md');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('reviewObservations.newList', {
        targetUri: target.toString(),
        options: {
          kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip'], languages: ['zh', 'en'],
          reviewingStates: [{ state: 'Borealia', instruments: ['untoc', 'tip'] }, { state: 'Calderra', instruments: ['untoc'] }],
        },
      });
      assert.equal(uri?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, /^document: list-of-observations$/m);
      // a review in Chinese and English gets bilingual headings, Chinese first
      assert.match(text, /^### 第5条 参加有组织犯罪集团行为的刑事定罪 \/ Article 5\. Criminalization of participation in an organized criminal group \{#untoc-5\}$/m);
      assert.equal((text.match(/\{\.technical-assistance\}/g) ?? []).length, 10); // UNTOC 2,5,6,8,9,10,15,23 + TIP 3,5
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      // A new draft is work to do, not 50 problems: one note per article, naming its empty parts.
      const diags = await waitFor('empty-part notes', () => { const d = ours(target); return d.length === 10 && d; });
      assert.ok(diags.every((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Information));
      assert.match(diags[0]!.message, /5 of 5 parts empty \(.+\)/);
      const lines = vscode.window.activeTextEditor!.document.getText().split('\n');
      assert.ok(diags.every((d) => /\{#(?:untoc|tip)-\d+\}$/.test(lines[d.range.start.line]!)), 'each at its article heading');
    });

    it('the New command never overwrites an existing file', async () => {
      const target = ws('notes.md');
      const before = await vscode.workspace.fs.readFile(target);
      const uri = await vscode.commands.executeCommand('reviewObservations.newList', {
        targetUri: target.toString(),
        options: { kind: 'list-of-observations', stateUnderReview: 'A', cluster: 1, partyTo: ['untoc'], languages: ['en'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }] },
      });
      assert.equal(uri, undefined);
      assert.deepEqual(await vscode.workspace.fs.readFile(target), before);
    });

    it('the outline shows instrument → article → part', async () => {
      const u = ws('arcadia-list-of-observations.en.md');
      await open(u);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', u);
      const flat = (s: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => s.flatMap((x) => [x, ...flat(x.children)]);
      const untoc = flat(symbols).find((s) => s.detail === 'untoc' && s.kind === vscode.SymbolKind.Module);
      assert.ok(untoc, 'an instrument symbol');
      assert.deepEqual(untoc.children.map((c) => c.detail), ['untoc 5', 'untoc 6', 'untoc 23']);
      assert.deepEqual(untoc.children[0]!.children.map((c) => c.detail), ['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance']);
    });

    it('folds by section', async () => {
      const u = ws('arcadia-list-of-observations.en.md');
      const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', u);
      assert.ok(folds.some((f) => f.start === 0 && f.end === 22), 'front matter folds');
      const doc = await vscode.workspace.openTextDocument(u);
      const a5 = doc.getText().split(/\r?\n/).findIndex((l) => l.endsWith('{#untoc-5}'));
      const a6 = doc.getText().split(/\r?\n/).findIndex((l) => l.endsWith('{#untoc-6}'));
      assert.ok(folds.some((f) => f.start === a5 && f.end < a6 && f.end > a5 + 5), 'the section of article 5 folds up to article 6');
    });

    it('a quick fix inserts the missing part and changes nothing else', async () => {
      const u = ws('broken.md');
      const editor = await open(u);
      const before = editor.document.getText();
      const diag = await waitFor('missing-part', () => ours(u).find((d) => code(d) === 'structure.missing-part'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', u, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith('Insert part'));
      assert.ok(fix?.edit, 'a quick fix with an edit');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const after = editor.document.getText();
      const inserted = after.length - before.length;
      let at = 0;
      while (at < before.length && before[at] === after[at]) at++;
      assert.equal(after.slice(0, at) + after.slice(at + inserted), before);
      assert.match(after.slice(at, at + inserted), /\{\.technical-assistance\}/);
      await waitFor('missing-part gone', () => !ours(u).some((d) => code(d) === 'structure.missing-part'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('re-checks after typing, once typing pauses', async () => {
      const u = ws('broken.md');
      const editor = await open(u);
      const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes('{.good-practices}'));
      const emptyHere = () => ours(u).some((d) => code(d) === 'structure.empty-part');
      await waitFor('empty-part before', emptyHere);
      await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '\nThe unit publishes statistics.\n'));
      await waitFor('empty-part gone', () => !emptyHere());
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('a keystroke that changes no finding leaves the diagnostics as they were; one that does shows its finding', async () => {
      // The extension publishes again only when the core's list of findings is another one (a keystroke that moves no
      // finding gives the very same list: a unit test holds the core to it); what is shown must stay right either way.
      const u = ws('refs.md');
      const editor = await open(u);
      await waitFor('diagnostics on refs.md', () => ours(u).length > 0 || undefined);
      const shown = () => ours(u).map((d) => `${code(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
      const before = shown();
      try {
        const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Short form:'));
        // A word typed at the end of a line, after its finding: checked now (the command), nothing moves.
        await editor.edit((e) => e.insert(editor.document.lineAt(line).range.end, ' Noted'));
        await vscode.commands.executeCommand('reviewObservations.check');
        assert.deepEqual(shown(), before);
        // A wrong article typed on the same line: its finding is shown, the others stay.
        await editor.edit((e) => e.insert(editor.document.lineAt(line).range.end, ' See article 99 of the Convention.'));
        await vscode.commands.executeCommand('reviewObservations.check');
        await waitFor('the new finding shown', () => ours(u).some((d) => d.range.start.line === line && /99/.test(d.message)));
        assert.equal(shown().length, before.length + 1);
        assert.ok(before.every((b) => shown().includes(b)));
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('honours per-code severities from the settings, including off', async () => {
      const u = ws('broken.md');
      await open(u);
      await waitFor('empty-part', () => ours(u).some((d) => code(d) === 'structure.empty-part'));
      const cfg = vscode.workspace.getConfiguration('reviewObservations');
      await cfg.update('severity', { 'structure.empty-part': 'off', 'structure.no-such-article': 'info' }, vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('empty-part off', () => !ours(u).some((d) => code(d) === 'structure.empty-part'));
        const d = await waitFor('no-such-article as information', () => ours(u).find((x) => code(x) === 'structure.no-such-article' && x.severity === vscode.DiagnosticSeverity.Information));
        assert.ok(d);
      } finally {
        await cfg.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('empty-part back', () => ours(u).some((d) => code(d) === 'structure.empty-part'));
    });

    it('does not check a draft over the size limit, and says so', async () => {
      const cfg = vscode.workspace.getConfiguration('reviewObservations');
      await cfg.update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Workspace);
      try {
        const big = ws('big.md');
        const head = new TextDecoder().decode(await vscode.workspace.fs.readFile(ws('broken.md')));
        await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(head + 'Long text. '.repeat(120_000)));
        await open(big);
        const d = await waitFor('file.too-large', () => ours(big).find((x) => code(x) === 'file.too-large'));
        assert.equal(ours(big).length, 1);
        assert.match(d.message, /maxFileSizeMB/);
      } finally {
        await cfg.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    });

    it('checks article references: a wrong paragraph is an error naming what exists', async () => {
      const u = ws('refs.md');
      await open(u);
      const d = await waitFor('ref.no-such-paragraph', () => ours(u).find((x) => code(x) === 'ref.no-such-paragraph'));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /no paragraph 4; its paragraphs are 1, 2, 3/);
    });

    it('hover on a reference shows the article\'s title and instrument', async () => {
      const u = ws('refs.md');
      const doc = await vscode.workspace.openTextDocument(u);
      const lines = doc.getText().split(/\r?\n/);
      const line = lines.findIndex((l) => l.includes('article 6, paragraph 2 (c), of the Convention'));
      const character = lines[line]!.indexOf('article 6') + 3;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', u, new vscode.Position(line, character));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*Article 6, paragraph 2 \(c\)\*\* — Criminalization of the laundering of proceeds of crime/);
      assert.match(text, /犯罪所得洗钱行为的刑事定罪/);
      assert.match(text, /United Nations Convention against Transnational Organized Crime/);
    });

    it('go to definition jumps from a reference to the article\'s section', async () => {
      const u = ws('refs.md');
      const doc = await vscode.workspace.openTextDocument(u);
      const lines = doc.getText().split(/\r?\n/);
      const line = lines.findIndex((l) => l.startsWith('See article 5, paragraph 1'));
      const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', u, new vscode.Position(line, 6));
      assert.equal(locs.length, 1);
      assert.ok(lines[locs[0]!.range.start.line]!.endsWith('{#untoc-5}'));
    });

    it('completion after "article " offers the articles with their titles', async () => {
      const u = ws('refs.md');
      const editor = await open(u);
      const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Complete: article'));
      const pos = new vscode.Position(line, 'Complete: article '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', u, pos);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('6. Criminalization of the laundering of proceeds of crime'), labels.slice(0, 5).join(' | '));
    });

    it('the quick fix rewrites a reference to the UN citation style', async () => {
      const u = ws('refs.md');
      const editor = await open(u);
      const diag = await waitFor('ref.non-canonical', () => ours(u).find((d) => code(d) === 'ref.non-canonical'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', u, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith('Rewrite as'));
      assert.ok(fix?.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(editor.document.getText().includes('Short form: article 5, paragraph 1 (a).'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    const api = () => vscode.extensions.getExtension(EXT_ID)!.exports as { commentThreads(u: vscode.Uri): { id: string; kind: string; resolved: boolean; comments: number }[] };

    it('shows the draft\'s comment threads, rebuilt from the text', async () => {
      const u = ws('comments.md');
      await open(u);
      const threads = await waitFor('threads', () => { const x = api().commentThreads(u); return x.length >= 2 && x; });
      assert.deepEqual(threads.find((x) => x.id === 'aaaa1111'), { id: 'aaaa1111', kind: 'comment-open', resolved: false, comments: 2, line: 14 } as never);
      assert.equal(threads.find((x) => x.id === 'bbbb2222')?.resolved, true);
      const d = await waitFor('open-thread finding', () => ours(u).find((x) => code(x) === 'comment.open-thread'));
      assert.equal(d.range.start.line, 14);
    });

    it('adds a comment on a selection, replies to it and resolves it, each as an edit of the text', async () => {
      await vscode.workspace.getConfiguration('reviewObservations').update('author.name', 'Test Expert', vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('reviewObservations').update('author.state', 'Borealia', vscode.ConfigurationTarget.Global);
      const u = ws('comments.md');
      const editor = await open(u);
      const doc = editor.document;
      const at = doc.getText().indexOf('two provinces');
      editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 'two provinces'.length));
      assert.ok(await vscode.commands.executeCommand('reviewObservations.addComment', { text: 'Which ones?' }));
      const mark = /\{==two provinces==\}\{>>@([a-z0-9]{8})<<\}/.exec(doc.getText());
      assert.ok(mark, doc.getText());
      const id = mark[1]!;
      // The cursor is left after the mark, nothing selected: the next keystroke types text, it does not eat markup.
      assert.ok(editor.selection.isEmpty, 'no selection over the inserted markup');
      assert.equal(doc.offsetAt(editor.selection.active), mark.index + mark[0].length);
      await vscode.commands.executeCommand('type', { text: '!' });
      assert.ok(doc.getText().includes(`${mark[0]}!`), 'the keystroke lands after the mark, which stays whole');
      await vscode.commands.executeCommand('undo');
      assert.match(doc.getText(), new RegExp(`\\{>>@${id} \\| Test Expert \\(Borealia\\) \\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\| Which ones\\?<<\\}`));
      assert.ok(await vscode.commands.executeCommand('reviewObservations.replyTo', { threadId: id, text: 'North and East.', uri: u.toString() }));
      assert.ok(await vscode.commands.executeCommand('reviewObservations.comment.resolve', id, u.toString()));
      const th = await waitFor('resolved thread', () => api().commentThreads(u).find((x) => x.id === id && x.resolved));
      assert.equal(th.comments, 2);
    });

    it('hides resolved threads when asked', async () => {
      const u = ws('comments.md');
      const cfg = vscode.workspace.getConfiguration('reviewObservations');
      await cfg.update('comments.showResolved', false, vscode.ConfigurationTarget.Global);
      try {
        await waitFor('resolved hidden', () => !api().commentThreads(u).some((x) => x.id === 'bbbb2222'));
        assert.ok(api().commentThreads(u).some((x) => x.id === 'aaaa1111'));
      } finally {
        await cfg.update('comments.showResolved', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor('resolved shown again', () => api().commentThreads(u).some((x) => x.id === 'bbbb2222'));
    });

    it('suggests a replacement and accepts it', async () => {
      const u = ws('comments.md');
      const editor = await open(u);
      const doc = editor.document;
      const at = doc.getText().indexOf('capital');
      editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 'capital'.length));
      assert.ok(await vscode.commands.executeCommand('reviewObservations.suggest', { newText: 'capital city', comment: 'clearer' }));
      const mark = /\{~~capital~>capital city~~\}\{>>@([a-z0-9]{8})<<\}/.exec(doc.getText());
      assert.ok(mark, doc.getText());
      assert.ok(editor.selection.isEmpty && doc.offsetAt(editor.selection.active) === mark.index + mark[0].length, 'the cursor after the suggestion');
      await vscode.commands.executeCommand('type', { text: ' ' });
      assert.ok(doc.getText().includes(`${mark[0]} `), 'typing does not break the suggestion');
      await vscode.commands.executeCommand('undo');
      await waitFor('pending suggestion finding', () => ours(u).some((x) => code(x) === 'comment.pending-suggestion'));
      assert.ok(await vscode.commands.executeCommand('reviewObservations.acceptChange', mark[1], u.toString()));
      assert.match(doc.getText(), /The experts met in the capital city and in/);
      assert.doesNotMatch(doc.getText(), new RegExp(mark[1]!));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('the Markdown preview renders comments and suggestions, not raw markup', async () => {
      const src = (await vscode.workspace.openTextDocument(ws('comments.md'))).getText().replace('in the capital', 'in the {~~capital~>capital city~~}{>>@cccc3333<<}');
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', src);
      // Each block has one valid dir="auto" (VS Code's), never "auto auto".
      assert.match(html, /<p[^>]* dir="auto"/);
      assert.doesNotMatch(html, /dir="auto auto"/);
      assert.match(html, /<mark class="ro-comment"[^>]*>covers<\/mark>/);
      assert.match(html, /<del class="ro-del"[^>]*>capital<\/del><ins class="ro-ins"[^>]*>capital city<\/ins>/);
      assert.match(html, /class="ro-thread"/);
      assert.doesNotMatch(html, /\{==|\{>>@/);
      // The headings read as text, without the attributes that tie them to their article and part.
      assert.match(html, /<h3[^>]*>Article 5[^<]*<\/h3>/);
      assert.doesNotMatch(html, /<h[1-6][^>]*>[^<]*\{[#.]/);
    });

    it('checks every draft in the workspace for finalization, skipping other Markdown', async () => {
      const res = await vscode.commands.executeCommand<{ file: string; counts: { error: number } }[]>('reviewObservations.checkWorkspaceFinalization');
      const byFile = new Map(res.map((r) => [r.file, r]));
      assert.ok((byFile.get('broken.md')?.counts.error ?? 0) > 0);
      assert.ok((byFile.get('arcadia-list-of-observations.en.md')?.counts.error ?? 0) > 0, 'its empty part blocks finalization');
      assert.ok(!byFile.has('notes.md'));
      // Open or not, each open thread of comments.md is shown once, as an error.
      const threads = await waitFor('finalization errors on comments.md', () => {
        const d = vscode.languages.getDiagnostics(ws('comments.md')).filter((x) => code(x) === 'comment.open-thread');
        return d.length > 0 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error) && d;
      });
      const at = threads.map((d) => `${d.range.start.line}:${d.range.start.character}`);
      assert.equal(new Set(at).size, at.length, `one diagnostic per open thread: ${at.join(' ')}`);
    });

    it('check for finalization on the open draft shows each problem once, as an error, and follows edits', async () => {
      const u = ws('broken.md');
      const editor = await open(u);
      await vscode.commands.executeCommand('reviewObservations.checkFinalization');
      const empty = await waitFor('the empty part as an error', () => ours(u).find((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Error));
      const all = vscode.languages.getDiagnostics(u);
      const keys = all.map((d) => `${code(d)}@${d.range.start.line}:${d.range.start.character}`);
      assert.equal(new Set(keys).size, keys.length, `no problem twice: ${keys.join(' ')}`);
      assert.ok(!all.some((d) => d.source === 'review-obs (finalization)'), 'not a second copy beside the ordinary diagnostics');
      // Writing the part makes its error go, without running the check again.
      const line = empty.range.start.line;
      await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), 'Good practices are described.\n'));
      await waitFor('the error to follow the edit', () => !ours(u).some((d) => code(d) === 'structure.empty-part' && d.range.start.line === line) || undefined);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // "Check the draft" is the ordinary check again: empty parts are a note on their article while drafting.
      await open(u);
      await vscode.commands.executeCommand('reviewObservations.check');
      await waitFor('the ordinary check', () => ours(u).find((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Information));
    });

    type Snapshot = { rows: { key: string; state: string | null; status: string }[]; statusBar: string };
    const snapshot = () => vscode.commands.executeCommand<Snapshot>('reviewObservations.progressSnapshot');

    it('shows who drafts which article: progress view data, status bar and a CodeLens per article', async () => {
      const u = ws('assign.md');
      await open(u);
      const snap = await waitForAsync('progress', async () => { const x = await snapshot(); return x.rows.length === 5 && x.statusBar.includes('1/5') && x; });
      assert.deepEqual(snap.rows.map((r) => r.status), ['agreed-with-state', 'ready-for-co-reviewer', 'drafting', 'drafting', 'drafting']);
      assert.match(snap.statusBar, /agreed 1\/5 articles/);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', u);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.ok(titles.some((x) => x.includes('Borealia · Ana Pérez · agreed with the State under review · 0 open thread(s) · 0 pending suggestion(s)')), titles.join('\n'));
    });

    it('keeps following the draft while its preview has the focus', async () => {
      await open(ws('assign.md'));
      await waitForAsync('progress', async () => (await snapshot()).rows.length === 5);
      await vscode.commands.executeCommand('markdown.showPreview');
      await waitFor('the preview to take the focus', () => !vscode.window.activeTextEditor || undefined);
      const snap = await snapshot();
      assert.equal(snap.rows.length, 5, 'the progress view still shows the draft');
      assert.match(snap.statusBar, /agreed \d\/5 articles/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('changes an article\'s status with one edit of the front matter', async () => {
      const u = ws('assign.md');
      const editor = await open(u);
      assert.ok(await vscode.commands.executeCommand('reviewObservations.setStatus', 'untoc-6', 'agreed-with-state'));
      // An agreed status records who agreed (the identity of the settings), when, and the fingerprint of the text.
      assert.match(editor.document.getText(), /untoc-6:\n    state: Calderra\n    status: agreed-with-state\n    agreed-by: "?[^\n]+\n    agreed-on: "\d{4}-\d\d-\d\dT[\d:]+Z"\n    agreed-text: "[0-9a-f]{16}"\n/);
      await waitForAsync('status bar 2/5', async () => (await snapshot()).statusBar.includes('2/5'));
    });

    it('splits the articles between the reviewing States', async () => {
      const u = ws('assign.md');
      const editor = await open(u);
      assert.ok(await vscode.commands.executeCommand('reviewObservations.splitArticles', 'alternating'));
      const snap = await waitForAsync('split', async () => { const x = await snapshot(); return x.rows.every((r) => r.state) && x; });
      // Calderra reviews the Convention and the TIP Protocol only, so the SOM article goes to Borealia.
      assert.deepEqual(snap.rows.map((r) => r.state), ['Borealia', 'Calderra', 'Borealia', 'Calderra', 'Borealia']);
      // One field a line, so that co-reviewers' changes of different articles merge.
      assert.match(editor.document.getText(), /  untoc-5:\n    state: Borealia\n    expert: Ana Pérez\n    status: agreed-with-state\n  untoc-6:\n    state: Calderra\n/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('turns a co-reviewer\'s untracked changes into their suggestions; accepting all gives their copy', async () => {
      const u = ws('assign.md');
      const editor = await open(u);
      assert.ok(await vscode.commands.executeCommand('reviewObservations.importSuggestions', { copyUri: ws('assign-copy.md').toString(), author: 'Li Wei (Calderra)' }));
      const text = editor.document.getText();
      assert.match(text, /\{~~four~>three~~\}\{>>@[a-z0-9]{8}<<\}/);
      assert.match(text, /\{\+\+detailed \+\+\}\{>>@[a-z0-9]{8}<<\}/);
      assert.match(text, /\| Li Wei \(Calderra\) \|/);
      assert.ok(await vscode.commands.executeCommand('reviewObservations.acceptAllChanges'));
      const copy = new TextDecoder().decode(await vscode.workspace.fs.readFile(ws('assign-copy.md')));
      assert.equal(editor.document.getText(), copy);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('compares the draft with another file, and with a git revision, in the diff editor', async () => {
      const u = ws('assign.md');
      await open(u);
      assert.ok(await vscode.commands.executeCommand('reviewObservations.compareWithFile', ws('assign-copy.md').toString()));
      const tab = () => vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      await waitFor('diff tab', () => tab() instanceof vscode.TabInputTextDiff);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const editor = await open(u);
      await editor.edit((e) => e.insert(new vscode.Position(30, 0), 'A new line.\n'));
      const ok = await waitForAsync('git repository', async () => vscode.commands.executeCommand<boolean>('reviewObservations.compareWithRevision', 'HEAD'), 40_000);
      assert.ok(ok);
      const input = await waitFor('revision diff', () => { const i = tab(); return i instanceof vscode.TabInputTextDiff && i; });
      assert.equal(input.original.scheme, 'review-obs-rev');
      const left = await vscode.workspace.openTextDocument(input.original);
      assert.ok(!left.getText().includes('A new line.'));
      assert.ok(left.getText().includes('untoc-5: {state: Borealia'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await open(u);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('exports the draft to Word, asking nothing when told what to do', async () => {
      await open(ws('comments.md'));
      const target = ws('comments.docx');
      const uri = await vscode.commands.executeCommand<vscode.Uri>('reviewObservations.exportWord', { mode: 'with-changes', target: target.toString() });
      assert.equal(uri?.toString(), target.toString());
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), 'PK');
      assert.ok(bytes.length > 5000);
      assert.ok(loadedBundles(vscode.extensions.getExtension(EXT_ID)!).includes('docx-export.js'), 'the exporter bundle is loaded by the first export');
    });

    it('imports a returned Word file into the open draft: nothing when unchanged, a State\'s tracked insertion as its suggestion', async () => {
      const u = ws('comments.md');
      const editor = await open(u);
      const before = editor.document.getText();
      const out = ws('returned.docx');
      await vscode.commands.executeCommand('reviewObservations.exportWord', { mode: 'with-changes', target: out.toString(), force: true });
      await vscode.commands.executeCommand('reviewObservations.importWord', { docxUri: out.toString() });
      assert.equal(editor.document.getText(), before, 'an unchanged file changes nothing');
      assert.equal(editor.document.isDirty, false);
      // What a State's expert does in Word: a tracked insertion after "two provinces".
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(await vscode.workspace.fs.readFile(out));
      const xml = await zip.file('word/document.xml')!.async('string');
      const at = xml.indexOf('two provinces.');
      assert.ok(at > 0);
      const runEnd = xml.indexOf('</w:r>', at) + '</w:r>'.length;
      zip.file('word/document.xml', `${xml.slice(0, runEnd)}<w:ins w:id="901" w:author="Pedro Ruiz (Arcadia)" w:date="2026-12-01T09:00:00Z"><w:r><w:t xml:space="preserve"> In 2023 a third one was added.</w:t></w:r></w:ins>${xml.slice(runEnd)}`);
      await vscode.workspace.fs.writeFile(out, await zip.generateAsync({ type: 'uint8array' }));
      await vscode.commands.executeCommand('reviewObservations.importWord', { docxUri: out.toString() });
      const after = editor.document.getText();
      assert.match(after, /two provinces\.\{\+\+ In 2023 a third one was added\.\+\+\}\{>>@([a-z0-9]{8})<<\}\n\{>>@\1 \| Pedro Ruiz \(Arcadia\) \| 2026-12-01T09:00:00Z<<\}/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(out);
    });

    it('follows the configuration file of the draft\'s folder, shows its problems at their place, and follows its changes', async () => {
      const u = ws('configured', 'draft.md');
      await open(u);
      // structure.empty-part: error in the file beats the built-in warning.
      const empty = await waitFor('the configured severity', () => ours(u).find((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(empty);
      // The wrong value is a finding on the configuration file, at its line; the rest of the file still applies.
      const cfg = ws('configured', '.review-obs.yaml');
      const bad = await waitFor('the configuration problem', () => ours(cfg).find((d) => code(d) === 'config.invalid'));
      assert.equal(bad.range.start.line, 3);
      assert.match(bad.message, /structure\.missing-part/);
      // A file the configuration ignores gets no diagnostics.
      const old = ws('configured', 'archive', 'old.md');
      await open(old);
      await waitFor('the ignored draft to be left alone', () => vscode.languages.getDiagnostics(old).length === 0 || undefined, 5_000).catch(() => undefined);
      await open(u);
      assert.deepEqual(ours(old), [], 'an ignored draft has no diagnostics');
      assert.ok(ours(u).length > 0, 'while the draft beside it has');
      // The team changes the file: the open draft follows.
      await vscode.workspace.fs.writeFile(cfg, new TextEncoder().encode('severity:\n  structure.empty-part: off\n'));
      await waitFor('the new severity', () => !ours(u).some((d) => code(d) === 'structure.empty-part') && ours(u).length > 0);
      await waitFor('the configuration problem to go', () => ours(cfg).length === 0);
    });

    it('an agreed article edited afterwards: the finding, its quick fixes, and the changes since agreement from git', async () => {
      const u = ws('assign.md');
      const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      const git = (...a: string[]) => String(require('node:child_process').execFileSync('git', a, { cwd: folder, encoding: 'utf8' })).trim();
      const base = git('rev-parse', 'HEAD');
      const editor = await open(u);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      try {
        assert.ok(await vscode.commands.executeCommand('reviewObservations.setStatus', 'untoc-23', 'agreed-by-reviewers'));
        await editor.document.save();
        git('commit', '-qam', 'untoc-23 agreed');
        const line = editor.document.getText().split('\n').findIndex((l) => l.includes('{#untoc-23}'));
        await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '\nA sentence written after the agreement.\n'));
        const diag = await waitFor('the agreement finding', () => ours(u).find((d) => code(d) === 'assignment.changed-after-agreement'));
        assert.equal(diag.range.start.line, line);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', u, diag.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map((a) => a.title);
        for (const t of ['Show the changes since agreement', 'Agree to the text as it is now', 'Reopen the article (back to drafting)']) assert.ok(titles.includes(t), titles.join(' | '));
        // The agreed version is found in the git history and opened beside the draft.
        const show = actions.find((a) => a.title === 'Show the changes since agreement')!;
        assert.ok(await vscode.commands.executeCommand(show.command!.command, ...(show.command!.arguments ?? [])));
        const input = await waitFor('the diff of the agreed text', () => { const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input; return i instanceof vscode.TabInputTextDiff && i; });
        assert.equal(input.original.scheme, 'review-obs-rev');
        const agreed = await vscode.workspace.openTextDocument(input.original);
        assert.ok(!agreed.getText().includes('A sentence written after the agreement.'));
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        // Reopened, the finding goes and the agreement with it.
        const reopen = actions.find((a) => a.title === 'Reopen the article (back to drafting)')!;
        await open(u);
        assert.ok(await vscode.commands.executeCommand(reopen.command!.command, ...(reopen.command!.arguments ?? [])));
        await waitFor('the finding to go', () => !ours(u).some((d) => code(d) === 'assignment.changed-after-agreement') || undefined);
        assert.ok(!editor.document.getText().includes('agreed-text'));
      } finally {
        git('reset', '-q', '--hard', base);
        await open(u);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    it('leaves the workbench showing a draft and its problems (for the screenshot)', async () => {
      const shot = process.env.REVIEW_OBS_SCREENSHOT_DRAFT ?? 'broken.md';
      await open(ws(shot));
      await vscode.commands.executeCommand(shot === 'comments.md' ? 'workbench.action.focusCommentsPanel' : 'workbench.actions.view.problems');
      // What the screenshot shows: the draft in the editor, with its problems.
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith(`/${shot}`));
      await waitFor('its problems', () => ours(ws(shot)).length > 0 || undefined);
    });
  });
}
