// Co-reviewers' copies merged by real git on generated scenarios: different threads merge cleanly, the same thread conflicts on adjacent lines and loses nothing.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { draftRepo, removeRepos } from './gitRepo';
import { addComment, applyEdits, checkModel, DraftAnalysis, fixesFor, parseComments, reply, setResolved, suggestChange, type OpContext } from '../../src/core/index';

afterAll(removeRepos);
const repo = draftRepo;

let seq = 0;
const ctx = (name: string, state: string): OpContext => ({ author: { name, state }, now: () => new Date(Date.UTC(2026, 10, 23, 9, 0, seq)), newId: (n) => (++seq).toString(36).padStart(n, '0').slice(-n) });

const word = fc.constantFrom('criminal', 'group', 'offence', 'section', '犯罪', '集团', 'جريمة', 'law', 'court', '第5条', 'article 5 of the Convention');
const paragraph = fc.array(word, { minLength: 3, maxLength: 8 }).map((w) => w.join(' ') + '.');

type Action = { kind: 'comment' | 'suggest' | 'reply' | 'resolve'; target: number };
/** A base of paragraphs, one existing thread on each, and two disjoint sets of actions: one per co-reviewer. */
const scenario = fc.record({
  paras: fc.array(paragraph, { minLength: 4, maxLength: 8 }),
  eol: fc.constantFrom('\n', '\r\n'),
  actions: fc.array(fc.constantFrom<Action['kind']>('comment', 'suggest', 'reply', 'resolve'), { minLength: 2, maxLength: 6 }),
  split: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

function build(paras: string[], eol: string) {
  let text = paras.join(eol + eol) + eol;
  const starts = paras.map((_, i) => paras.slice(0, i).reduce((n, p) => n + p.length + 2 * eol.length, 0));
  const threads: string[] = [];
  // Last paragraph first, so the offsets of the earlier ones stay valid (repeated paragraphs each get a thread).
  for (let i = paras.length - 1; i >= 0; i--) {
    const r = addComment(text, starts[i]!, starts[i]! + paras[i]!.indexOf(' '), `base note ${i}`, ctx('Base', 'Secretariat'));
    text = applyEdits(text, r.edits);
    threads[i] = r.id;
  }
  return { text, threads };
}

function act(text: string, threads: string[], paraIndex: number, kind: Action['kind'], who: OpContext): string {
  const m = parseComments(text);
  const th = m.threads.find((t) => t.id === threads[paraIndex])!;
  if (kind === 'reply') return applyEdits(text, reply(text, th.id, `reply from ${who.author.name}`, who));
  if (kind === 'resolve') return applyEdits(text, setResolved(text, th.id, true, who));
  // New marks go on the paragraph's last word, outside the existing mark.
  const lineEnd = text.indexOf(text.includes('\r\n') ? '\r\n' : '\n', th.mark!.end);
  const lastSpace = text.lastIndexOf(' ', lineEnd);
  const [s, e] = [lastSpace + 1, lineEnd - 1];
  if (kind === 'comment') return applyEdits(text, addComment(text, s, e, `comment from ${who.author.name}`, who).edits);
  return applyEdits(text, suggestChange(text, s, e, 'changed', who, 'why').edits);
}

const ids = (t: string) => new Set(parseComments(t).blocks.map((b) => b.id));

describe('git merge of co-reviewers\' copies', () => {
  it('different threads: git merges without conflict and keeps every comment, reply, event and suggestion', () => {
    fc.assert(fc.property(scenario, ({ paras, eol, actions, split }) => {
      const { text: base, threads } = build(paras, eol);
      let ana = base, li = base;
      // Each co-reviewer works on their own paragraphs (and the threads on them).
      actions.slice(0, paras.length).forEach((kind, i) => {
        const p = i % paras.length;
        if (split[p]) ana = act(ana, threads, p, kind, ctx('Ana', 'Borealia'));
        else li = act(li, threads, p, kind, ctx('Li', 'Calderra'));
      });
      const r = repo(base);
      r.branch('ana', ana);
      r.branch('li', li);
      const merged = r.merge('ana', 'li');
      expect(merged.ok).toBe(true);
      const all = ids(merged.text);
      for (const id of [...ids(ana), ...ids(li)]) expect(all.has(id)).toBe(true);
      const marks = new Set(parseComments(merged.text).marks.map((m) => m.id));
      for (const m of [...parseComments(ana).marks, ...parseComments(li).marks]) expect(marks.has(m.id)).toBe(true);
      expect(parseComments(merged.text).problems).toEqual([]);
    }), { numRuns: 25 });
  }, 120_000);

  for (const style of ['merge', 'diff3', 'zdiff3']) it(`replies to the same thread (conflict style ${style}): a conflict on adjacent lines that loses nothing, and Keep both resolves it`, () => {
    fc.assert(fc.property(fc.array(paragraph, { minLength: 2, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), fc.nat(3), (paras, eol, k) => {
      const { text: base, threads } = build(paras, eol);
      const p = k % paras.length;
      const ana = act(base, threads, p, 'reply', ctx('Ana', 'Borealia'));
      const li = act(base, threads, p, 'reply', ctx('Li', 'Calderra'));
      const r = repo(base, style);
      r.branch('ana', ana);
      r.branch('li', li);
      const merged = r.merge('ana', 'li');
      expect(merged.ok).toBe(false);
      // Both replies are inside the conflict, on the lines right next to its separator (after the base's, in diff3).
      const lines = merged.text.split(/\r?\n/);
      const mid = lines.indexOf('=======');
      expect(lines[(style === 'merge' ? mid : lines.findIndex((l) => l.startsWith('|||||||'))) - 1]).toContain('reply from Ana');
      expect(lines[mid + 1]).toContain('reply from Li');
      const draft = DraftAnalysis.parse(merged.text);
      const conflict = checkModel(draftWithFrontMatter(merged.text)).find((f) => f.code === 'comment.merge-conflict');
      expect(conflict).toBeDefined();
      void draft;
      const model = draftWithFrontMatter(merged.text);
      const [fix] = fixesFor(model, conflict!);
      const fixed = applyEdits(model.text, [fix!.edit]);
      const after = parseComments(fixed);
      expect(after.problems).toEqual([]);
      for (const id of [...ids(ana), ...ids(li)]) expect(ids(fixed).has(id)).toBe(true);
      // nothing of the base is kept twice, and no conflict line is left
      expect(fixed).not.toMatch(/^(?:<{7}|\|{7}|={7}|>{7})/m);
      expect(after.blocks.length).toBe(new Set([...ids(ana), ...ids(li)]).size);
    }), { numRuns: style === 'merge' ? 6 : 3 });
  }, 120_000);
});

/** The check rules run on drafts: give the merged text a front matter without moving its offsets' meaning. */
function draftWithFrontMatter(text: string): DraftAnalysis {
  return DraftAnalysis.parse(`---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\narticles:\n  untoc: []\n---\n${text}`);
}
