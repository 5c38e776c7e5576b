// Outline and folding: instrument → article → part, with ranges covering each section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftAnalysis, foldingRanges, outline } from '../../src/core/index';

const text = readFileSync(join(__dirname, '..', '..', 'examples', 'arcadia-list-of-observations.en.md'), 'utf8');

describe('outline', () => {
  const syms = outline(DraftAnalysis.parse(text));
  it('shows the review, then the title with introduction and instruments, articles and parts nested', () => {
    expect(syms[0]).toMatchObject({ role: 'front-matter', name: 'Republic of Arcadia' });
    const title = syms[1]!;
    expect(title.role).toBe('title');
    expect(title.children.map((c) => c.role)).toEqual(['introduction', 'instrument', 'instrument', 'instrument']);
    const untoc = title.children[1]!;
    expect(untoc.children.map((c) => c.detail)).toEqual(['untoc 5', 'untoc 6', 'untoc 23']);
    expect(untoc.children[0]!.children.map((c) => c.detail)).toEqual(['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance']);
    expect(untoc.children[0]!.name).toBe('Article 5. Criminalization of participation in an organized criminal group');
  });
  it('a draft of more top-level headings than a call takes arguments has them all in its outline', () => {
    const many = DraftAnalysis.parse('---\ndocument: list-of-observations\n---\n' + '# h\n'.repeat(200_000));
    expect(outline(many).length).toBe(200_001);
  });
  it('an article range ends before the next article heading', () => {
    const untoc = syms[1]!.children[1]!;
    const [a5, a6] = untoc.children;
    expect(a5!.range.end.line).toBeLessThan(a6!.range.start.line);
    const lines = text.split('\n');
    expect(lines[a5!.range.end.line]!.trim()).not.toBe('');
  });
  it('folds the front matter and every section', () => {
    const folds = foldingRanges(DraftAnalysis.parse(text));
    expect(folds[0]).toEqual({ startLine: 0, endLine: 22, kind: 'region' }); // the closing --- is line 23
    expect(folds.length).toBeGreaterThan(30);
  });
});
