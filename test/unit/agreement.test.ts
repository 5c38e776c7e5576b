// Agreement bound to the text it agreed to: the fingerprint follows every edit of the article and nothing else, the
// status edit records it, real git merges keep two agreements apart, and the CLI sets and shows them.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { draftRepo, removeRepos } from './gitRepo';
import { main } from '../../src/cli/main';
import { addComment, agreements, applyEdits, articleStatuses, checkModel, DraftAnalysis, newDraft, setResolved, setStatusEdit, suggestChange, type OpContext } from '../../src/core/index';
import { accept } from '../../src/core/comments/ops';
import { sha256Hex } from '../../src/core/text/sha256';

const prose = (n: number) => `The reviewers noted measure ${n} of the Criminal Code, which applies the offence in full.`;
/** A draft whose parts all say something, with untoc-5 and untoc-6 assigned one field a line. */
const base = (() => {
  let t = newDraft({
    kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc'], languages: ['en'],
    reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }],
    articles: { untoc: [5, 6, 23] },
  });
  let n = 0;
  t = t.replace(/<!--[^]*?-->/g, () => prose(++n));
  return t.replace('stage: drafting\n', 'stage: drafting\nassignments:\n  untoc-5:\n    state: Borealia\n    status: ready-for-co-reviewer\n  untoc-6:\n    state: Calderra\n    status: ready-for-co-reviewer\n  untoc-23:\n    state: Borealia\n');
})();
const when = () => new Date(Date.UTC(2026, 11, 1, 10));
const agree = (text: string, key: string, by = 'Ana Ruiz (Borealia)') => applyEdits(text, [setStatusEdit(DraftAnalysis.parse(text), key, 'agreed-by-reviewers', { by, now: when })]);
const changedKeys = (text: string) => agreements(DraftAnalysis.parse(text)).filter((a) => a.changed).map((a) => a.key);
/** A sentence of untoc-5's section, edited. */
const inUntoc5 = (text: string, add: string) => { const i = text.indexOf('applies the offence in full.', text.indexOf('{#untoc-5}')) + 'applies the offence in full.'.length; return text.slice(0, i) + add + text.slice(i); };
const codes = (text: string) => checkModel(DraftAnalysis.parse(text)).map((f) => f.code);
let seq = 0;
const ctx: OpContext = { author: { name: 'Li Wei', state: 'Calderra' }, now: () => new Date(Date.UTC(2026, 11, 2, 9, 0, seq++)), newId: (k) => (++seq).toString(36).padStart(k, '0').slice(-k) };

describe('the fingerprint of an agreed article', () => {
  it('is the SHA-256 of the text, as Node computes it', () => {
    for (const s of ['', 'abc', 'Статья 5 — 第5条 — المادة 5', 'x'.repeat(1000)]) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
  it('is recorded with who agreed and when, one field a line, and holds until the text changes', () => {
    const t = agree(base, 'untoc-5');
    expect(t).toMatch(/  untoc-5:\n    state: Borealia\n    status: agreed-by-reviewers\n    agreed-by: "Ana Ruiz \(Borealia\)"\n    agreed-on: "2026-12-01T10:00:00Z"\n    agreed-text: "[0-9a-f]{16}"\n  untoc-6:/);
    expect(agreements(DraftAnalysis.parse(t))).toEqual([expect.objectContaining({ key: 'untoc-5', by: 'Ana Ruiz (Borealia)', changed: false })]);
    expect(codes(t)).not.toContain('assignment.changed-after-agreement');
    // Reopened, the agreement goes with the status.
    const reopened = applyEdits(t, [setStatusEdit(DraftAnalysis.parse(t), 'untoc-5', 'drafting')]);
    expect(reopened).not.toContain('agreed-');
    expect(agreements(DraftAnalysis.parse(reopened))).toEqual([]);
  });

  const agreed = agree(base, 'untoc-5');
  const section = (() => { const m = DraftAnalysis.parse(agreed); const s = m.findArticle('untoc', 5)!; return [s.heading.start, s.end] as const; })();
  const body = DraftAnalysis.parse(agreed).bodyStart;
  const word = fc.constantFrom('not', 'also', '5', 'paragraph', '第', 'نص', ',');
  it('changes with any edit of the agreed section\'s words, and with no edit outside it', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), word, fc.boolean(), (at, w, inside) => {
      // Inside: at a word boundary of a prose line of the section; outside: anywhere in the body before or after it.
      let pos: number;
      if (inside) {
        const lines = [...agreed.slice(section[0], section[1]).matchAll(/^The reviewers[^\n]*$/gm)];
        const line = lines[Math.min(lines.length - 1, Math.floor(at * lines.length))]!;
        // After a space of the line (its start when the place is past the last space).
        pos = section[0] + line.index! + line[0].indexOf(' ', Math.floor(at * line[0].length)) + 1;
      } else {
        const before = section[0] - body, after = agreed.length - section[1];
        const k = Math.min(before + after - 1, Math.floor(at * (before + after)));
        pos = k < before ? body + k : section[1] + (k - before);
      }
      const edited = agreed.slice(0, pos) + `${w} ` + agreed.slice(pos);
      expect(changedKeys(edited)).toEqual(inside ? ['untoc-5'] : []);
    }), { numRuns: 150, examples: [[1, 'not', true], [1, 'not', false], [0, ',', true], [0, ',', false]] });
  });
  it('does not change with conversation, nor with a pending suggestion; accepting the suggestion changes it', () => {
    const at = agreed.indexOf('measure 4 of');
    const commented = applyEdits(agreed, addComment(agreed, at, at + 9, 'Is this the 2019 text?', ctx).edits);
    expect(changedKeys(commented)).toEqual([]);
    const id = /\{>>@(\w+)<</.exec(commented)![1]!;
    const resolved = applyEdits(commented, setResolved(commented, id, true, ctx));
    expect(changedKeys(resolved)).toEqual([]);
    const s = resolved.indexOf('applies the offence', resolved.indexOf('{#untoc-5}'));
    const suggested = applyEdits(resolved, suggestChange(resolved, s, s + 7, 'extends', ctx).edits);
    expect(changedKeys(suggested)).toEqual([]);
    const sid = [...suggested.matchAll(/\{~~[^]*?~~\}\{>>@(\w+)<<\}/g)][0]![1]!;
    expect(changedKeys(applyEdits(suggested, accept(suggested, sid)))).toEqual(['untoc-5']);
    // CRLF and trailing spaces are not a change of the text.
    expect(changedKeys(suggested.replace(/\n/g, '\r\n'))).toEqual([]);
  });
  it('is a finding at the article\'s heading, an error at finalization, and the status says "changed since"', () => {
    const edited = inUntoc5(agreed, ' Amended.');
    const m = DraftAnalysis.parse(edited);
    const f = checkModel(m).find((x) => x.code === 'assignment.changed-after-agreement')!;
    expect(f.severity).toBe('warning');
    expect(m.lines.lineText(f.range.start.line)).toMatch(/\{#untoc-5\}$/);
    expect(f.message).toBe('Article untoc-5 was agreed ("agreed-by-reviewers") by Ana Ruiz (Borealia) on 2026-12-01; its text has changed since. Show the changes, then agree to the text again or reopen the article.');
    expect(checkModel(m, { finalization: true }).find((x) => x.code === 'assignment.changed-after-agreement')!.severity).toBe('error');
    expect(articleStatuses(m).find((r) => r.key === 'untoc-5')!.agreement!.changed).toBe(true);
    // Agreed again, on the text as it is now: the finding goes.
    expect(codes(agree(edited, 'untoc-5'))).not.toContain('assignment.changed-after-agreement');
  });
});

describe('two co-reviewers\' copies merged by git', () => {
  afterAll(removeRepos);
  const repo = () => draftRepo(base);
  it('keep both agreements when they agreed different articles', () => {
    const r = repo();
    r.branch('ana', agree(base, 'untoc-5', 'Ana Ruiz (Borealia)'));
    r.branch('li', agree(base, 'untoc-6', 'Li Wei (Calderra)'));
    const merged = r.merge('ana', 'li');
    expect(merged.ok).toBe(true);
    expect(agreements(DraftAnalysis.parse(merged.text)).map((a) => [a.key, a.by, a.changed])).toEqual([['untoc-5', 'Ana Ruiz (Borealia)', false], ['untoc-6', 'Li Wei (Calderra)', false]]);
    expect(codes(merged.text).filter((c) => c.startsWith('frontmatter.') || c === 'assignment.changed-after-agreement' || c === 'comment.merge-conflict')).toEqual([]);
  });
  it('an agreement on one side and an edit of the same article on the other become the finding after the merge', () => {
    const r = repo();
    r.branch('ana', agree(base, 'untoc-5'));
    r.branch('li', inUntoc5(base, ' Li adds a sentence.'));
    const merged = r.merge('ana', 'li');
    expect(merged.ok).toBe(true);
    expect(merged.text).toContain('Li adds a sentence.');
    expect(codes(merged.text)).toContain('assignment.changed-after-agreement');
  });
});

describe('review-obs status', () => {
  const run = async (args: string[], cwd: string) => {
    const out: string[] = [], err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('sets a status with one small edit of the front matter, an agreed one with --by, and shows "changed since"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-status-'));
    writeFileSync(join(dir, 'd.md'), base);
    expect((await run(['status', 'd.md', '--set', 'untoc-5=agreed-by-reviewers'], dir)).err).toMatch(/--by/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe(base);
    expect((await run(['status', 'd.md', '--set', 'untoc-5=agreed-by-reviewers', '--set', 'untoc-23=ready-for-co-reviewer', '--by', 'Ana Ruiz (Borealia)'], dir)).code).toBe(0);
    const t = readFileSync(join(dir, 'd.md'), 'utf8');
    expect(t.slice(t.indexOf('\n---', 4))).toBe(base.slice(base.indexOf('\n---', 4)));
    expect(agreements(DraftAnalysis.parse(t)).map((a) => a.key)).toEqual(['untoc-5']);
    writeFileSync(join(dir, 'd.md'), inUntoc5(t, ' Amended.'));
    const table = await run(['status', 'd.md'], dir);
    expect(table.out).toMatch(/untoc-5 .*agreed-by-reviewers \(changed since\)/);
    expect(table.out).toContain('1 agreed article(s) changed since the agreement');
    const json = JSON.parse((await run(['status', 'd.md', '--format', 'json'], dir)).out) as { article: string; changedSinceAgreement?: boolean; agreedBy?: string }[];
    expect(json.find((r) => r.article === 'untoc-5')).toMatchObject({ changedSinceAgreement: true, agreedBy: 'Ana Ruiz (Borealia)' });
    expect((await run(['status', 'd.md', '--set', 'untoc-99=drafting'], dir)).code).toBe(2);
  });
});
