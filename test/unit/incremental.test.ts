// Incremental re-checking: after a one-character edit only the edited section is parsed again, and positions stay absolute.
import { describe, expect, it } from 'vitest';
import { checkModel, createReviewService, DraftModel, newDraft } from '../../src/core/index';
import { parseCount } from '../../src/core/draft/parseCache';
import { scanCount } from '../../src/core/refs/extract';

const text = newDraft({
  kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip', 'som'], languages: ['en'],
  reviewingStates: [{ state: 'Borealia', instruments: ['untoc'] }, { state: 'Calderra', instruments: ['untoc'] }],
});

describe('incremental', () => {
  it('re-parses only the edited section', () => {
    checkModel(DraftModel.parse(text));
    const before = parseCount();
    const at = text.indexOf('<!-- Gaps and challenges in implementing this article. -->', text.indexOf('{#untoc-9}'));
    // A reference next to inline code needs the parser (to tell code from prose); plain text is decided without it.
    const edited = text.slice(0, at) + 'See `x` and article 5 of the Convention. ' + text.slice(at);
    checkModel(DraftModel.parse(edited));
    expect(parseCount() - before).toBe(1);
  });
  it('re-scans references only in the edited section', () => {
    const withRefs = text.replace(/<!-- Gaps and challenges in implementing this article. -->/g, 'See article 5, paragraph 1 (a), of the Convention.');
    checkModel(DraftModel.parse(withRefs));
    const before = scanCount();
    const at = withRefs.indexOf('See article 5', withRefs.indexOf('{#untoc-9}'));
    checkModel(DraftModel.parse(withRefs.slice(0, at) + 'X' + withRefs.slice(at)));
    expect(scanCount() - before).toBe(1);
  });
  it('section trees carry document-absolute positions', () => {
    const m = DraftModel.parse(text);
    const sec = m.findArticle('untoc', 9)!;
    const tree = m.absoluteChunkTree(sec.chunk);
    const heading = tree.children[0]!;
    expect(heading.position!.start.line - 1).toBe(sec.heading.line);
    expect(heading.position!.start.offset).toBe(sec.heading.start);
    expect(text.slice(heading.position!.start.offset, heading.position!.end.offset)).toBe(text.slice(sec.heading.start, sec.heading.end));
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
    expect(service.check(doc(2))).not.toBe(final);
  });
  it('after edits that add, change and remove headings, every section text is the text between its heading and the next', () => {
    const at = text.indexOf('{#untoc-9}');
    const versions = [
      text,
      text.slice(0, at) + '{#untoc-9}\n\n### Added {#added}\n\nNew.' + text.slice(at + '{#untoc-9}'.length),
      text.replace('{#untoc-9}', '{#untoc-9} edited'),
      text.slice(0, at) + text.slice(text.indexOf('\n###', at)),
    ];
    for (const v of [...versions, ...versions.reverse()]) {
      const m = DraftModel.parse(v);
      m.chunks.forEach((c, i) => expect(m.chunkText(i)).toBe(v.slice(c.start, c.end)));
    }
  });
});
