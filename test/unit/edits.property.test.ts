// Property tests: quick-fix edits change only their insertion point, and parsing never alters or loses text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkModel, editsGive, DraftAnalysis, fixAll, fixesFor, newDraft, PARTS } from '../../src/core/index';

/** Text pieces users really write: CJK, Arabic (RTL), tabs, emoji, markup, and all three line breaks. */
const piece = fc.constantFrom('Text.', '犯罪所得洗钱', 'نص عربي', '\t', '😀', '**bold**', '`code`', '<!-- hint -->', ' ', '(a)', '第5条第1款',
  'art. 5(1)(a)', 'Art 5 para 1 lit a', '第五条第一款', 'article 6 (1) (b) of the SOM Protocol', 'UNTOC art. 2 (a)', 'article 5, paragraph 1 (a), of the Convention');
const eol = fc.constantFrom('\n', '\r\n');
const paragraph = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join(' '));

/** A generated draft: a skeleton with some articles and parts removed and random prose in the parts. */
const draft = fc.record({
  eol, lang: fc.constantFrom('en', 'zh'), bom: fc.boolean(), dropInstrument: fc.constantFrom(null, 'tip', 'som'),
  dropArticles: fc.array(fc.nat(12), { maxLength: 4 }), dropParts: fc.array(fc.nat(64), { maxLength: 6 }),
  prose: fc.array(paragraph, { minLength: 1, maxLength: 10 }),
}).map(({ eol, lang, bom, dropInstrument, dropArticles, dropParts, prose }) => {
  const text = newDraft({
    kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip', 'som'], languages: [lang],
    reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }], eol,
  });
  // Remove whole sections by their ranges (as a user deleting them would), fill hints with prose.
  const m = DraftAnalysis.parse(text);
  const arts = m.articleSections();
  const cut: { start: number; end: number; newText: string }[] = [];
  const gone = m.sections.find((s) => s.role === 'instrument' && s.instrument === dropInstrument);
  // A whole instrument section deleted: its articles count as dropped too.
  const dropped = new Set([...dropArticles.map((i) => i % arts.length), ...arts.flatMap((a, i) => (a.instrument === dropInstrument ? [i] : []))]);
  if (gone) cut.push({ start: gone.heading.start, end: gone.heading.end, newText: '' });
  arts.forEach((a, i) => { if (dropped.has(i)) cut.push({ start: a.heading.start, end: a.end, newText: '' }); });
  const parts = m.sections.filter((s) => s.role === 'part' && !dropped.has(arts.indexOf(s.parent!)));
  const droppedParts = new Set(dropParts.map((i) => i % parts.length));
  parts.forEach((p, i) => {
    if (droppedParts.has(i)) cut.push({ start: p.heading.start, end: p.end, newText: '' });
    else cut.push({ start: p.heading.end, end: p.heading.end, newText: eol + eol + prose[i % prose.length] });
  });
  return (bom ? '\ufeff' : '') + applyEdits(text, cut);
});

describe('edit operations', () => {
  it('each quick fix inserts at one point: all text before and after it survives byte for byte, and its finding goes', () => {
    fc.assert(fc.property(draft, (text) => {
      const m = DraftAnalysis.parse(text);
      for (const f of checkModel(m)) {
        for (const fix of fixesFor(m, f)) {
          // Structure fixes only insert; a reference rewrite replaces exactly the reference's own text.
          if (f.code.startsWith('structure.')) expect(fix.edit.start).toBe(fix.edit.end);
          else expect(text.slice(fix.edit.start, fix.edit.end)).toBe(text.slice(m.lines.offsetAt(f.range.start), m.lines.offsetAt(f.range.end)));
          const out = applyEdits(text, [fix.edit]);
          expect(out.slice(0, fix.edit.start)).toBe(text.slice(0, fix.edit.start));
          expect(out.slice(fix.edit.start + fix.edit.newText.length)).toBe(text.slice(fix.edit.end));
          const after = checkModel(DraftAnalysis.parse(out));
          if (f.code === 'ref.non-canonical') {
            const om = DraftAnalysis.parse(out);
            expect(after.some((x) => x.code === f.code && om.lines.offsetAt(x.range.start) === fix.edit.start)).toBe(false);
          } else if (f.code === 'structure.empty-part') {
            // The part the fix wrote is no longer empty: the article's note names one part fewer, or goes.
            const om = DraftAnalysis.parse(out);
            const part = om.sections.find((s) => s.role === 'part' && s.heading.end === fix.edit.start);
            expect(part && om.isEmptyPart(part)).toBe(false);
            const count = (fs: typeof after) => fs.filter((x) => x.code === f.code && x.data?.instrument === f.data?.instrument && x.data?.article === f.data?.article).length;
            const left = after.find((x) => x.code === f.code && x.data?.instrument === f.data?.instrument && x.data?.article === f.data?.article);
            expect(!left || left.message !== f.message || count(after) < count([f])).toBe(true);
          } else {
            const key = (x: typeof f) => `${x.code} ${JSON.stringify(x.data)}`;
            expect(after.map(key)).not.toContain(key(f));
          }
        }
      }
    }), { numRuns: 60 });
  });

  it('fix-all removes every missing-section and non-canonical finding, keeps line breaks, and can be undone exactly', () => {
    fc.assert(fc.property(draft, (text) => {
      const m = DraftAnalysis.parse(text);
      const edits = fixAll(m, checkModel(m));
      const out = applyEdits(text, edits);
      const left = checkModel(DraftAnalysis.parse(out)).filter((f) => f.code === 'structure.missing-article' || f.code === 'structure.missing-part');
      expect(left).toEqual([]);
      // Undoing every edit (inserted text out, replaced text back) gives back the original exactly.
      let rebuilt = out;
      for (const e of [...edits].sort((a, b) => b.start - a.start)) {
        const shift = edits.filter((x) => x.start < e.start).reduce((n, x) => n + x.newText.length - (x.end - x.start), 0);
        rebuilt = rebuilt.slice(0, e.start + shift) + text.slice(e.start, e.end) + rebuilt.slice(e.start + shift + e.newText.length);
      }
      expect(rebuilt).toBe(text);
      expect(checkModel(DraftAnalysis.parse(out)).filter((f) => f.code === 'ref.non-canonical')).toEqual([]);
      if (text.includes('\r\n')) expect(/[^\r]\n/.test(out)).toBe(false);
    }), { numRuns: 40 });
  });

  it('after fix-all the structure is complete: every article with all its parts, no duplicate, nothing misplaced', () => {
    fc.assert(fc.property(draft, (text) => {
      const m = DraftAnalysis.parse(text);
      const out = DraftAnalysis.parse(applyEdits(text, fixAll(m, checkModel(m))));
      for (const a of out.articleSections()) expect(a.children.map((c) => c.part)).toEqual(PARTS.map((p) => p.id));
      const structural = checkModel(out).filter((f) => f.code.startsWith('structure.') && f.code !== 'structure.empty-part').map((f) => f.code);
      expect(structural).toEqual([]);
    }), { numRuns: 40 });
  });
});

describe('parsing', () => {
  it('never throws and never changes the text, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.boolean(), (s, fm) => {
      const text = fm ? `---\ndocument: summary\n${s}\n---\n${s}` : s;
      const m = DraftAnalysis.parse(text);
      checkModel(m);
      expect(m.text).toBe(text);
      // Sections tile the body: concatenating the chunks gives back every byte after the front matter.
      expect(m.chunks.map((_, i) => m.chunkText(i)).join('')).toBe(text.slice(m.chunks[0]?.start ?? text.length));
    }), { numRuns: 300 });
  });
});

describe('applyEdits', () => {
  /** The definition: edits applied one at a time from the end of the text, each on the result of the last. */
  const oneByOne = (text: string, edits: { start: number; end: number; newText: string }[]) => {
    let out = text;
    for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };
  /** Non-overlapping edits, insertions at the same offset included, in any order. */
  const case_ = fc.string({ maxLength: 60 }).chain((text) => fc.tuple(fc.constant(text), fc.array(
    fc.tuple(fc.nat(text.length), fc.nat(4), fc.constantFrom('', 'x', '第', '\r\n', 'نص')), { maxLength: 8 },
  ).map((raw) => {
    const kept: { start: number; end: number; newText: string }[] = [];
    for (const [start, len, newText] of raw) {
      const end = Math.min(text.length, start + len);
      if (kept.every((k) => end <= k.start || start >= k.end || (start === end && (start === k.start || start === k.end)) || (k.start === k.end && (k.start === start || k.start === end)))) kept.push({ start, end, newText });
    }
    return kept;
  })));
  it('gives what applying the edits one by one from the end gives', () => {
    fc.assert(fc.property(case_, ([text, edits]) => { expect(applyEdits(text, edits)).toBe(oneByOne(text, edits)); }), { numRuns: 500 });
  });
  it('are known to give a text, without making it, exactly when they give it', () => {
    // The expected text is the edited one, a text one character off from it (changed, cut short, lengthened), or another.
    const expected = (done: string) => fc.oneof(fc.constant(done), fc.nat(Math.max(0, done.length - 1)).map((i) => done.slice(0, i) + (done[i] === 'x' ? 'y' : 'x') + done.slice(i + 1)),
      fc.constant(done.slice(0, -1)), fc.constant(done + 'x'), fc.string({ maxLength: 20 }));
    fc.assert(fc.property(case_.chain(([text, edits]) => fc.tuple(fc.constant(text), fc.constant(edits), expected(oneByOne(text, edits)))), ([text, edits, want]) => {
      expect(editsGive(text, edits, want)).toBe(oneByOne(text, edits) === want);
    }), { numRuns: 1000 });
  });
  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, newText: '' }, { start: 3, end: 5, newText: '' }])).toThrow('overlapping');
  });
});
