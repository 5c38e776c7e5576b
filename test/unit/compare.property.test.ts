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

  it('a line too long to search word by word is one change between its common start and end, not to its end', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => ['the', 'court', 'held', 'that'][i % 4]).join(' ');
    const at = words.indexOf('court', words.length >> 1);
    const changed = words.slice(0, at) + 'tribunal' + words.slice(at + 'court'.length);
    expect(compareTexts(words, changed).map((h) => [h.oldText, h.newText, h.oldStart])).toEqual([['court', 'tribunal', at]]);
  });
  it('changes separated only by a space are one suggestion', () => {
    expect(compareTexts('Needs: None identified.', 'Needs: Training on asset recovery.').map((h) => [h.oldText, h.newText])).toEqual([['None identified', 'Training on asset recovery']]);
  });

  it('no difference, no edit', () => {
    expect(differencesAsSuggestions('Same text.\n', 'Same text.\n', ctx)).toEqual([]);
  });
});

describe('differences as suggestions keep Markdown structure and hold any text', () => {
  const turn = (draft: string, copy: string) => {
    const marked = applyEdits(draft, differencesAsSuggestions(draft, copy, ctx));
    expect(applyEdits(marked, rejectAll(marked))).toBe(draft);
    expect(applyEdits(marked, acceptAll(marked))).toBe(copy);
    return marked;
  };
  it('a change inside fenced code is one replacement of the whole block, and the fences stay at their lines\' start', () => {
    const marked = turn('Text.\n\n```\ncode line\n```\n\nEnd.\n', 'Text.\n\n```\ncode line changed\n```\n\nEnd.\n');
    expect(marked).toContain('{~~\n```\ncode line\n```\n~>\n```\ncode line changed\n```\n~~}');
    expect(parseComments(marked).threads).toHaveLength(1);
  });
  it('a paragraph added before a heading is whole lines: the heading keeps its first column', () => {
    const marked = turn('para\n\n#### Suggestions and recommendations {.suggestions}\n\nx\n', 'para\n\nNew paragraph.\n\n#### Suggestions and recommendations {.suggestions}\n\nx\n');
    expect(marked.split('\n')).toContain('#### Suggestions and recommendations {.suggestions}');
  });
  it('prose that holds "~>" or "~~" is suggested, not refused as a comment change', () => {
    turn('Use a ~> b here.\n', 'Use a -> b here.\n');
    turn('Write ~~old~~ text.\n', 'Write ~~new~~ text.\n');
    // a replacement whose old text holds "~>" is written as a deletion and an insertion
    const marked = turn('Use a ~> b here.\n', 'Use X here.\n');
    expect(parseComments(marked).threads.map((x) => x.kind)).toEqual(['deletion', 'insertion']);
  });
  it('the draft\'s own suggestion changed by the copy is still refused', () => {
    const d = 'Use {++x++}{>>@abcd1234<<} here.\n{>>@abcd1234 | A (B) | 2026-11-23T09:00:00Z<<}\n';
    expect(() => differencesAsSuggestions(d, d.replace('{++x++}', '{++y++}'), ctx)).toThrow(/changes a comment or suggestion/);
  });
  it('on generated drafts with code blocks and delimiter-like words: either a clear refusal, or reject-all/accept-all give both texts back', () => {
    const w = fc.constantFrom('a', 'b c', '~>', '==', 'a--b', '`x`', 'word');
    const blk = fc.oneof(w.map((x) => `text ${x} end`), w.map((x) => '```\ncode ' + x + '\n```'), w.map((x) => `### H ${x}`), w.map((x) => `- item ${x}`));
    fc.assert(fc.property(fc.array(blk, { minLength: 2, maxLength: 5 }), fc.array(blk, { minLength: 2, maxLength: 5 }), (a, b) => {
      const draft = a.join('\n\n') + '\n', copy = [...a.slice(0, 1), ...b].join('\n\n') + '\n';
      let edits;
      try { edits = differencesAsSuggestions(draft, copy, ctx); } catch (e) { expect((e as Error).message).toMatch(/cannot be written as a suggestion|changes a comment/); return; }
      const marked = applyEdits(draft, edits);
      expect(applyEdits(marked, rejectAll(marked))).toBe(draft);
      expect(applyEdits(marked, acceptAll(marked))).toBe(copy);
    }), { numRuns: 200 });
  });
});
