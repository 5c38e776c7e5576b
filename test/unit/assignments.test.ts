// Assignments and statuses: read from the front matter, changed with one small edit, split proposals, consistency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, articleStatuses, checkModel, DraftAnalysis, newDraft, proposeSplit, setStatusEdit, splitEdit, STATUSES } from '../../src/core/index';

const base = newDraft({
  kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip'], languages: ['en'],
  reviewingStates: [{ state: 'Borealia', instruments: ['untoc', 'tip'] }, { state: 'Calderra', instruments: ['untoc'] }],
  articles: { untoc: [5, 6, 23], tip: [5] },
});
const withAssignments = (block: string) => base.replace('stage: drafting\n', `stage: drafting\nassignments:\n${block}`);

describe('assignments', () => {
  const text = withAssignments('  untoc-5: {state: Borealia, expert: Ana Pérez, status: ready-for-co-reviewer}\n  untoc-6:\n    state: Calderra\n  tip: {state: Borealia}\n');
  it('are read per article, with an instrument\'s assignment applying to its articles', () => {
    const s = articleStatuses(DraftAnalysis.parse(text));
    expect(s.map((x) => [x.key, x.state, x.expert, x.status])).toEqual([
      ['untoc-5', 'Borealia', 'Ana Pérez', 'ready-for-co-reviewer'], ['untoc-6', 'Calderra', null, 'drafting'],
      ['untoc-23', null, null, 'drafting'], ['tip-5', 'Borealia', null, 'drafting'],
    ]);
    expect(s[0]!.emptyParts).toBe(5);
  });
  it('a status changes with one small edit, whatever shape the entry has; nothing else moves', () => {
    fc.assert(fc.property(fc.constantFrom('untoc-5', 'untoc-6', 'untoc-23', 'tip-5'), fc.constantFrom(...STATUSES), (key, status) => {
      const m = DraftAnalysis.parse(text);
      const e = setStatusEdit(m, key, status, { by: 'Ana Pérez (Borealia)', now: () => new Date(Date.UTC(2026, 11, 1)) });
      const out = applyEdits(text, [e]);
      expect(out.slice(0, e.start)).toBe(text.slice(0, e.start));
      expect(out.slice(e.start + e.newText.length)).toBe(text.slice(e.end));
      const after = articleStatuses(DraftAnalysis.parse(out));
      expect(after.find((x) => x.key === key)!.status).toBe(status);
      // An agreed status records its agreement, on the text as it stands; another does not.
      expect(after.find((x) => x.key === key)!.agreement).toEqual(status.startsWith('agreed') ? expect.objectContaining({ by: 'Ana Pérez (Borealia)', on: '2026-12-01T00:00:00Z', changed: false }) : null);
      for (const x of after) if (x.key !== key) expect(x.status).toBe(articleStatuses(m).find((y) => y.key === x.key)!.status);
      expect(checkModel(DraftAnalysis.parse(out)).filter((f) => f.code.startsWith('frontmatter.'))).toEqual([]);
    }));
  });
  it('a draft without assignments gets the entry added', () => {
    const m = DraftAnalysis.parse(base);
    const out = applyEdits(base, [setStatusEdit(m, 'tip-5', 'ready-for-co-reviewer')]);
    expect(out).toContain('assignments:\n  tip-5:\n    status: ready-for-co-reviewer\n---');
    const agreed = applyEdits(base, [setStatusEdit(m, 'tip-5', 'agreed-by-reviewers', { by: 'Li Wei (Calderra)', now: () => new Date(Date.UTC(2026, 11, 1, 9)) })]);
    expect(agreed).toMatch(/assignments:\n  tip-5:\n    status: agreed-by-reviewers\n    agreed-by: "Li Wei \(Calderra\)"\n    agreed-on: "2026-12-01T09:00:00Z"\n    agreed-text: "[0-9a-f]{16}"\n---/);
  });
  it('rejects an unknown State, status or key, naming the fix', () => {
    const bad = withAssignments('  untoc-5: {state: Atlantis, status: done}\n  untoc-99: {state: Borealia}\n');
    const msgs = checkModel(DraftAnalysis.parse(bad)).filter((f) => f.code === 'frontmatter.invalid-value').map((f) => f.message);
    expect(msgs).toEqual([
      'Atlantis is not one of the reviewing States (Borealia, Calderra).',
      'The status must be one of: drafting, ready-for-co-reviewer, agreed-by-reviewers, agreed-with-state.',
      '"untoc-99" is not an article or instrument: write e.g. untoc-5 or tip.',
    ]);
  });
});

describe('split', () => {
  const m = DraftAnalysis.parse(base);
  it('by instrument, alternating, or balanced by the size of the articles; a State only gets instruments it reviews', () => {
    expect([...proposeSplit(m, 'by-instrument')]).toEqual([['untoc', 'Borealia'], ['tip', 'Borealia']]);
    expect([...proposeSplit(m, 'alternating')]).toEqual([['untoc-5', 'Borealia'], ['untoc-6', 'Calderra'], ['untoc-23', 'Borealia'], ['tip-5', 'Borealia']]);
    const balanced = proposeSplit(m, 'balanced');
    // untoc 5 has 9 units, 6 has 14, 23 has 2; tip 5 only Borealia can take
    expect([...balanced]).toEqual([['untoc-5', 'Borealia'], ['untoc-6', 'Calderra'], ['untoc-23', 'Borealia'], ['tip-5', 'Borealia']]);
  });
  it('writes the split in one edit and keeps the statuses already recorded', () => {
    const t = withAssignments('  untoc-5: {state: Calderra, status: agreed-by-reviewers}\n');
    const out = applyEdits(t, [splitEdit(DraftAnalysis.parse(t), proposeSplit(DraftAnalysis.parse(t), 'alternating'))]);
    expect(out).toContain('assignments:\n  untoc-5:\n    state: Borealia\n    status: agreed-by-reviewers\n  untoc-6:\n    state: Calderra\n');
    expect(articleStatuses(DraftAnalysis.parse(out)).map((x) => x.state)).toEqual(['Borealia', 'Calderra', 'Borealia', 'Borealia']);
  });
});

describe('consistency of statuses', () => {
  it('an article marked agreed with empty parts or open threads is reported at its section', () => {
    const t = withAssignments('  untoc-5: {state: Borealia, status: agreed-with-state}\n');
    const f = checkModel(DraftAnalysis.parse(t)).find((x) => x.code === 'assignment.inconsistent-status')!;
    expect(f.message).toBe('Article untoc-5 is marked "agreed-with-state" but has 5 empty part(s). Settle them, or set the status back.');
    expect(DraftAnalysis.parse(t).lines.lineText(f.range.start.line)).toMatch(/\{#untoc-5\}$/);
  });
});

describe('a balanced split is not the alternating one', () => {
  it('weighs the articles: the loads of the two States are closer than by alternating', () => {
    const d = DraftAnalysis.parse(newDraft({
      kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc'], languages: ['en'],
      reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }],
      articles: { untoc: [6, 15, 16, 23] },
    }));
    // the data's units per article: 6 has 14, 15 has 13, 16 has 19, 23 has 2 (alternating gives 33 against 15)
    const size = (key: string) => ({ 'untoc-6': 14, 'untoc-15': 13, 'untoc-16': 19, 'untoc-23': 2 } as Record<string, number>)[key]!;
    const load = (split: Map<string, string>) => {
      const by = new Map<string, number>();
      for (const [k, s] of split) by.set(s, (by.get(s) ?? 0) + size(k));
      return Math.abs((by.get('Borealia') ?? 0) - (by.get('Calderra') ?? 0));
    };
    const alternating = proposeSplit(d, 'alternating'), balanced = proposeSplit(d, 'balanced');
    expect([...balanced]).not.toEqual([...alternating]);
    expect(load(balanced)).toBeLessThan(load(alternating));
  });
});
