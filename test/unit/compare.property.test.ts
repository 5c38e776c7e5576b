// Importing a co-reviewer's copy as suggestions: reject all gives the draft, accept all gives the copy, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptAll, applyEdits, compareTexts, differencesAsSuggestions, parseComments, rejectAll, tokenize, type OpContext } from '../../src/core/index';

let seq = 0;
const ctx: OpContext = { author: { name: 'Li Wei', state: 'Calderra' }, now: () => new Date(Date.UTC(2026, 10, 23)), newId: (n) => (++seq).toString(36).padStart(n, '0') };

const word = fc.constantFrom('criminal', 'group', 'offence', '犯罪', '集团', '洗钱', 'جريمة', 'قانون', 'преступление', '😀', 'article 5', '(a)', '**bold**', '`code`', '第5条', '。', ',', '.');
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const block = fc.oneof(line, line.map((l) => `### ${l} {#untoc-5}`), line.map((l) => `- ${l}`), fc.constant('<!-- hint -->'));
const doc = fc.record({ blocks: fc.array(block, { minLength: 1, maxLength: 6 }), eol: fc.constantFrom('\n', '\r\n') }).map(({ blocks, eol }) => ({ text: blocks.join(eol + eol) + eol, eol }));

/** A co-reviewer's copy: words changed, inserted and deleted, and paragraphs added or removed. */
const copyOf = (d: { text: string; eol: string }) => fc.array(fc.record({ at: fc.nat(10_000), op: fc.constantFrom('ins', 'del', 'rep', 'para', 'droppara'), w: word }), { minLength: 1, maxLength: 6 }).map((ops) => {
  let t = d.text;
  for (const o of ops) {
    const toks = tokenize(t);
    const k = toks[o.at % toks.length]!;
    if (o.op === 'ins') t = t.slice(0, k.start) + o.w + ' ' + t.slice(k.start);
    else if (o.op === 'del' && !/\r?\n/.test(k.text)) t = t.slice(0, k.start) + t.slice(k.start + k.text.length);
    else if (o.op === 'rep' && !/\r?\n/.test(k.text)) t = t.slice(0, k.start) + o.w + t.slice(k.start + k.text.length);
    else if (o.op === 'para') { const e = t.indexOf(d.eol, k.start); const p = e < 0 ? t.length : e; t = t.slice(0, p) + d.eol + d.eol + `New paragraph ${o.w}.` + t.slice(p); }
    else if (o.op === 'droppara') { const paras = t.split(d.eol + d.eol); if (paras.length > 1) { paras.splice(o.at % paras.length, 1); t = paras.join(d.eol + d.eol); if (!t.endsWith(d.eol)) t += d.eol; } }
  }
  return t;
});

describe('differences as suggestions', () => {
  it('tokens give the text back and never cut a marker', () => {
    fc.assert(fc.property(doc, ({ text }) => {
      const toks = tokenize(text);
      expect(toks.map((x) => x.text).join('')).toBe(text);
      expect(toks.some((x) => x.text === '**')).toBe(text.includes('**'));
    }));
  });

  it('reject all restores the draft and accept all yields the copy, byte for byte (CJK, RTL, CRLF, paragraphs)', () => {
    fc.assert(fc.property(doc.chain((d) => fc.tuple(fc.constant(d), copyOf(d))), ([d, copy]) => {
      const marked = applyEdits(d.text, differencesAsSuggestions(d.text, copy, ctx));
      const model = parseComments(marked);
      expect(model.problems).toEqual([]);
      expect(applyEdits(marked, rejectAll(marked))).toBe(d.text);
      expect(applyEdits(marked, acceptAll(marked))).toBe(copy);
      expect(model.threads.every((t) => t.blocks[0]?.author === 'Li Wei (Calderra)')).toBe(true);
      // The edits only insert: every byte of the draft stays, in order.
      expect(differencesAsSuggestions(d.text, copy, ctx).every((e) => e.start === e.end)).toBe(true);
    }), { numRuns: 300 });
  });

  it('compares by word in Latin and Cyrillic text and by word in Chinese', () => {
    expect(compareTexts('The offence is serious.', 'The crime is serious.').map((h) => [h.oldText, h.newText])).toEqual([['offence', 'crime']]);
    expect(compareTexts('本公约的宗旨是促进合作。', '本公约的目的是促进合作。').map((h) => [h.oldText, h.newText])).toEqual([['宗旨', '目的']]);
    expect(compareTexts('Статья пять.', 'Статья шесть.').map((h) => [h.oldText, h.newText])).toEqual([['пять', 'шесть']]);
  });

  it('changes separated only by a space are one suggestion', () => {
    expect(compareTexts('Needs: None identified.', 'Needs: Training on asset recovery.').map((h) => [h.oldText, h.newText])).toEqual([['None identified', 'Training on asset recovery']]);
  });

  it('no difference, no edit', () => {
    expect(differencesAsSuggestions('Same text.\n', 'Same text.\n', ctx)).toEqual([]);
  });
});
