// Comment threads read section by section give the findings and counts that reading the whole draft at once gives:
// threads inside one section, replies and events in other sections, marks cut by a heading, marks before the first
// heading, anonymous and orphaned marks, and git conflicts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleStatuses, checkModel, createAnalysisEnv, DraftAnalysis, newDraft } from '../../src/core/index';

const base = newDraft({
  kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc'], languages: ['en'],
  reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }], articles: { untoc: [5, 6] },
});
/** Where a piece can go: before each hint comment of the skeleton (every part of every article, and the introduction). */
const slots = [...base.matchAll(/<!--/g)].map((m) => m.index!);

const id = fc.constantFrom('aaaa0001', 'bbbb0002', 'cccc0003');
const line = (i: string, suffix: string, body: string, date = '2026-11-23T09:00:00Z') => `{>>@${i}${suffix} | Ana (Borealia) | ${date} | ${body}<<}`;
const piece = fc.oneof(
  id.map((i) => `The {==capital==}{>>@${i}<<} law.\n${line(i, '', 'Which?')}\n`),
  id.map((i) => `A {++new++}{>>@${i}<<} word.\n${line(i, '', '')}\n`),
  id.map((i) => `A {~~old~>new~~}{>>@${i}<<} one.\n`),
  id.map((i) => `${line(i, '.r001', 'A reply.', '2026-11-23T10:00:00Z')}\n`),
  id.map((i) => `${line(i, '.e001', '[resolved]', '2026-11-23T11:00:00Z')}\n`),
  fc.constant('Note {==here==}{>><<} too.\n'),
  fc.constant('Unclosed {++insertion here.\n'),
  fc.constant('<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n'),
  fc.constant('{>>@zzzz9999 | Li (C) | 2026-13-45T99:99:99Z | bad date<<}\n'),
  fc.constant('Plain text.\n'),
);
const draft = fc.array(fc.tuple(fc.nat(slots.length), piece), { minLength: 1, maxLength: 8 }).map((ps) => {
  // From the last slot to the first, so each slot's offset is still the skeleton's.
  let t = base;
  for (const [s, p] of [...ps].sort((a, b) => b[0] - a[0])) {
    const at = s < slots.length ? slots[s]! : 0;
    t = t.slice(0, at) + (s < slots.length ? `${p}\n` : '') + t.slice(at);
  }
  return t;
});

function both(text: string) {
  const bySection = DraftAnalysis.parse(text, undefined, createAnalysisEnv());
  const whole = DraftAnalysis.parse(text, undefined, createAnalysisEnv({ commentsWhole: true }));
  const counts = (m: DraftAnalysis) => articleStatuses(m).map((r) => [r.key, r.openThreads, r.pendingSuggestions]);
  return { bySection: { findings: checkModel(bySection), counts: counts(bySection), layout: bySection.commentLayout }, whole: { findings: checkModel(whole), counts: counts(whole) } };
}

describe('comment threads read section by section', () => {
  it('give the findings and the per-article counts of the whole draft read at once', () => {
    let sectioned = 0, shared = 0;
    fc.assert(fc.property(draft, (text) => {
      const r = both(text);
      expect(r.bySection.findings).toEqual(r.whole.findings);
      expect(r.bySection.counts).toEqual(r.whole.counts);
      if (!r.bySection.layout.whole) sectioned++;
      if (r.bySection.layout.shared.size) shared++;
    }), { numRuns: 300, seed: 20261201 });
    // Not vacuous: most drafts are read section by section, and many have threads across sections.
    expect(sectioned).toBeGreaterThan(100);
    expect(shared).toBeGreaterThan(30);
  });

  it('a mark that runs over a heading is read in the whole text, as it was written', () => {
    const text = base.replace('#### Gaps and challenges {.gaps}\n', 'A {==mark that\n#### Gaps and challenges {.gaps}\nruns on==}{>>@aaaa0001<<}.\n{>>@aaaa0001 | Ana (Borealia) | 2026-11-23T09:00:00Z | Across.<<}\n');
    const r = both(text);
    expect(r.bySection.layout.whole).toBe(true);
    expect(r.bySection.findings).toEqual(r.whole.findings);
  });

  it('the same on every fixture and example', () => {
    const dirs = [join(__dirname, '..', 'fixtures'), join(__dirname, '..', '..', 'examples'), join(__dirname, '..', '..', 'sample-review'), join(__dirname, '..', 'editor', 'workspace')];
    for (const d of dirs) for (const f of readdirSync(d).filter((x) => x.endsWith('.md'))) {
      const r = both(readFileSync(join(d, f), 'utf8'));
      expect(r.bySection.findings, f).toEqual(r.whole.findings);
      expect(r.bySection.counts, f).toEqual(r.whole.counts);
    }
  });
});
