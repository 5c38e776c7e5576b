// Editing help for references in the core: hover text, completions and go to definition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionsAt, definitionAt, DraftAnalysis, hoverAt, getInstrument, newDraft } from '../../src/core/index';

const text = readFileSync(join(__dirname, '..', 'editor', 'workspace', 'refs.md'), 'utf8');
const m = DraftAnalysis.parse(text);
const at = (s: string, plus = 0) => text.indexOf(s) + plus;

describe('editing help', () => {
  it('hover names the article, its unit, title (English and verified Chinese), instrument and cluster', () => {
    const h = hoverAt(m, at('article 6, paragraph 2 (c)', 2))!;
    expect(h.markdown).toContain('**Article 6, paragraph 2 (c)** — Criminalization of the laundering of proceeds of crime · 犯罪所得洗钱行为的刑事定罪');
    expect(h.markdown).toContain('United Nations Convention against Transnational Organized Crime · cluster I (provisional data)');
    expect(text.slice(m.lines.offsetAt(h.range.start), m.lines.offsetAt(h.range.end))).toBe('article 6, paragraph 2 (c), of the Convention');
  });
  it('no hover outside a reference', () => {
    expect(hoverAt(m, at('Wrong:'))).toBeNull();
  });
  it('go to definition finds the article section', () => {
    const r = definitionAt(m, at('See article 5', 6))!;
    expect(m.lines.lineText(r.start.line)).toMatch(/\{#untoc-5\}$/);
    expect(definitionAt(m, at('article 6, paragraph 2 (c)', 2))).toBeNull(); // no section for article 6 in this draft
  });
  it('completes articles after "article " with the section\'s instrument, under-review ones first', () => {
    const items = completionsAt(m, at('Complete: article ', 'Complete: article '.length));
    expect(items.length).toBe(41);
    expect(items.sort((a, b) => a.sortText.localeCompare(b.sortText))[0]!.label).toBe('5. Criminalization of participation in an organized criminal group');
  });
  it('completes paragraphs after "article 5, paragraph "', () => {
    const t2 = text.replace('Complete: article ', 'Complete: article 5, paragraph ');
    const m2 = DraftAnalysis.parse(t2);
    const items = completionsAt(m2, t2.indexOf('paragraph ', t2.indexOf('Complete:')) + 'paragraph '.length);
    expect(items.map((i) => i.insertText)).toEqual(['1', '1 (a)', '1 (b)', '2', '3']);
  });
  it('completes in Chinese after 第, with verified Chinese titles', () => {
    const t2 = text.replace('Complete: article ', '见第');
    const m2 = DraftAnalysis.parse(t2);
    const items = completionsAt(m2, t2.indexOf('见第') + 2);
    expect(items.find((i) => i.insertText === '6条')?.label).toBe('6条 犯罪所得洗钱行为的刑事定罪');
  });
  it('nothing to complete elsewhere', () => {
    expect(completionsAt(m, at('Wrong: '))).toEqual([]);
  });
});

describe('completions in the draft language', () => {
  const draft = (lang: string, line: string) => {
    const t = newDraft({ kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip'], languages: [lang], articles: { untoc: [5], tip: [3] },
      reviewingStates: [{ state: 'Borealia', instruments: ['untoc', 'tip'] }, { state: 'Calderra', instruments: ['untoc', 'tip'] }] });
    // the line goes into the introduction, outside any instrument's section, so the instrument must be named
    const p = t.indexOf('\n\n', t.indexOf('{#introduction}')) + 2;
    const text = t.slice(0, p) + line + '\n' + t.slice(p);
    return { model: DraftAnalysis.parse(text), offset: p + line.length };
  };
  it.each([
    ['en', 'see article ', '5 of the Convention'],
    ['fr', "voir l'article ", '5 de la Convention'],
    ['es', 'véase el artículo ', '5 de la Convención'],
    ['ru', 'см. статья ', '5 Конвенции'],
    ['ar', 'انظر المادة ', '5 من الاتفاقية'],
  ])('%s: after the article word, a Convention article is inserted with the Convention named in that language', (lang, line, insert) => {
    const { model, offset } = draft(lang, line);
    const items = completionsAt(model, offset);
    expect(items.map((i) => i.insertText)).toContain(insert);
  });
  it('never writes an unverified Protocol name: Spanish has none verified, so the number stands alone', () => {
    const { model, offset } = draft('es', 'véase el artículo ');
    const protocol = completionsAt(model, offset).filter((i) => i.detail === 'Trafficking in Persons Protocol');
    expect(protocol.length).toBeGreaterThan(0);
    expect(protocol.every((i) => /^\d+$/.test(i.insertText))).toBe(true);
    // French has the Protocol's full name verified, so it is written out
    const fr = draft('fr', "voir l'article ");
    expect(completionsAt(fr.model, fr.offset).map((i) => i.insertText)).toContain(`3 du ${getInstrument('tip').fullName('fr')}`);
  });
});

describe('editing help in the draft\'s language', () => {
  it('completion after a French or Russian article word says the title is English where no verified title exists', () => {
    for (const [lang, word] of [['fr', 'Voir l’article '], ['ru', 'См. статью ']] as const) {
      const text = `---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\nlanguages: [${lang}]\n---\n\n## Introduction {#introduction}\n\n${word}`;
      const items = completionsAt(DraftAnalysis.parse(text), text.length);
      const five = items.find((i) => i.label.startsWith('5. '))!;
      expect(five.documentation, lang).toMatch(/English title: the data has no verified/);
    }
  });
});

describe('hover on a wrong reference', () => {
  it('says the unit does not exist before the article\'s title, never as if it did', () => {
    const text = `---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\n---\n\n## Introduction {#introduction}\n\nSee article 5, paragraph 9, of the Convention.\n`;
    const h = hoverAt(DraftAnalysis.parse(text), text.indexOf('article 5') + 3)!;
    expect(h.markdown).toMatch(/^⚠ Article 5 of the .* has no paragraph 9/);
    expect(h.markdown).not.toContain('paragraph 9** —');
  });
});
