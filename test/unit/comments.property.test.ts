// Property tests of comment and suggestion operations: minimal edits, and the accept / reject / clean laws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accept, acceptAll, addComment, applyEdits, checkModel, cleanCopy, DraftAnalysis, deleteComment, editComment, parseComments, reject, rejectAll, reply,
  serializeBlock, setResolved, suggestChange, type OffsetEdit, type OpContext,
} from '../../src/core/index';

let seq = 0;
const ctx = (name: string): OpContext => ({ author: { name, state: 'Borealia' }, now: () => new Date(Date.UTC(2026, 10, 23, 9, 0, seq % 60)), newId: (n) => (++seq).toString(36).padStart(n, '0').slice(-n) });

/** Words users write, in the scripts they write them, and nothing that is itself markup. */
const word = fc.constantFrom('criminal', 'group', '犯罪', '集团', 'جريمة', 'قانون', '😀', 'article 5', 'Section\t212', '(a)', 'law.');
const para = fc.array(word, { minLength: 4, maxLength: 10 }).map((w) => w.join(' '));
const doc = fc.record({ paras: fc.array(para, { minLength: 1, maxLength: 5 }), eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean() })
  .map(({ paras, eol, bom }) => (bom ? '\ufeff' : '') + paras.join(eol + eol) + eol);

/** Disjoint word ranges of the original, each a candidate for a comment or a suggestion. */
function wordRanges(text: string): [number, number][] {
  return [...text.matchAll(/[^\s]+/g)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]).filter(([a]) => text[a] !== '\ufeff');
}

type Op = { kind: 'comment' | 'insert' | 'delete' | 'replace'; word: number; text: string };
const ops = fc.array(fc.record({ kind: fc.constantFrom<Op['kind']>('comment', 'insert', 'delete', 'replace'), word: fc.nat(60), text: fc.constantFrom('new', '新', 'جديد', 'x y') }), { minLength: 1, maxLength: 6 });

/** Applies ops on distinct words, from the last word to the first so each one's offsets are still the original's. */
function annotate(original: string, list: Op[]) {
  const ranges = wordRanges(original);
  const chosen = new Map<number, Op>();
  for (const op of list) if (ranges.length) chosen.set(op.word % ranges.length, op);
  let text = original;
  let expected = original; // the original with every suggestion applied
  for (const [i, op] of [...chosen.entries()].sort((a, b) => b[0] - a[0])) {
    const [s, e] = ranges[i]!;
    if (op.kind === 'comment') text = applyEdits(text, addComment(text, s, e, `note on ${i}`, ctx('Ana')).edits);
    else if (op.kind === 'insert') { text = applyEdits(text, suggestChange(text, s, s, op.text, ctx('Li')).edits); expected = expected.slice(0, s) + op.text + expected.slice(s); }
    else if (op.kind === 'delete') { text = applyEdits(text, suggestChange(text, s, e, '', ctx('Li')).edits); expected = expected.slice(0, s) + expected.slice(e); }
    else { text = applyEdits(text, suggestChange(text, s, e, op.text, ctx('Ana'), 'why').edits); expected = expected.slice(0, s) + op.text + expected.slice(e); }
  }
  return { text, expected };
}

/** Text outside every edited range, in order: what an operation must leave byte for byte. */
function untouched(text: string, edits: OffsetEdit[]): string[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) { out.push(text.slice(at, e.start)); at = e.end; }
  out.push(text.slice(at));
  return out;
}
function survives(before: string, edits: OffsetEdit[]): void {
  const after = applyEdits(before, edits);
  // Walk the result: each untouched piece must appear, in order, with exactly the inserted texts between them.
  const pieces = untouched(before, edits);
  const inserted = [...edits].sort((a, b) => a.start - b.start).map((e) => e.newText);
  let rebuilt = pieces[0]!;
  inserted.forEach((ins, i) => { rebuilt += ins + pieces[i + 1]!; });
  expect(after).toBe(rebuilt);
}

/** What an operation may cut: a whole mark or thread line, an opener, a closer with its id tag, a replacement's old part. */
const CUTTABLE = /^(?:\r?\n)?\{[\s\S]*\}$|^\{(?:==|\+\+|--|~~)$|^(?:==|\+\+|--|~~|~>)[\s\S]*\}$|^\{~~[\s\S]*~>$/;

describe('comment operations', () => {
  it('accept-all then clean equals the original with the suggestions applied; reject-all then clean equals the original', () => {
    fc.assert(fc.property(doc, ops, (original, list) => {
      const { text, expected } = annotate(original, list);
      expect(cleanCopy(applyEdits(text, acceptAll(text)))).toBe(expected);
      expect(cleanCopy(applyEdits(text, rejectAll(text)))).toBe(original);
      expect(cleanCopy(text)).toBe(expected);
      expect(parseComments(text).problems).toEqual([]);
    }), { numRuns: 150 });
  });

  it('every operation edits only its own ranges: all other text survives byte for byte', () => {
    fc.assert(fc.property(doc, ops, fc.array(fc.nat(100), { minLength: 1, maxLength: 5 }), (original, list, picks) => {
      let { text } = annotate(original, list);
      for (const p of picks) {
        const m = parseComments(text);
        const th = m.threads[p % Math.max(1, m.threads.length)];
        if (!th) break;
        const editing = p % 5 === 2;
        const candidates: OffsetEdit[][] = [
          reply(text, th.id, 'a reply', ctx('Li')),
          setResolved(text, th.id, !th.resolved, ctx('Ana')),
          editComment(text, th.blocks[0]!.id, 'edited<br>twice'),
          ...(th.kind === 'comment' ? [deleteComment(text, th.blocks[0]!.id), deleteComment(text, th.blocks[0]!.id)] : [accept(text, th.id), reject(text, th.id)]),
        ];
        const edits = candidates[p % 5]!;
        survives(text, edits);
        // Apart from editing a comment's own text, only marks and thread lines are ever cut, never the draft's words.
        if (!editing) for (const e of edits) if (e.end > e.start) expect(text.slice(e.start, e.end)).toMatch(CUTTABLE);
        text = applyEdits(text, edits);
        expect(parseComments(text).problems).toEqual([]);
      }
    }), { numRuns: 150 });
  });

  it('parse then serialize of untouched thread lines is the identity', () => {
    fc.assert(fc.property(doc, ops, (original, list) => {
      let { text } = annotate(original, list);
      for (const th of parseComments(text).threads) text = applyEdits(text, reply(text, th.id, 'multi\nline | with <<} inside', ctx('Li')));
      for (const b of parseComments(text).blocks) expect(serializeBlock(b)).toBe(text.slice(b.start, b.end));
    }), { numRuns: 80 });
  });

  it('marks inside code spans and fences are text', () => {
    const t = 'Use `{++x++}` and\n\n```\n{==a==}{>>@abcd1234<<}\n{>>@abcd1234 | A | 2026-11-23T09:00:00Z | b<<}\n```\n';
    expect(parseComments(t)).toMatchObject({ marks: [], blocks: [], problems: [] });
  });

  it('refuses selections that would break marks, with the reason', () => {
    const t = 'One {==two==}{>>@abcd1234<<} three.\n{>>@abcd1234 | A | 2026-11-23T09:00:00Z | x<<}\n\nFour.\n';
    expect(() => addComment(t, t.indexOf('two'), t.indexOf('three'), 'x', ctx('A'))).toThrow(/overlaps/);
    expect(() => addComment(t, t.indexOf('three'), t.indexOf('Four'), 'x', ctx('A'))).toThrow(/blank line|inside a comment thread/);
    expect(() => suggestChange(t, 0, 0, '', ctx('A'))).toThrow(/Nothing to suggest/);
  });

  it('ids are random and distinct without coordination', () => {
    const t = 'Alpha beta.\n';
    const a = addComment(t, 0, 5, 'x', { author: { name: 'A' } }).id;
    const b = addComment(t, 0, 5, 'x', { author: { name: 'B' } }).id;
    expect(a).toMatch(/^[a-z0-9]{8}$/);
    expect(a).not.toBe(b);
  });
});

describe('marks hold any text or refuse: no delimiter, backtick or front matter loses text', () => {
  // Text made of the marks' own pieces and the Markdown around them: every shape a range can cut.
  const piece = fc.constantFrom('a', 'b c', ' ', '~>', '~~', '==', '++', '--', '-', '=', '~', '{', '}', '<<', '>>', '`', '``', '`x`', '{>>', '<<}', '{==', '==}', '++}', '~~}', '*', '_');
  const text = fc.array(piece, { minLength: 1, maxLength: 14 }).map((p) => `Start ${p.join('')} end.\n`);
  const newText = fc.constantFrom('X', 'y z', '', '=', '-', '`', '~', 'a~');
  it('suggestChange and addComment either refuse with a message, or reject-all gives the original and accept-all the edit', () => {
    fc.assert(fc.property(text, fc.nat(200), fc.nat(200), newText, fc.boolean(), (t0, x, y, nt, comment) => {
      const a = Math.min(x, y) % t0.length, b = Math.max(x, y) % t0.length;
      const [s, e] = a <= b ? [a, b] : [b, a];
      let r: { id: string; edits: OffsetEdit[] };
      try {
        r = comment ? addComment(t0, s, e, 'note', ctx('Ana')) : suggestChange(t0, s, e, nt, ctx('Li'));
      } catch (err) {
        expect((err as Error).constructor.name).toBe('CommentError');
        expect((err as Error).message.length).toBeGreaterThan(20);
        return;
      }
      const marked = applyEdits(t0, r.edits);
      const edited = comment ? t0 : t0.slice(0, s) + nt + t0.slice(e);
      // the new thread alone: rejecting (or deleting a comment) gives the original back, accepting gives the edit
      expect(applyEdits(marked, comment ? deleteComment(marked, r.id) : reject(marked, r.id))).toBe(t0);
      if (!comment) expect(applyEdits(marked, accept(marked, r.id))).toBe(edited);
      // and where the original holds no markup of its own, reject-all and the clean copy say the same
      if (!parseComments(t0).marks.length && !parseComments(t0).blocks.length) {
        expect(applyEdits(marked, rejectAll(marked))).toBe(comment ? marked : t0);
        expect(cleanCopy(marked)).toBe(edited);
      }
    }), { numRuns: 400 });
  });
  it('a mark in the front matter is refused (it would break the YAML)', () => {
    const d = '---\ndocument: list-of-observations\n---\n# T\n\nText.\n';
    expect(() => addComment(d, 4, 12, 'n', ctx('Ana'))).toThrow(/front matter/);
    expect(() => suggestChange(d, 4, 12, 'x', ctx('Ana'))).toThrow(/front matter/);
    expect(addComment(d, d.indexOf('Text'), d.indexOf('Text') + 4, 'n', ctx('Ana')).edits.length).toBeGreaterThan(0);
  });
  it('a mark put there by hand is one finding at the mark that says what to do, not the YAML parser\'s five', () => {
    const d = '---\n{==document==}{>>@00000011<<}: list-of-observations\n---\n# T\n{>>@00000011 | Ana (B) | 2026-11-23T00:00:00Z | n<<}\n';
    const m = DraftAnalysis.parse(d);
    const found = checkModel(m).filter((f) => f.code.startsWith('frontmatter.'));
    expect(found.map((f) => [f.code, d.slice(m.lines.offsetAt(f.range.start), m.lines.offsetAt(f.range.end))])).toEqual([['frontmatter.syntax', '{==']]);
    expect(found[0]!.message).toMatch(/comment or suggestion mark/);
  });
});

describe('a comment keeps its author\'s text exactly', () => {
  const piece = fc.constantFrom('a', ' ', '  ', '<<}', '<br>', '&lt;br>', '&amp;', '&#125;', '&#91;', '&', '<', '}', '\n', '\r\n', '[resolved]', '|', ' | ', '{>>', '😀', 'جريمة');
  it('any text, line breaks and the format\'s own escapes included, reads back as written', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join('')), (body) => {
      if (!body.trim()) return;
      const text = 'Para one.\n';
      const r = addComment(text, 0, 4, body, ctx('Ana'));
      const marked = applyEdits(text, r.edits);
      const root = parseComments(marked).threads.find((x) => x.id === r.id)!.blocks[0]!;
      expect(root.body).toBe(body.replace(/\r\n|\r/g, '\n'));
      expect(root.event).toBeNull();
      expect(applyEdits(marked, deleteComment(marked, r.id))).toBe(text);
    }), { numRuns: 300 });
  });
  it('the thread\'s state is its last event as the lines stand, whatever the clocks say', () => {
    const t = 'Para {==x==}{>>@aaaa1111<<}.\n{>>@aaaa1111 | A (B) | 2026-11-23T09:00:00Z | q<<}\n{>>@aaaa1111.r001 | L (C) | 2026-11-23T11:00:00Z | [reopened]<<}\n{>>@aaaa1111.217z | A (B) | 2026-11-23T10:00:00Z | [resolved]<<}\n';
    expect(parseComments(t).threads[0]!.resolved).toBe(true);
    expect(parseComments(t.replace('[reopened]', '[x]').replace('[resolved]', '[reopened]').replace('[x]', '[resolved]')).threads[0]!.resolved).toBe(false);
  });
  it('threads come in the text\'s order, a thread line whose mark is gone among the marks\' threads', () => {
    const t = 'One.\n{>>@zzzz0000 | A (B) | 2026-11-23T09:00:00Z | its text was deleted<<}\n\nTwo {==x==}{>>@aaaa1111<<} and {++y++}.\n{>>@aaaa1111 | A (B) | 2026-11-23T09:00:00Z | q<<}\n';
    expect(parseComments(t).threads.map((x) => x.id)).toEqual(['zzzz0000', 'aaaa1111', 'anon0']);
  });
});

describe('a thread line\'s date', () => {
  it('an impossible stamp is reported at the date, the thread still read; a real one is not', () => {
    const t = (d: string) => `Para {==x==}{>>@aaaa1111<<}.\n\n{>>@aaaa1111 | Ana (B) | ${d} | note<<}\n`;
    for (const bad of ['2026-13-45T99:99:99Z', '2026-02-29T10:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T10:60:00Z']) {
      const m = parseComments(t(bad));
      const p = m.problems.filter((x) => x.code === 'comment.malformed');
      expect(p.map((x) => t(bad).slice(x.start, x.end))).toEqual([bad]);
      expect(m.threads.map((x) => x.id)).toEqual(['aaaa1111']);
    }
    for (const good of ['2024-02-29T23:59:59Z', '2026-11-23T00:00:00Z']) expect(parseComments(t(good)).problems).toEqual([]);
  });
});

describe('a mark that runs over a thread line', () => {
  it('is malformed, never edited: the clean copy and reject-all leave it and every line intact', () => {
    const t = 'Use {~~a\n{>>@aaaa0001 | A (B) | 2026-11-23T09:00:00Z | q<<}\nb~>c~~}{>>@bbbb0002<<} here.\n{>>@bbbb0002 | L (C) | 2026-11-23T09:00:00Z<<}\n';
    const m = parseComments(t);
    expect(m.problems.map((p) => p.code)).toContain('comment.malformed');
    expect(m.marks.map((k) => k.id)).not.toContain('bbbb0002');
    expect(() => cleanCopy(t)).not.toThrow();
    expect(() => applyEdits(t, rejectAll(t))).not.toThrow();
    expect(cleanCopy(t)).toContain('{~~a');
  });
});
