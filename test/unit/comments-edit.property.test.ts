// A section's comments read after an edit, from its earlier text, are those read from the edited text whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionComments, type ScannedComments } from '../../src/core/comments/parse';
import type { SectionFacts } from '../../src/core/draft/sectionCache';

// Marks of every kind, with and without an id (a suggestion with one may run over a blank line), thread lines good and
// bad, code spans around markup, prose and blank lines mostly; now and then a fence or a conflict line.
const COMMON = [
  'Text of a paragraph.', ' ', '\n', '\n\n', '\n\n', '\n \n', '\n\n\n',
  '{==noted==}{>>@c0001<<}', '{++added++}{>>@s0001<<}', '{--removed--}{>>@s0002<<}', '{~~old~>new~~}{>>@s0003<<}', 'see {>>@c0002<<}',
  '{++anonymous++}', '{--anonymous--}', '{~~a~>b~~}', '{>>a note<<}',
  '\n{>>@c0001 | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z | Is this confirmed?<<}\n',
  '\n{>>@c0001.r1 | Li Wei (Calderra) | 2026-11-23T10:00:00Z | Yes.<<}\n',
  '\n{>>@s0001 | Li Wei (Calderra) | 2026-11-23T10:00:00Z | [resolved]<<}\n',
  '`{++in code++}`', '~>',
];
// A mark left open or a delimiter alone is a problem, and a problem sends the text to be read whole: rare, as in drafts.
const RARE = ['{++across\n\nparagraphs++}{>>@s0004<<}', '{++', '++}', '{>>@', '<<}', '\n```\n', '\n~~~\n', '\n<<<<<<< HEAD\n', '\n=======\n', '\n>>>>>>> b\n', '\n{>>@bad line<<}\n', '\n{>>@c0003 | A (B) | 2026-13-45T99:99:99Z | x<<}\n'];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...COMMON), weight: 40 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 });
const text = fc.array(piece, { minLength: 1, maxLength: 80 }).map((p) => `#### Gaps {.gaps}\n\n${p.join('')}\n`);
const edit = fc.tuple(fc.nat(), fc.nat(12), fc.oneof({ arbitrary: fc.constantFrom(...COMMON, '', 'x'), weight: 10 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 }));

/** What a section's text holds, read whole, with no earlier text. */
const whole = (t: string): ScannedComments => sectionComments(t, undefined);

describe('comments after an edit', () => {
  it('are the edited text\'s, read whole, edit after edit', () => {
    let taken = 0;
    fc.assert(fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
      let earlier = { text: start, facts: {} as SectionFacts };
      sectionComments(earlier.text, earlier.facts);
      for (const [at, cut, what] of edits) {
        const from = at % (earlier.text.length + 1), to = Math.min(earlier.text.length, from + cut);
        const edited = earlier.text.slice(0, from) + what + earlier.text.slice(to);
        const facts: SectionFacts = {};
        const now = sectionComments(edited, facts, earlier);
        expect(now).toEqual(whole(edited));
        if (now.marks.some((m) => earlier.facts.comments!.marks.includes(m))) taken++;
        earlier = { text: edited, facts };
      }
    }), { numRuns: 1500 });
    // The earlier text's marks were taken often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(60);
  });
  it('take the marks and thread lines of the paragraphs an edit left, as they were before it and moved after it', () => {
    const paragraph = (k: number) => `Para ${k} {++added++}{>>@s${String(k).padStart(4, '0')}<<} and {~~a~>b~~}.\n{>>@s${String(k).padStart(4, '0')} | Li Wei (Calderra) | 2026-11-23T10:00:00Z | Why?<<}\n\n`;
    const earlier = `#### Gaps {.gaps}\n\n${[...Array(20).keys()].map(paragraph).join('')}`;
    const facts: SectionFacts = {};
    const was = sectionComments(earlier, facts);
    const at = earlier.indexOf('Para 10') + 4;
    const edited = earlier.slice(0, at) + 'typed ' + earlier.slice(at);
    const now = sectionComments(edited, {}, { text: earlier, facts });
    expect(now).toEqual(whole(edited));
    // The paragraphs before the edit: the very marks and thread lines; those after it moved by the six characters typed.
    expect(now.marks.slice(0, 20)).toEqual(was.marks.slice(0, 20));
    now.marks.slice(0, 20).forEach((m, k) => expect(m).toBe(was.marks[k]));
    expect(now.blocks[11]!.start).toBe(was.blocks[11]!.start + 6);
  });
  it('read the whole text when the earlier one had a problem, or a suggestion over paragraphs around the edit', () => {
    const read = (earlier: string, edited: string) => {
      const facts: SectionFacts = {};
      sectionComments(earlier, facts);
      return sectionComments(edited, {}, { text: earlier, facts });
    };
    // A date no clock gives, in a paragraph the edit leaves: still reported.
    const dated = '#### Gaps {.gaps}\n\nA.\n{>>@c0003 | A (B) | 2026-13-45T99:99:99Z | x<<}\n\nB.\n\nC.\n';
    const typed = dated.replace('C.', 'Cx.');
    expect(read(dated, typed).problems.length).toBe(1);
    expect(read(dated, typed)).toEqual(whole(typed));
    // A suggestion with its id over three paragraphs, the middle one edited: its text is the edited one.
    const over = '#### Gaps {.gaps}\n\nA {++one\n\ntwo\n\nthree++}{>>@s0001<<} end.\n';
    const inMiddle = over.replace('two', 't-w-o');
    expect(read(over, inMiddle).marks[0]!.text).toBe('one\n\nt-w-o\n\nthree');
    expect(read(over, inMiddle)).toEqual(whole(inMiddle));
    // A fence the edit removes: the marks it held are marks now.
    const fenced = '#### Gaps {.gaps}\n\nA.\n\n```\n\n{++x++}\n\nB {++y++}.\n';
    const unfenced = fenced.replace('```\n', '');
    expect(read(fenced, unfenced).marks.length).toBe(2);
    expect(read(fenced, unfenced)).toEqual(whole(unfenced));
  });
});
