// References: fixtures in each language, a corpus that must yield nothing, and the minimum breadth of forms covered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftAnalysis } from '../../src/core/index';
import { scanChinese } from '../../src/core/refs/zh';
import { scanChain } from '../../src/core/refs/chain';
import { checkModel, fixesFor, hoverAt } from '../../src/core/index';

const dir = join(__dirname, '..', 'fixtures');
const scanAll = (s: string) => [...scanChain(s), ...scanChinese(s)];

describe('references', () => {
  it('a corpus of sentences with numbers but no treaty reference yields nothing', () => {
    const lines = readFileSync(join(dir, 'no-references.txt'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const l of lines) expect(scanAll(l).map((r) => l.slice(r.start, r.end)), l).toEqual([]);
  });

  it('the fixtures cover at least 150 distinct reference forms', () => {
    const forms = new Set<string>();
    for (const f of ['refs-en.draft.md', 'refs-zh.draft.md', 'refs-other.draft.md', 'refs-fr.draft.md', 'refs-es.draft.md', 'refs-ru.draft.md', 'refs-ar.draft.md']) {
      const m = DraftAnalysis.parse(readFileSync(join(dir, f), 'utf8'));
      for (const r of m.references) forms.add(m.text.slice(r.start, r.end).replace(/\s+/g, ' '));
    }
    expect(forms.size).toBeGreaterThanOrEqual(450);
  });

  for (const lang of ['fr', 'es', 'ru', 'ar']) {
    it(`the ${lang} fixture holds at least 80 distinct forms: valid, wrong (each kind of error) and non-references`, () => {
      const text = readFileSync(join(dir, `refs-${lang}.draft.md`), 'utf8');
      const bullets = new Set(text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.replace(/ \{ref\.[a-z-]+\}/g, '')));
      expect(bullets.size).toBeGreaterThanOrEqual(80);
      const m = DraftAnalysis.parse(text);
      const codes = new Set(checkModel(m).map((f) => f.code));
      for (const c of ['ref.no-such-article', 'ref.no-such-paragraph', 'ref.no-such-subparagraph', 'ref.ambiguous']) expect(codes, c).toContain(c);
      // non-references: bullets that yield no reference at all
      const refLines = new Set(m.references.map((r) => m.lines.rangeOf(r.start, r.end).start.line));
      const lines = text.split('\n');
      const none = lines.filter((l, i) => l.startsWith('- ') && !refLines.has(i));
      expect(none.length).toBeGreaterThanOrEqual(8);
    });
  }

  const head = (lang: string) => `---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc, tip, som, firearms]\nlanguages: [${lang}]\n---\n\n## Introduction {#introduction}\n\n`;
  const errorsOn = (lang: string, sentence: string) => {
    const text = head(lang) + sentence + '\n';
    const m = DraftAnalysis.parse(text);
    return checkModel(m).filter((f) => f.severity === 'error' && f.code.startsWith('ref.')).map((f) => text.slice(m.lines.offsetAt(f.range.start), m.lines.offsetAt(f.range.end)));
  };
  it('an error in a list or a range goes on the element that is wrong, in every language', () => {
    expect(errorsOn('en', 'See articles 5, 6 and 44 of the Convention.')).toEqual(['44']);
    expect(errorsOn('fr', 'Voir les paragraphes 1 et 5 de l’article 9 de la Convention.')).toEqual(['5']);
    expect(errorsOn('es', 'Véanse los artículos 5, 45 y 6 de la Convención.')).toEqual(['45']);
    expect(errorsOn('ru', 'См. статьи 5, 6 и 44 Конвенции.')).toEqual(['44']);
    expect(errorsOn('ar', 'انظر المواد 5 و6 و44 من الاتفاقية.')).toEqual(['44']);
    expect(errorsOn('zh', '见《公约》第5条、第6条和第44条。')).toEqual(['44']);
    expect(errorsOn('zh', '见《公约》第5条第1款(a)项、(c)项。')).toEqual(['(c)项']);
    expect(errorsOn('en', 'article 27, paragraph 1 (a) to (h), of the Convention')).toEqual(['1 (a) to (h)']);
    expect(errorsOn('en', 'articles 40 to 45 of the Convention')).toEqual(['40 to 45']);
  });

  it('the instrument is told by the words after "Protocol" in each language, and another treaty is not ours', () => {
    const inst = (lang: string, s: string) => { const m = DraftAnalysis.parse(head(lang) + s + '\n'); return m.references.map((r) => r.instrument); };
    expect(inst('fr', 'l’article 8 du Protocole relatif aux armes à feu')).toEqual(['firearms']);
    expect(inst('fr', 'l’article 5 du Protocole relatif à la traite des personnes')).toEqual(['tip']);
    expect(inst('es', 'el artículo 6 del Protocolo contra el tráfico ilícito de migrantes')).toEqual(['som']);
    expect(inst('ru', 'статьи 5 Протокола о торговле людьми')).toEqual(['tip']);
    expect(inst('ru', 'статьей 6 Протокола против незаконного ввоза мигрантов')).toEqual(['som']);
    expect(inst('ar', 'المادة 8 من بروتوكول الأسلحة النارية')).toEqual(['firearms']);
    expect(inst('fr', 'l’article 5 de la Convention des Nations Unies contre la corruption')).toEqual([]);
    expect(inst('ru', 'статья 5 Конвенции против коррупции')).toEqual([]);
    expect(inst('ar', 'المادة 5 من اتفاقية الأمم المتحدة لمكافحة الفساد')).toEqual([]);
  });

  it('French references are rewritten to the UN style, smallest unit first, and the rewrite is itself clean', () => {
    for (const [sentence, rewritten] of [
      ['Voir l’article 5, paragraphe 1 a) ii), de la Convention.', 'Voir l’alinéa a) ii) du paragraphe 1 de l’article 5 de la Convention.'],
      ['Conformément à l’article 5, paragraphe 1, de la Convention.', 'Conformément au paragraphe 1 de l’article 5 de la Convention.'],
      ['En vertu de l’article 6, paragraphe 2, de la Convention.', 'En vertu du paragraphe 2 de l’article 6 de la Convention.'],
      ['Voir le sous-alinéa ii) de l’alinéa c) du paragraphe 2 de l’article 15 de la Convention.', 'Voir l’alinéa c) ii) du paragraphe 2 de l’article 15 de la Convention.'],
      ['Voir art. 10, par. 2, de la Convention.', 'Voir paragraphe 2 de l’article 10 de la Convention.'],
    ] as const) {
      const text = head('fr') + sentence + '\n';
      const m = DraftAnalysis.parse(text);
      const f = checkModel(m).find((x) => x.code === 'ref.non-canonical')!;
      expect(f, sentence).toBeDefined();
      const [fix] = fixesFor(m, f);
      const fixed = text.slice(0, fix!.edit.start) + fix!.edit.newText + text.slice(fix!.edit.end);
      expect(fixed.slice(head('fr').length).trim()).toBe(rewritten);
      const again = DraftAnalysis.parse(fixed);
      expect(checkModel(again).filter((x) => x.code.startsWith('ref.'))).toEqual([]);
      expect(again.references.map((r) => r.targets)).toEqual(m.references.map((r) => r.targets));
    }
  });

  it('Spanish and Russian get their usual style as information, Russian without a fix where the case cannot be told', () => {
    const style = (lang: string, s: string) => { const m = DraftAnalysis.parse(head(lang) + s + '\n'); return checkModel(m).filter((f) => f.code === 'ref.non-canonical').map((f) => ({ severity: f.severity, fix: f.data?.replacement ?? null })); };
    expect(style('es', 'el artículo 5 (3) de la Convención')).toEqual([{ severity: 'info', fix: 'artículo 5, párrafo 3, de la Convención' }]);
    expect(style('es', 'el apartado a) del párrafo 1 del artículo 5 de la Convención')).toEqual([]);
    expect(style('ru', 'статья 5, пункт 1 Конвенции')).toEqual([{ severity: 'info', fix: 'пункт 1 статьи 5 Конвенции' }]);
    expect(style('ru', 'согласно статье 6, пункт 2 Конвенции')).toEqual([{ severity: 'info', fix: 'пункту 2 статьи 6 Конвенции' }]);
    expect(style('ru', 'п. 1 ст. 5 Конвенции')).toEqual([{ severity: 'info', fix: null }]);
    expect(style('ru', 'пункт 1 статьи 5 Конвенции')).toEqual([]);
  });

  it('a form two languages share ("article 5 (1)") takes the style of the words around it', () => {
    const fix = (lang: string, s: string) => checkModel(DraftAnalysis.parse(head(lang) + s + '\n')).find((f) => f.code === 'ref.non-canonical')?.data?.replacement;
    expect(fix('fr', 'Voir aussi article 5 (1) et la pratique des tribunaux.')).toBe('paragraphe 1 de l’article 5');
    expect(fix('en', 'See also article 5 (1) and the practice of the courts.')).toBe('article 5, paragraph 1');
  });

  it('a wrong reference gets its error, not a style fix', () => {
    const m = DraftAnalysis.parse(head('en') + 'article 9 (c) of the Convention\n');
    expect(checkModel(m).filter((f) => f.code.startsWith('ref.')).map((f) => f.code)).toEqual(['ref.no-such-subparagraph']);
  });

  it('the hover says when the title is in English because the data has none verified in the draft\'s language', () => {
    const text = head('fr') + 'Voir l’article 5 de la Convention.\n';
    const h = hoverAt(DraftAnalysis.parse(text), text.indexOf('article 5') + 2)!;
    expect(h.markdown).toContain('Criminalization of participation in an organized criminal group (English title: the data has no verified Français title)');
  });

  it('resolves an English reference in full', () => {
    const [r] = scanAll('see article 5, paragraph 1 (a) (ii), of the Convention.');
    expect(r).toMatchObject({ lang: 'en', instrument: { kind: 'named', key: 'untoc' }, targets: [{ article: 5, unit: { paragraph: 1, groups: ['a', 'ii'] } }] });
  });

  it('resolves Chinese numerals and the PRC 项/目 style', () => {
    const [r] = scanAll('第五条第一款第一项第(二)目');
    expect(r?.targets).toEqual([{ article: 5, unit: { paragraph: 1, groups: ['a', 'ii'] } }]);
  });

  it('expands ranges and lists', () => {
    expect(scanAll('articles 5 to 8')[0]?.targets.map((t) => t.article)).toEqual([5, 6, 7, 8]);
    expect(scanAll('第5、6和23条')[0]?.targets.map((t) => t.article)).toEqual([5, 6, 23]);
    expect(scanAll('第5条至第8条')[0]?.targets.map((t) => t.article)).toEqual([5, 6, 7, 8]);
  });

  it('takes the instrument from the section, and "the Protocol" from the Protocol\'s section', () => {
    const m = DraftAnalysis.parse(readFileSync(join(dir, 'refs-en.draft.md'), 'utf8'));
    const find = (s: string) => m.references.find((r) => m.text.slice(r.start, r.end) === s)!;
    expect(find('article 10, paragraph 4')).toMatchObject({ instrument: 'untoc', explicit: false });
    expect(find('article 3, subparagraph (a)')).toMatchObject({ instrument: 'tip', explicit: false });
    expect(find('article 3 (d) of the Protocol')).toMatchObject({ instrument: 'tip', explicit: true });
  });

  it('ignores references inside comment threads', () => {
    const t = '---\ndocument: summary\n---\n\n## X {#untoc}\n\nSee article 5.\n{>>@abcd1234 | A | 2026-11-23T09:00:00Z | Or article 44?<<}\n';
    const m = DraftAnalysis.parse(t);
    expect(m.references.map((r) => m.text.slice(r.start, r.end))).toEqual(['article 5']);
  });

  it('half-typed references never throw and never report a wrong unit', () => {
    const full = 'See article 5, paragraph 1 (a) (ii), of the Convention. 《公约》第5条第1(a)款。';
    for (let i = 0; i <= full.length; i++) {
      const part = full.slice(0, i);
      expect(() => scanAll(part)).not.toThrow();
      // A half-typed reference reads as less than the whole, never as another unit: article 5, paragraph 1, (a), (ii).
      for (const r of scanAll(part)) for (const t of r.targets) {
        expect(t.article, part).toBe(5);
        expect([undefined, 1], part).toContain(t.unit?.paragraph);
        expect(['', 'a', 'a,i', 'a,ii'], part).toContain(t.unit?.groups.join(',') ?? '');
      }
    }
  });
});
