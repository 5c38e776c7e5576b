// The preview transform: marks become HTML, thread lines become notes, and no line moves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markBidiBlocks, marksToHtml, newDraft, withoutHeadingAttributes } from '../../src/core/index';

describe('marksToHtml', () => {
  const src = readFileSync(join(__dirname, '..', 'fixtures', 'comments.draft.md'), 'utf8');
  const out = marksToHtml(src);
  it('keeps every line in place', () => {
    expect(out.split('\n').length).toBe(src.split('\n').length);
  });
  it('renders comments, insertions, deletions and replacements', () => {
    expect(out).toContain('<mark class="ro-comment" title="Ana Pérez (Borealia), 2026-11-23">covers</mark><sup class="ro-tag">@aaaa1111</sup>');
    expect(out).toContain('<ins class="ro-ins" title="Li Wei (Calderra), 2026-11-23">new words </ins>');
    expect(out).toContain('<del class="ro-del" title="Li Wei (Calderra), 2026-11-23">old words</del>');
    expect(out).toContain('<del class="ro-del" title="Ana Pérez (Borealia), 2026-11-23">this</del><ins class="ro-ins" title="Ana Pérez (Borealia), 2026-11-23">that</ins>');
    expect(out).toContain('<span class="ro-thread"><span class="ro-author">Li Wei (Calderra)</span> <span class="ro-date">2026-11-23 09:20</span> <em>resolved</em></span>');
  });
  it('leaves code alone and escapes comment text', () => {
    expect(out).toContain('`{==not a mark==}{>>@zzzz9999<<}`');
    expect(marksToHtml('a {>>@abcd1234<<}\n{>>@abcd1234 | A <b> | 2026-11-23T09:00:00Z | <script>x</script><<}\n')).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('withoutHeadingAttributes', () => {
  it('shows the headings of a draft, bilingual ones too, without their attributes; code and every other line stay', () => {
    const draft = newDraft({ kind: 'list-of-observations', stateUnderReview: 'A', cluster: 1, partyTo: ['untoc'], languages: ['ar', 'en'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: [5] } })
      + '\n```\n## Not a heading {#untoc-6}\n```\n';
    const out = withoutHeadingAttributes(draft);
    expect(out).toMatch(/^## مقدمة \/ Introduction$/m);
    expect(out).toMatch(/^#### .+ \/ Gaps and challenges$/m);
    expect(out.split('\n').filter((l) => /^#{1,6} /.test(l) && /\{[#.][^}]*\}\s*$/.test(l))).toEqual(['## Not a heading {#untoc-6}']);
    expect(out.split('\n').length).toBe(draft.split('\n').length);
  });
});

describe('markBidiBlocks', () => {
  it('lets each block of a rendered draft take its direction from its own text (Arabic right to left)', async () => {
    const MarkdownIt = (await import('markdown-it')).default;
    const md = new MarkdownIt();
    md.core.ruler.push('bidi', (state) => { markBidiBlocks(state.tokens); });
    const html = md.render('# قائمة الملاحظات\n\nوفقًا للمادة 5 من الاتفاقية.\n\n- Article 5 of the Convention\n');
    expect(html).toContain('<h1 dir="auto">قائمة الملاحظات</h1>');
    expect(html).toContain('<p dir="auto">وفقًا للمادة 5 من الاتفاقية.</p>');
    expect(html).toContain('<li dir="auto">');
  });
});
