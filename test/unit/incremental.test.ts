// One analysis per document version: an edit re-derives only the section it changed, and every version's analysis
// equals a fresh one of the same text (findings, comments, references, section texts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkModel, createAnalysisEnv, createReviewService, DraftAnalysis, newDraft, type CheckOptions, type Finding, type MarkdownParser } from '../../src/core/index';
import { createMarkdownParser } from '../../src/core/draft/parser';
import { generateDraft } from '../../bench/generate';

const text = newDraft({
  kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip', 'som'], languages: ['en'],
  reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }],
});

/** The default parser, counting what it is asked to parse. */
function countingParser(): MarkdownParser & { parsed: string[] } {
  const inner = createMarkdownParser();
  const parsed: string[] = [];
  return { parsed, parse: (t) => { parsed.push(t); return inner.parse(t); } };
}

/** What an analysis says about its text, in plain data, to compare one made incrementally with a fresh one. */
function facts(m: DraftAnalysis) {
  return {
    findings: checkModel(m),
    chunks: m.chunks.map((c, i) => [c, m.chunkText(i)]),
    refs: m.references.map((r) => [r.start, r.end, r.instrument, r.explicit, r.targets]),
    threads: m.comments.threads.map((t) => [t.id, t.kind, t.resolved, t.mark?.start, t.blocks.map((b) => b.id)]),
    problems: m.comments.problems.map((p) => [p.code, p.start, p.end]),
    info: m.info,
    sections: m.sections.map((s) => [s.heading.start, s.heading.end, s.heading.line, s.end, s.role, s.instrument, s.article, s.part, s.chunk, s.parent?.heading.start, s.children.map((c) => c.heading.start)]),
    roots: m.roots.map((s) => s.heading.start),
    deep: m.tooDeep,
    layout: m.commentLayout,
  };
}

/**
 * A draft typed into through one service, as the editor does: each edit is a new version, reported to the service
 * first (`changed`) unless `reported` is false; `doc()` is the current version as the service is asked for it.
 */
function typing(initial: string, { reported = true, options }: { reported?: boolean; options?: CheckOptions } = {}) {
  const service = createReviewService(options ? { getCheckOptions: () => options } : undefined);
  let text = initial, version = 1;
  const doc = () => { const now = text; return { uri: 'u', version, getText: () => now }; };
  const first = service.check(doc());
  return {
    service, first, doc,
    get text() { return text; },
    /** The text with [offset, offset + length) replaced by `piece`, as a new version (not checked). */
    edit(offset: number, length: number, piece: string) {
      text = text.slice(0, offset) + piece + text.slice(offset + length);
      version++;
      if (reported) service.changed('u', version, [{ offset, length, text: piece }]);
      return doc();
    },
    /** A new version with the same text (a save). */
    again() { version++; return doc(); },
  };
}
/** A fresh check of a text: a new cache, no previous version. */
const freshCheck = (t: string, options?: CheckOptions) => checkModel(DraftAnalysis.parse(t, undefined, createAnalysisEnv()), options);
/** The end of the first line of prose (not a heading, a thread line, a hint or a list) at or after `from` of the text. */
function proseLineEnd(t: string, from: number): number {
  let offset = t.indexOf('\n', Math.floor(from * t.length));
  while (offset >= 0 && !/^[^#{<\s|`~>*+-][^{}<]*$/.test(t.slice(t.lastIndexOf('\n', offset - 1) + 1, offset))) offset = t.indexOf('\n', offset + 1);
  expect(offset).toBeGreaterThan(0);
  return offset;
}

describe('incremental', () => {
  it('re-parses only the edited section when handed the previous version', () => {
    const parser = countingParser();
    const env = createAnalysisEnv({ parser });
    const first = DraftAnalysis.parse(text, undefined, env);
    checkModel(first);
    parser.parsed.length = 0;
    const at = text.indexOf('<!-- Gaps and challenges in implementing this article. -->', text.indexOf('{#untoc-9}'));
    // A reference next to inline code, in a paragraph that also holds HTML (the part's hint comment), needs the parser
    // to tell code from prose; plain text, and code spans among plain text, are decided without it.
    const edited = text.slice(0, at) + 'See `x` and article 5 of the Convention. ' + text.slice(at);
    checkModel(DraftAnalysis.parse(edited, first));
    expect(parser.parsed).toHaveLength(1);
    expect(parser.parsed[0]).toContain('See `x` and article 5');
  });
  it('keeps the references of unchanged sections and re-reads the edited one', () => {
    const withRefs = text.replace(/<!-- Gaps and challenges in implementing this article. -->/g, 'See article 5, paragraph 1 (a), of the Convention.');
    const first = DraftAnalysis.parse(withRefs);
    checkModel(first);
    const at = withRefs.indexOf('See article 5', withRefs.indexOf('{#untoc-9}'));
    const second = DraftAnalysis.parse(withRefs.slice(0, at) + 'X' + withRefs.slice(at), first);
    checkModel(second);
    const edited = second.chunkAt(at);
    let same = 0;
    second.chunks.forEach((_, i) => {
      const a = first.referencesIn(i)[0]?.raw, b = second.referencesIn(i)[0]?.raw;
      if (!a || !b) return;
      if (i === edited) expect(b).not.toBe(a);
      else { expect(b).toBe(a); same++; }
    });
    expect(same).toBeGreaterThan(10);
  });
  it('gives an unchanged section its previous findings, and moves them when lines are added above', () => {
    // A reference to an article the Convention does not have in every part: a section finding in every chunk.
    const wrong = text.replace(/<!-- [^>]*-->/g, 'See article 99 of the Convention.');
    const code = 'ref.no-such-article';
    const first = DraftAnalysis.parse(wrong);
    const before = checkModel(first).filter((f) => f.code === code);
    expect(before.length).toBeGreaterThan(20);
    const at = wrong.indexOf('{#untoc-9}');
    const typed = DraftAnalysis.parse(wrong.slice(0, at) + 'x' + wrong.slice(at), first);
    const after = checkModel(typed).filter((f) => f.code === code);
    const last = first.chunks.length - 1;
    expect(typed.chunkFindings.get(last)!.findings.length).toBeGreaterThan(0);
    expect(typed.chunkFindings.get(last)!.findings).toBe(first.chunkFindings.get(last)!.findings);
    expect(after).toEqual(before);
    const lineAdded = DraftAnalysis.parse(wrong.slice(0, at) + '\nx\n' + wrong.slice(at + '{#untoc-9}'.length), typed);
    const moved = checkModel(lineAdded).filter((f) => f.code === code);
    expect(moved.at(-1)!.range.start.line).toBe(before.at(-1)!.range.start.line + 2);
  });
  it('a heading\'s id changed in place (same length, same lines) is checked again, not taken from the last version', () => {
    const v = generateDraft(6_000, 11, 'en');
    const service = createReviewService();
    service.check({ uri: 'u', version: 1, getText: () => v });
    const i = v.indexOf('{#untoc-2}') + '{#untoc-'.length;
    const w = `${v.slice(0, i)}3${v.slice(i + 1)}`;
    const codes = service.check({ uri: 'u', version: 2, getText: () => w }).map((f) => f.code);
    expect(codes).toContain('structure.missing-article');
    expect(codes).toContain('structure.duplicate-section');
  });
  // What a section's findings depend on outside its own text: an edit elsewhere that changes it checks the section again.
  const again = (before: string, after: string) => {
    const service = createReviewService();
    const first = service.check({ uri: 'u', version: 1, getText: () => before });
    const next = service.check({ uri: 'u', version: 2, getText: () => after });
    expect(next).toEqual(checkModel(DraftAnalysis.parse(after, undefined, createAnalysisEnv())));
    return { first, next };
  };
  it('a part whose article heading names another instrument is checked again (its references assume the new one)', () => {
    const at = text.indexOf('{#untoc-5}');
    const v = text.slice(0, at) + text.slice(at).replace(/<!-- [^>]*-->/, 'See article 30, paragraph 1.');
    const { first, next } = again(v, v.replace('{#untoc-5}', '{#tip-5}'));
    const line = v.slice(0, v.indexOf('See article 30')).split('\n').length - 1;
    const on = (fs: typeof first) => fs.filter((f) => f.range.start.line === line).map((f) => f.code);
    expect(on(next)).not.toEqual(on(first));
  });
  it('a thread whose lines come to stand in two sections is reported once, across them', () => {
    const parts = [...text.matchAll(/<!-- [^>]*-->/g)];
    const thread = (id: string) => `{>>@${id} | A (B) | 2026-01-01T00:00:00Z | Which city?<<}`;
    const v = text.slice(0, parts[3]!.index) + `The {==capital==}{>>@aaaa1111<<}.\n${thread('aaaa1111')}` + text.slice(parts[3]!.index! + parts[3]![0].length);
    const w = v.replace(parts[8]![0], thread('aaaa1111.r001'));
    const { next } = again(v, w);
    expect(next.filter((f) => f.code === 'comment.open-thread')).toHaveLength(1);
  });
  it('section trees carry positions relative to their section: its first line and start make them the document\'s', () => {
    const m = DraftAnalysis.parse(text);
    const sec = m.findArticle('untoc', 9)!;
    const c = m.chunks[sec.chunk]!;
    const heading = m.chunkTree(sec.chunk).children[0]!;
    expect(heading.position!.start.line - 1 + c.line).toBe(sec.heading.line);
    expect(heading.position!.start.offset! + c.start).toBe(sec.heading.start);
    expect(text.slice(heading.position!.start.offset! + c.start, heading.position!.end.offset! + c.start)).toBe(text.slice(sec.heading.start, sec.heading.end));
  });
  it('the service reuses a model until the document version changes', () => {
    const service = createReviewService();
    let reads = 0;
    const doc = (version: number) => ({ uri: 'file:///a.md', version, getText: () => { reads++; return text; } });
    service.check(doc(1)); service.outline(doc(1)); service.folding(doc(1));
    expect(reads).toBe(1);
    service.check(doc(2));
    expect(reads).toBe(2);
  });
  it('the service checks a version once for every caller, and again when the check options change', () => {
    let options: { finalization?: boolean } = {};
    const service = createReviewService({ getCheckOptions: () => options });
    const doc = (version: number) => ({ uri: 'file:///b.md', version, getText: () => text });
    const first = service.check(doc(1));
    expect(service.check(doc(1))).toBe(first);
    options = { finalization: true };
    const final = service.check(doc(1));
    expect(final).not.toBe(first);
    expect(final.filter((f) => f.severity === 'error').length).toBeGreaterThan(first.filter((f) => f.severity === 'error').length);
    // A new version with the same text is the same check; another text is checked again.
    expect(service.check(doc(2))).toBe(final);
    expect(service.check({ uri: 'file:///b.md', version: 3, getText: () => `${text}x` })).not.toBe(final);
  });
  it('after edits that add, change and remove headings, every section text is the text between its heading and the next', () => {
    const at = text.indexOf('{#untoc-9}');
    const versions = [
      text,
      text.slice(0, at) + '{#untoc-9}\n\n### Added {#added}\n\nNew.' + text.slice(at + '{#untoc-9}'.length),
      text.replace('{#untoc-9}', '{#untoc-9} edited'),
      text.slice(0, at) + text.slice(text.indexOf('\n###', at)),
    ];
    let previous: DraftAnalysis | undefined;
    for (const v of [...versions, ...versions.reverse()]) {
      const m = DraftAnalysis.parse(v, previous);
      m.chunks.forEach((c, i) => expect(m.chunkText(i)).toBe(v.slice(c.start, c.end)));
      previous = m;
    }
  });

  // The mutation check of the keystroke path: version after version through one service, each analysis compared with a
  // fresh one (new cache, no previous version) of the same text.
  const base = [generateDraft(6_000, 11, 'en'), generateDraft(5_000, 12, 'zh'), text];
  /** Not a piece to insert: the next digit at or after the place is changed in place (an article id, a paragraph number). */
  const DIGIT = '<change the next digit>';
  const pieces = ['x', ' ', 'A gap remains. ', 'See article 99 of the Convention. ', '\n', '\n\n', '#### Gaps {.gaps}\n', '### Article 6 {#untoc-6}\n', 'article 5, paragraph 1 (a), of the Convention', 'article 99', '第5条第1款',
    '{==note==}{>>@abcd1234<<}', '{>>@abcd1234 | A (B) | 2026-01-01T00:00:00Z | hi<<}\n', '`code`', '> '.repeat(101) + 'too deep\n', '> '.repeat(101), '<!-- hint -->', '<!--\n', '-->\n', '---\n', '```\n', '~~~\n', '\r\n', DIGIT];
  // At the start of a line (where a part's text, a heading or a thread line begins) or anywhere.
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), lineStart: fc.boolean(), cut: fc.nat(40), piece: fc.constantFrom(...pieces) });
  it('every version analysed from the previous one equals a fresh analysis of the same text', () => {
    // `reported`: the editor's reports of the edits reach the service (changed), so only the stretch they touched is
    // compared with the last version; some versions are then not checked (the editor checks once typing pauses).
    fc.assert(fc.property(fc.constantFrom(...base.keys()), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (which, edits, reported) => {
      const draft = typing(base[which]!, { reported });
      const { service } = draft;
      for (const e of edits) {
        const v = draft.text;
        let at = Math.floor(e.at * v.length);
        if (e.lineStart) at = v.lastIndexOf('\n', at - 1) + 1;
        if (e.piece === DIGIT) {
          // In a heading's article id half the time (same length, same lines, another article), else anywhere.
          const rest = v.slice(at);
          const m = e.cut % 2 ? /\{#[a-z]+-(\d)/.exec(rest) : /\d/.exec(rest);
          if (!m) continue;
          const i = at + m.index + m[0].length - 1;
          draft.edit(i, 1, String((Number(v[i]) + 1) % 10));
        } else draft.edit(at, Math.min(v.length, at + (e.cut % 3 === 0 ? e.cut : 0)) - at, e.piece);
        if (reported && e.cut % 5 === 1) continue;
        const doc = draft.doc();
        service.check(doc);
        const fresh = facts(DraftAnalysis.parse(draft.text, undefined, createAnalysisEnv()));
        expect(facts(service.model(doc))).toEqual(fresh);
        if (e.cut % 2) {
          // A new version with the same text (a save; a character typed and undone) takes what the previous one
          // derived: it must still be right.
          const same = reported && e.cut % 4 === 1 ? (draft.edit(at, 0, 'y'), draft.edit(at, 1, '')) : draft.again();
          expect(facts(service.model(same))).toEqual(fresh);
        }
      }
    }), { numRuns: 80 });
  });
  it('a line nested too deep stays found, and moves, as keystrokes come before it, after it and on it', () => {
    // Typed in other sections, the last version's answer stands (before the line) or moves with the text (after it);
    // typed on the line itself, it is read again: turned into a shallow quote it is gone, and one further on is found.
    const draft = base[0]!;
    const prose = (from: number) => {
      let at = draft.indexOf('\n', Math.floor(from * draft.length));
      while (!/^[A-Z][^{}<|]*$/.test(draft.slice(draft.lastIndexOf("\n", at - 1) + 1, at))) at = draft.indexOf("\n", at + 1);
      expect(at).toBeGreaterThan(0);
      return draft.lastIndexOf('\n', at - 1) + 1;
    };
    const deep = '> '.repeat(101);
    const late = prose(0.7), later = prose(0.85);
    const typed = typing(draft.slice(0, late) + deep + draft.slice(late, later) + deep + draft.slice(later));
    const { service } = typed;
    const type = (offset: number, length: number, text: string) => {
      const doc = typed.edit(offset, length, text);
      const fresh = DraftAnalysis.parse(typed.text, undefined, createAnalysisEnv());
      expect(service.check(doc)).toEqual(checkModel(fresh));
      expect(service.model(doc).edit).not.toBeNull();
      expect(service.model(doc).tooDeep).toEqual(fresh.tooDeep);
      return fresh.tooDeep;
    };
    // Each answer is a fresh analysis's; that it is the first deep line's start is checked too, so the test cannot pass
    // with no line found at all.
    expect(type(prose(0.2), 0, 'x')!.offset).toBe(typed.text.indexOf(deep));
    expect(type(prose(0.95), 0, 'y')!.offset).toBe(typed.text.indexOf(deep));
    const first = typed.text.indexOf(deep);
    expect(type(first, 200, '')!.offset).toBe(typed.text.indexOf(deep));
    expect(typed.text.indexOf(deep)).toBeGreaterThan(first);
    expect(type(first, 0, deep.slice(0, 200))!.offset).toBe(first);
  });
  it('the document rules that read sections (empty parts, footnotes, agreed articles) follow text typed into one part', () => {
    // An agreed article whose empty part is written into, letter by letter: the part stops being empty, a suggestion
    // and a footnote reference with no definition come and go one character at a time. The rules' findings of the
    // last version are taken only while the edited section reads the same to them.
    const agreed = text.replace(/\n---\n/, '\nassignments:\n  untoc-5: {state: Borealia, status: agreed-by-reviewers}\n---\n');
    const typed = typing(agreed);
    const { service } = typed;
    const seen = new Set<string>();
    // Types `word` at `at` one character a version; every version's findings are a fresh analysis's. The last version's.
    const type = (at: number, word: string): Finding[] => {
      expect(at).toBeGreaterThan(0);
      let found: Finding[] = [];
      for (const ch of word) {
        const doc = typed.edit(at++, 0, ch);
        found = service.check(doc);
        expect(found).toEqual(freshCheck(typed.text));
        expect(service.model(doc).edit).not.toBeNull();
        for (const f of found) if (/^(structure\.empty-part|assignment\.|export\.footnote)/.test(f.code)) seen.add(`${f.code} ${f.message}`);
      }
      return found;
    };
    const at = (hint: string, section: string) => typed.text.indexOf(hint, typed.text.indexOf(section));
    type(at('<!-- Gaps and challenges', '{#untoc-5}'), 'A gap {++remains++} here[^zz] and[^z].');
    // A definition typed at the start of a line in another article's part answers the reference made above: the
    // section that defines it changes what is reported in the one that cites it.
    const last = type(at('<!-- Good practices', '{#untoc-6}'), '[^zz]: A note. ');
    const notes = last.filter((f) => f.code === 'export.footnote-undefined').map((f) => f.message);
    expect(notes.some((m) => m.includes('[^z]'))).toBe(true);
    expect(notes.some((m) => m.includes('[^zz]'))).toBe(false);
    // What the text went through, so the test cannot pass with the rules finding nothing.
    const said = [...seen].join('\n');
    expect(said).toMatch(/export\.footnote-undefined .*\[\^zz\]/);
    expect(said).toMatch(/export\.footnote-undefined .*\[\^z\]/);
    expect(said).toMatch(/assignment\.inconsistent-status .*4 empty part\(s\)\. /);
    expect(said).toMatch(/assignment\.inconsistent-status .*4 empty part\(s\), 1 pending suggestion/);
    expect(said).toMatch(/structure\.empty-part Article 5 of the Organized Crime Convention: 4 of 5/);
  });
  it('under configured severities (one code off, one raised, finalization), every typed version\'s findings are a fresh check\'s', () => {
    // The merged list is spliced after an edit: the severities must apply to what is merged again as to the whole.
    const options = { severity: { 'ref.non-canonical': 'off', 'comment.open-thread': 'error', 'comment.pending-suggestion': 'info' } as const, finalization: true };
    const typed = typing(base[0]!, { options });
    let offset = proseLineEnd(typed.text, 0.6);
    const codes = new Set<string>();
    for (const ch of ' See art. 5(1) and {++more++} text') {
      const found = typed.service.check(typed.edit(offset++, 0, ch));
      expect(found).toEqual(freshCheck(typed.text, options));
      for (const f of found) codes.add(`${f.code}:${f.severity}`);
    }
    expect(codes.has('comment.open-thread:error')).toBe(true);
    expect(codes.has('comment.pending-suggestion:info')).toBe(true);
    expect([...codes].some((c) => c.startsWith('ref.non-canonical'))).toBe(false);
  });
  it('a keystroke that moves no finding gives the very list of the last version (an adapter leaves its diagnostics); one that does, a new one', () => {
    // On the way that takes the last version's parts (LF), and on the one that checks every section again (CRLF line
    // breaks are scanned whole): the same findings come back as the same list either way.
    for (const draft of [base[0]!, base[0]!.replace(/\n/g, '\r\n')]) {
      const typed = typing(draft);
      let last = typed.first;
      expect(last.length).toBeGreaterThan(0);
      // The end of the last line of the draft that holds a finding: typing after it moves nothing.
      const line = Math.max(...last.map((f) => f.range.end.line));
      const at = draft.split('\n').slice(0, line + 1).join('\n').length - (draft.includes('\r') ? 1 : 0);
      const type = (offset: number, text: string) => typed.service.check(typed.edit(offset, 0, text));
      const same = type(at, ' x');
      expect(same).toBe(last);
      last = same;
      const moved = type(typed.text.indexOf(' x', at - 1), ' See article 99 of the Convention.');
      expect(moved).not.toBe(last);
      expect(moved).toEqual(freshCheck(typed.text));
      expect(moved.length).toBeGreaterThan(last.length);
    }
  });
  it('typing keeps no version of the edited section in the cache (a long session would hold each keystroke\'s copy)', () => {
    const typed = typing(base[0]!);
    const at = proseLineEnd(typed.text, 0.5);
    const cached = () => typed.service.model(typed.doc()).env.cache.size;
    typed.service.check(typed.edit(at, 0, 'x'));
    const before = cached();
    for (let k = 1; k <= 30; k++) typed.service.check(typed.edit(at + k, 0, 'y'));
    expect(cached()).toBe(before);
    expect(typed.service.check(typed.doc())).toEqual(freshCheck(typed.text));
  });

  it('typed into long sections (read paragraph by paragraph), every version\'s findings are a fresh analysis\'s', () => {
    // Parts of many paragraphs of references, threads, suggestions and footnotes, as the generated 10 MB draft has:
    // their references, comment marks, deep lines and reference findings are taken from the part's earlier text where
    // the edit left them. Words typed at the start, middle and end of long parts, growing into a reference, a mark and
    // a wrong article, and a line too deep made and unmade.
    for (const lang of ['en', 'zh'] as const) {
      // The first three articles of a large generated draft: long parts, in a draft small enough to check afresh each time.
      const full = generateDraft(lang === 'zh' ? 6_000_000 : 2_400_000, 13, lang);
      const articles = [...full.matchAll(/^### /gm)].map((m) => m.index!);
      const typed = typing(full.slice(0, articles[3]));
      const parts = [...typed.text.matchAll(/^#### .*$/gm)].map((m) => m.index!);
      for (const k of [3, parts.length - 2]) {
        const start = parts[k]!, end = parts[k + 1]!;
        expect(end - start).toBeGreaterThan(4_096);
        for (const where of [0.1, 0.6]) {
          let offset = typed.text.indexOf('\n\n', start + Math.floor((end - start) * where)) + 2;
          for (const ch of 'See art. 99 {++new++} 第5条 ') expect(typed.service.check(typed.edit(offset++, 0, ch))).toEqual(freshCheck(typed.text));
          expect(typed.service.check(typed.edit(offset, 0, '> '.repeat(101)))).toEqual(freshCheck(typed.text));
          expect(typed.service.check(typed.edit(offset, 202, ''))).toEqual(freshCheck(typed.text));
        }
      }
    }
  });
  it('a long section met in two drafts on different lines, typed into in the second: its findings are on its lines', () => {
    // The same text is one entry of the service's cache; what was found in it on another draft's lines is not this one's.
    const full = generateDraft(2_400_000, 14, 'en');
    const first = full.slice(0, [...full.matchAll(/^### /gm)].map((m) => m.index!)[2]);
    const second = first.replace('\n# ', '\n\n\n# ');
    const service = createReviewService();
    // Each draft typed into at the same place in the section, the first one first: the second meets the first one's
    // texts of that section in the cache, then a text of its own.
    const type = (uri: string, text: string, at: number, letters: string) => {
      let now = text;
      [...letters].forEach((ch, k) => {
        now = now.slice(0, at + k) + ch + now.slice(at + k);
        service.changed(uri, k + 2, [{ offset: at + k, length: 0, text: ch }]);
        expect(service.check({ uri, version: k + 2, getText: () => now })).toEqual(freshCheck(now));
      });
    };
    service.check({ uri: 'a', version: 1, getText: () => first });
    service.check({ uri: 'b', version: 1, getText: () => second });
    const place = (t: string) => t.indexOf('\n\n', t.lastIndexOf('\n#### ') + 2_000) + 2;
    type('a', first, place(first), 'xy');
    type('b', second, place(second), 'xyz');
  });
  it('a word typed one character a version inside a paragraph, midway, then late, then early: every version\'s findings are a fresh analysis\'s', () => {
    // The keystroke the editor meets most: no line or heading changes, so every section but the edited one keeps its
    // findings, and the heading rules' findings are the last version's. The word grows into a reference one letter
    // at a time (a partial one, then a whole one), so the edited section's findings change under it; the next word,
    // in another section, must find the first one's findings as they were left. The generated drafts only (the
    // skeleton has no prose line to type into).
    for (const draft of base.slice(0, 2)) for (const reported of [true, false]) {
      const typed = typing(draft, { reported });
      for (const where of [0.5, 0.8, 0.2]) {
        // The end of the next line of prose (not a heading, a thread line or a hint) from there.
        let offset = proseLineEnd(typed.text, where);
        for (const ch of ' See article 5, paragraph 1 (a) of the Convention') {
          expect(typed.service.check(typed.edit(offset++, 0, ch))).toEqual(freshCheck(typed.text));
        }
      }
    }
  });
});
