// The import's exported text, held in stretches, says of every character what the per-character arrays it replaced said.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectedParagraph } from '../../src/core/export/projection';
import { exportedText } from '../../src/core/word/exported';
import { CharKind } from '../../src/core/word/read';

interface Reference { text: string; src: number[]; kind: number[]; thread: number[]; para: number[] }

/** The exported text as the import built it before: an entry per character. */
function perCharacter(paragraphs: ProjectedParagraph[]): Reference & { threads: string[] } {
  const out: Reference & { threads: string[] } = { text: '', src: [], kind: [], thread: [], para: [], threads: [] };
  const index = new Map<string, number>();
  paragraphs.forEach((p, pi) => {
    if (pi > 0) { out.text += '\n'; out.src.push(-2); out.kind.push(CharKind.Normal); out.thread.push(-1); out.para.push(pi - 1); }
    for (const s of p.segs) {
      let ti = -1;
      if (s.thread) { ti = index.get(s.thread) ?? -1; if (ti < 0) { ti = out.threads.length; out.threads.push(s.thread); index.set(s.thread, ti); } }
      const k = s.kind === 'ins' ? CharKind.Inserted : s.kind === 'del' ? CharKind.Deleted : CharKind.Normal;
      for (let i = 0; i < s.text.length; i++) { out.text += s.text[i]; out.src.push(s.src < 0 ? -1 : s.src + i); out.kind.push(k); out.thread.push(ti); out.para.push(pi); }
    }
  });
  return out;
}
function decidedRef(e: Reference, decided: Map<number, 'accept' | 'reject'>, keepThreads: boolean): Reference {
  const out: Reference = { text: '', src: [], kind: [], thread: [], para: [] };
  for (let i = 0; i < e.text.length; i++) {
    const d = decided.get(e.thread[i]!);
    if (d && (d === 'accept') === (e.kind[i] === CharKind.Deleted)) continue;
    const plain = !keepThreads && decided.has(e.thread[i]!);
    out.text += e.text[i]; out.src.push(e.src[i]!); out.para.push(e.para[i]!);
    out.kind.push(plain ? CharKind.Normal : e.kind[i]!); out.thread.push(plain ? -1 : e.thread[i]!);
  }
  return out;
}

const seg = fc.record({
  text: fc.constantFrom('', 'a', 'de la', 'State party', '审议', '😀x'),
  src: fc.oneof(fc.constant(-1), fc.nat(5000)),
  kind: fc.constantFrom('normal', 'ins', 'del') as fc.Arbitrary<'normal' | 'ins' | 'del'>,
  thread: fc.constantFrom(null, 't1', 't2', 't3'),
});
const paragraphs = fc.array(fc.record({ segs: fc.array(seg, { maxLength: 6 }), blockStart: fc.constant(0), blockEnd: fc.constant(0) }), { maxLength: 6 });
const decisions = fc.array(fc.tuple(fc.nat(3), fc.constantFrom('accept', 'reject') as fc.Arbitrary<'accept' | 'reject'>), { maxLength: 3 });

describe('the exported text of an import, in stretches', () => {
  it('gives each character the draft offset, kind, suggestion and paragraph the per-character arrays gave, before and after decisions', () => {
    fc.assert(fc.property(paragraphs, decisions, fc.boolean(), (ps, ds, keep) => {
      const ref = perCharacter(ps);
      const got = exportedText(ps);
      expect(got.threads).toEqual(ref.threads);
      const same = (g: ReturnType<typeof exportedText>, r: Reference) => {
        expect(g.text).toBe(r.text);
        // Read forwards, backwards and out of order (the lookups keep a cursor), and one past each end.
        const order = [...Array(r.text.length + 2).keys()].map((i) => i - 1);
        for (const i of [...order, ...order.reverse(), ...order.filter((_, k) => k % 3 === 0)]) {
          expect([g.srcAt(i), g.kindAt(i), g.threadAt(i), g.paraAt(i)]).toEqual([r.src[i], r.kind[i], r.thread[i], r.para[i]]);
        }
      };
      same(got, ref);
      const decided = new Map(ds);
      same(got.withDecisions(decided, keep), decided.size ? decidedRef(ref, decided, keep) : ref);
    }), { numRuns: 300, seed: 20261202 });
  });
});
