// The first hour in the editor, driven as a person drives it: walkthrough buttons clicked, the Command Palette typed
// into, quick inputs answered by typing and Enter, keys pressed, and the text and the screen looked at afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { newDraft } from '../../../src/core/index';
import { code, open, ours, waitFor, waitForAsync, ws } from './helpers';
import { ui } from './ui';

const EXT_ID = 'review-observations.review-observations';
const cfg = () => vscode.workspace.getConfiguration('reviewObservations');
const read = async (u: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
const exists = async (u: vscode.Uri) => { try { await vscode.workspace.fs.stat(u); return true; } catch { return false; } };

/** A draft of two articles with one thread and one suggestion, written for these tests alone. */
function sampleDraft(languages: string[] = ['en']): string {
  return newDraft({
    kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc'], languages,
    reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }], articles: { untoc: [5, 6] },
  });
}
/** The sample draft with `text` written in its introduction (before the part's hint), saved as `name`. */
function draftWith(name: string, text: string): Promise<vscode.Uri> {
  return writeDraft(name, sampleDraft().replace('<!-- ', `${text}<!-- `));
}
async function writeDraft(name: string, text: string): Promise<vscode.Uri> {
  const u = ws(name);
  await vscode.workspace.fs.writeFile(u, new TextEncoder().encode(text));
  return u;
}
/** Puts the cursor before `what` and selects it with Shift+→, one character at a time, as a person does. */
async function selectByKeyboard(editor: vscode.TextEditor, what: string): Promise<void> {
  const at = editor.document.getText().indexOf(what);
  assert.ok(at >= 0, `"${what}" is in the draft`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
  await ui.focusIn('monaco-editor');
  // The cursor set through the API reaches the window a moment later; the keys must start from it.
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < [...what].length; i++) await ui.press('Shift+ArrowRight');
  await waitFor('the selection', () => editor.document.getText(editor.selection) === what || undefined);
}

/** Selects a walkthrough step and reads it: its media is loaded (a person reads before clicking its button). */
async function openStep(title: string): Promise<void> {
  await ui.click(`.gettingStartedContainer button.getting-started-step:has-text(${JSON.stringify(title)})`);
  await ui.waitFor(`.gettingStartedContainer button.getting-started-step.expanded:has-text(${JSON.stringify(title)})`);
  await new Promise((r) => setTimeout(r, 2000));
}
async function setIdentity(): Promise<void> {
  await cfg().update('author.name', 'Amina Haddad', vscode.ConfigurationTarget.Global);
  await cfg().update('author.state', 'Borealia', vscode.ConfigurationTarget.Global);
}

export function uiTests(): void {
  describe('The first hour, driven through the UI', function () {
    before(function () {
      // Under the project's runner the bridge is always there; only @vscode/test-electron runs without a page.
      if (!ui.available) { assert.ok(!process.env.REVIEW_OBS_TEST_OUT, 'the runner serves the UI bridge'); this.skip(); }
    });
    afterEach(async function () {
      // A failed step can leave a box open (they keep their focus): the screen is kept, and the box closed for the next.
      if (this.currentTest?.state === 'failed') await ui.screenshot(`failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
      for (let i = 0; i < 3; i++) await ui.press('Escape');
    });

    it('the walkthrough\'s "Set name and State" asks for both, keeps both, and ticks its step', async () => {
      await cfg().update('author.name', undefined, vscode.ConfigurationTarget.Global);
      await cfg().update('author.state', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXT_ID}#getStarted`, false);
      await openStep('Set your name and State');
      await ui.click('.gettingStartedContainer .getting-started-step.expanded a:has-text("Set name and State"), .gettingStartedContainer .getting-started-step.expanded .monaco-button:has-text("Set name and State")');
      await ui.answer('Your name, as co-reviewers will see it', 'Amina Haddad');
      // The second box must still be there although the first closed over the Welcome page (focus moved back to it).
      await ui.answer('The State party you review for', 'Borealia');
      await waitFor('both settings', () => cfg().get('author.name') === 'Amina Haddad' && cfg().get('author.state') === 'Borealia');
      await ui.waitFor('.gettingStartedContainer [data-done-step-id$="#identity"].complete');
    });

    it('the walkthrough\'s "Create a draft" runs the wizard to the end; Enter through it gives a draft in the default language', async () => {
      const target = ws('list-of-observations.md');
      if (await exists(target)) await vscode.workspace.fs.delete(target);
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXT_ID}#getStarted`, false);
      await openStep('Create a draft');
      await ui.click('.gettingStartedContainer .getting-started-step.expanded a:has-text("New list of observations"), .gettingStartedContainer .getting-started-step.expanded .monaco-button:has-text("New list of observations")');
      await ui.answer('State party under review', 'Arcadia');
      await ui.answer('Reviewing States parties', 'Borealia, Calderra');
      await ui.answer('Thematic cluster under review');
      await ui.answer('Instruments the State party under review is party to');
      await ui.answer('Language of the review');
      await ui.answer('Second language of the review');
      // The save dialog (VS Code's own, in the browser) offers the workspace's folder and a name: Enter keeps them.
      await ui.answer('Save the new list of observations');
      await waitForAsync('the new draft on disk', () => exists(target), 30_000);
      const text = await read(target);
      assert.match(text, /^languages: \[en\]$/m);
      assert.match(text, /^### Article 5\. Criminalization of participation in an organized criminal group \{#untoc-5\}$/m);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      // What a new user sees first: one note per article, in the Problems panel.
      await waitFor('empty-part notes', () => ours(target).length > 0 || undefined);
      assert.ok(ours(target).every((d) => code(d) === 'structure.empty-part' && d.severity === vscode.DiagnosticSeverity.Information));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await ui.waitFor('.markers-panel .monaco-list-row');
      // The panel shows the new draft alone, as a person filters it by typing the file's name.
      await ui.click('.viewpane-filter input');
      await ui.type('list-of-observations.md');
      await ui.waitFor('.markers-panel .monaco-list-row:has-text("parts empty")');
      await new Promise((r) => setTimeout(r, 800));
      await ui.screenshot('problems-new-draft');
      await ui.press('Control+A', 'Delete', 'Escape');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Comment on the selection, from the palette: the next keystroke lands after the mark, which stays whole', async () => {
      await setIdentity();
      const u = await draftWith('ui-comment.md', 'The experts met in the capital. ');
      const editor = await open(u);
      await selectByKeyboard(editor, 'the capital');
      await ui.command('Comment on the selection');
      await ui.answer('Comment on the selected text', 'Which city?');
      const mark = await waitFor('the mark', () => /\{==the capital==\}\{>>@[a-z0-9]{8}<<\}/.exec(editor.document.getText()) ?? undefined);
      await ui.type('!');
      await waitFor('the keystroke', () => editor.document.getText().includes(`${mark[0]}!`) || undefined);
      assert.match(editor.document.getText(), /\| Amina Haddad \(Borealia\) \| [0-9TZ:-]+ \| Which city\?<<\}/);
    });

    it('Suggest a change, from the palette, asks for the new text and the reason, and leaves the cursor after the mark', async () => {
      await setIdentity();
      const u = await draftWith('ui-suggest.md', 'The experts met in two provinces. ');
      const editor = await open(u);
      await selectByKeyboard(editor, 'two provinces');
      await ui.command('Suggest a change');
      await ui.answer('Replace with', 'three provinces');
      await ui.answer('Why this change?', 'As the report says.');
      const mark = await waitFor('the suggestion', () => /\{~~two provinces~>three provinces~~\}\{>>@([a-z0-9]{8})<<\}/.exec(editor.document.getText()) ?? undefined);
      assert.match(editor.document.getText(), new RegExp(`\\{>>@${mark[1]} \\| Amina Haddad \\(Borealia\\) \\| [0-9TZ:-]+ \\| As the report says\\.<<\\}`));
      await ui.type('.');
      await waitFor('the keystroke', () => editor.document.getText().includes(`${mark[0]}.`) || undefined);
      // Without a reason, the Comments panel says what the suggestion is (not "(no comment)").
      await selectByKeyboard(editor, 'The experts');
      await ui.command('Suggest a change');
      await ui.answer('Replace with', 'The reviewing experts');
      await ui.answer('Why this change?');
      await waitFor('the second suggestion', () => editor.document.getText().includes('{~~The experts~>The reviewing experts~~}') || undefined);
      await vscode.commands.executeCommand('workbench.action.focusCommentsPanel');
      await ui.waitFor('.monaco-list-row:has-text("Suggested replacement: \\"The experts\\" → \\"The reviewing experts\\"")');
    });

    it('Turn differences into suggestions, from the palette: a paragraph added before a heading leaves the heading a heading', async () => {
      const draft = sampleDraft().replace(/(#### Suggestions and recommendations)/, 'The law was amended in 2019.\n\n$1');
      const u = await writeDraft('ui-import.md', draft);
      const copy = await writeDraft('ui-import-copy.md', draft.replace(/(#### Suggestions and recommendations)/, 'The courts apply it since 2020.\n\n$1'));
      const editor = await open(u);
      await ui.command('Turn differences into suggestions…');
      // VS Code's own file dialog, in the browser, lists the folder (it completes names as one types, which races a
      // typist): the person goes down the list to the copy's name and presses Enter.
      await ui.waitFor('.quick-input-widget:has-text("Import as suggestions")');
      await ui.focusIn('quick-input-widget');
      const name = copy.path.split('/').pop()!;
      for (let i = 0; ; i++) {
        const [label = ''] = await ui.texts('.quick-input-list .monaco-list-row.focused .label-name');
        if (label === name) break;
        if (i === 80) throw new Error(`${name} is not in the file dialog's list (at "${label}")`);
        await ui.press('ArrowDown');
      }
      await ui.press('Enter');
      await ui.answer('Whose changes are these?', 'Li Wei (Calderra)');
      await waitFor('the suggestion', () => editor.document.getText().includes('The courts apply it since 2020.') || undefined);
      const lines = editor.document.getText().split('\n');
      assert.ok(lines.some((l) => l.startsWith('#### Suggestions and recommendations {.suggestions}')), 'the heading is still a heading');
      assert.ok(!lines.some((l) => /^\S.*#### Suggestions/.test(l)), 'no markup in front of the heading');
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(!ours(u).some((d) => code(d) === 'structure.missing-part'), ours(u).map((d) => d.message).join('\n'));
    });

    it('keys: Alt+F8 stays VS Code\'s in ordinary Markdown; Ctrl+Alt+] goes to the next change in a draft', async () => {
      const plain = await writeDraft('ui-plain.md', '# Notes\n\nA line.\n\nSomething {==marked==}{>>@abcd1234<<} here.\n');
      let editor = await open(plain);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await ui.focusIn('monaco-editor');
      await new Promise((r) => setTimeout(r, 1000));
      await ui.press('Alt+F8');
      await new Promise((r) => setTimeout(r, 800));
      assert.equal(editor.document.offsetAt(editor.selection.active), 0, 'Alt+F8 did not jump to the mark in ordinary Markdown');
      const draft = await draftWith('ui-keys.md', 'One {++added++}{>>@abcd1234<<} word. ');
      editor = await open(draft);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      // The keys are bound in drafts only: the draft's context key is set once the draft is the active editor.
      await ui.focusIn('monaco-editor');
      await new Promise((r) => setTimeout(r, 1500));
      await ui.press('Control+Alt+BracketRight');
      const at = editor.document.getText().indexOf('{++added++}');
      await waitFor('the cursor at the change', () => Math.abs(editor.document.offsetAt(editor.selection.start) - at) <= 3 || undefined);
    });

    it('Check for finalization, from the palette, then typing into the empty part: one error, gone as the text comes', async () => {
      const text = sampleDraft();
      const u = await writeDraft('ui-final.md', text);
      const editor = await open(u);
      await waitFor('the notes', () => ours(u).length > 0 || undefined);
      await ui.command('Check for finalization');
      const gapsLine = editor.document.getText().split('\n').findIndex((l) => l.includes('{.gaps}'));
      const atGaps = () => ours(u).filter((d) => code(d) === 'structure.empty-part' && d.range.start.line === gapsLine);
      await waitFor('the finalization error on the empty part', () => atGaps().length === 1 && atGaps()[0]!.severity === vscode.DiagnosticSeverity.Error || undefined);
      // Each problem once: no second collection repeating the ordinary check's notes.
      const all = vscode.languages.getDiagnostics(u);
      assert.equal(new Set(all.map((d) => `${code(d)}@${d.range.start.line}`)).size, all.length, all.map((d) => `${d.source} ${code(d)}@${d.range.start.line}`).join('\n'));
      // The readiness view shows the draft, blocked...
      await ui.waitFor('.monaco-list-row:has-text("ui-final.md"):has-text("blocked")');
      // ...and the keyboard stays in the draft; the person goes to the end of the part's hint and writes below it.
      await ui.focusIn('monaco-editor');
      const hint = editor.document.getText().split('\n').findIndex((l, i) => i > gapsLine && l.trim() !== '');
      editor.selection = new vscode.Selection(hint, 0, hint, 0);
      await new Promise((r) => setTimeout(r, 500));
      await ui.press('End', 'Enter', 'Enter');
      await ui.type('No gaps were identified.');
      await waitFor('the text in the part', () => editor.document.lineAt(hint + 2).text === 'No gaps were identified.' || undefined);
      await waitFor('the error gone', () => atGaps().length === 0 || undefined);
    });

    it('the status bar and Review progress keep the draft while its preview has the focus', async () => {
      const u = await writeDraft('ui-preview.md', sampleDraft());
      await open(u);
      await ui.waitFor('.statusbar-item:has-text("agreed 0/2 articles")');
      await ui.command('Markdown: Open Preview to the Side');
      await ui.waitFor('iframe.webview.ready', 'attached');
      await new Promise((r) => setTimeout(r, 1000));
      await ui.waitFor('.statusbar-item:has-text("agreed 0/2 articles")');
    });

    it('a thread with its reply, the progress view, and an Arabic draft\'s preview read in its webview (and photographed for the README)', async () => {
      const thread = 'The experts met in the {==capital==}{>>@aaaa1111<<}.\n{>>@aaaa1111 | Amina Haddad (Borealia) | 2026-11-23T09:00:00Z | Which city?<<}\n'
        + '{>>@aaaa1111.r001 | Li Wei (Calderra) | 2026-11-23T10:00:00Z | The capital and two provinces.<<}\n\n';
      const sample = await draftWith('ui-thread.md', thread);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await open(sample);
      // The thread opens where a person clicks its mark in the gutter, with its reply under it.
      await ui.click('.comment-range-glyph.comment-thread, .comment-range-glyph.comment-thread-unresolved');
      await ui.waitFor('.review-widget:has-text("The capital and two provinces.")');
      // Its header says where the conversation stands, not VS Code's "Start discussion".
      await ui.waitFor('.review-widget:has-text("Under discussion")');
      await new Promise((r) => setTimeout(r, 800));
      await ui.screenshot('thread-with-replies');
      await vscode.commands.executeCommand('reviewObservations.progress.focus');
      await ui.waitFor('.monaco-list-row:has-text("Article 5")');
      await ui.screenshot('progress-view');
      const ar = await writeDraft('ui-arabic.md', sampleDraft(['ar', 'en']).replace(/(\{\.implementation\}\n\n)<!--[^\n]*-->/, '$1تجرّم الدولة الطرف المشاركة في جماعة إجرامية منظمة في المادة 212 من قانون العقوبات. The 2009 Code applies.'));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await open(ar);
      // The palette may take the keys while the editors just closed are still going; a person whose preview did not
      // come asks again. Up to three times, each time until VS Code has the draft's preview tab.
      const previewTab = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('ui-arabic')));
      for (let attempt = 0; attempt < 3 && !previewTab(); attempt++) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ar));
        await ui.command('Markdown: Open Preview to the Side');
        await waitForAsync('the preview tab', async () => previewTab(), 8_000).catch(() => undefined);
      }
      assert.ok(previewTab(), 'the draft\'s preview did not open from the palette');
      await ui.waitFor('iframe.webview.ready', 'attached');
      // What the preview shows, read in its webview: each block with one dir="auto", headings without attributes.
      // The webview may show a first render before the last one; wait for the paragraph, and name what it showed.
      let seen = '';
      const html = await waitForAsync('the preview', async () => {
        const frame = (await ui.frames('تجرّم الدولة الطرف'))[0];
        if (frame) seen = frame.slice(Math.max(0, frame.indexOf('تجرّم الدولة الطرف') - 300), frame.indexOf('تجرّم الدولة الطرف') + 40);
        return frame && /<p[^>]* dir="auto"[^>]*>تجرّم الدولة الطرف/.test(frame) ? frame : undefined;
      }, 40_000).catch((e: Error) => { throw new Error(`${e.message}; around the paragraph the preview showed: ${seen}`); });
      assert.doesNotMatch(html, /dir="auto auto"/);
      assert.match(html, /<h2[^>]*>[^<]*Introduction<\/h2>/);
      assert.doesNotMatch(html, /<h[1-6][^>]*>[^<]*\{[#.]/);
      await new Promise((r) => setTimeout(r, 1500));
      await ui.screenshot('arabic-preview');
    });
  });
}
