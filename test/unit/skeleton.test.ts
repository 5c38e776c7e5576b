// The skeleton writer: every article under review gets a complete section, headings in the chosen language.
import { describe, expect, it } from 'vitest';
import { checkModel, CLUSTERS, DraftAnalysis, newDraft, summaryFromList, type NewDraftOptions } from '../../src/core/index';

const base: NewDraftOptions = {
  kind: 'list-of-observations', stateUnderReview: 'Arcadia', cluster: 1, partyTo: ['untoc', 'tip', 'som'], languages: ['en'],
  reviewingStates: [{ state: 'Borealia', instruments: ['untoc', 'tip', 'som'] }, { state: 'Calderra', instruments: ['untoc', 'tip'] }],
};

const checkText = (t: string) => checkModel(DraftAnalysis.parse(t));

describe('newDraft', () => {
  for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
    for (const c of CLUSTERS) {
      it(`cluster ${c.number} in ${lang}: a new draft has a complete section per article, no error, and one empty-parts note per article`, () => {
        // Clusters II to IV have no article data yet: their drafts are given articles, as a user would (--articles).
        const articles = c.articles.untoc ? undefined : { untoc: [7, 11, 12], tip: [9], som: [8] };
        const m = DraftAnalysis.parse(newDraft({ ...base, cluster: c.number, languages: [lang], ...(articles ? { articles } : {}) }));
        const findings = checkModel(m);
        const sections = m.articleSections();
        expect(sections.length).toBe(articles ? 5 : 13);
        for (const a of sections) expect(a.children.map((p) => p.part)).toEqual(['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance']);
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
        // While drafting an empty part is work to do: one note per article, not five warnings (Problems panel readable).
        expect(findings.map((f) => [f.code, f.severity])).toEqual(Array(sections.length).fill(['structure.empty-part', 'info']));
        expect(findings.map((f) => f.range.start.line)).toEqual(sections.map((a) => a.heading.line));
        expect(m.info?.articlesFrom).toBe('front-matter');
      });
    }
  }
  it('has a section with five parts for each cluster I article from the data, in order', () => {
    const m = DraftAnalysis.parse(newDraft(base));
    const ids = m.articleSections().map((s) => `${s.instrument}-${s.article}`);
    expect(ids).toEqual(['untoc-2', 'untoc-5', 'untoc-6', 'untoc-8', 'untoc-9', 'untoc-10', 'untoc-15', 'untoc-23', 'tip-3', 'tip-5', 'som-3', 'som-5', 'som-6']);
    for (const a of m.articleSections()) expect(a.children.map((c) => c.part)).toEqual(['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance']);
    // 13 article sections, one note each while drafting; 13 × 5 errors at finalization
    expect(checkModel(m).length).toBe(13);
    expect(checkModel(m, { finalization: true }).filter((f) => f.code === 'structure.empty-part' && f.severity === 'error').length).toBe(65);
  });
  it('writes English headings with the titles from the data', () => {
    const t = newDraft(base);
    expect(t).toContain('### Article 5. Criminalization of participation in an organized criminal group {#untoc-5}');
    expect(t).toContain('#### Technical assistance needs {.technical-assistance}');
    expect(t).toContain('## United Nations Convention against Transnational Organized Crime {#untoc}');
  });
  it('writes Chinese headings, and never a Chinese title the data does not have', () => {
    const t = newDraft({ ...base, languages: ['zh'] });
    expect(t).toContain('### 第6条 犯罪所得洗钱行为的刑事定罪 {#untoc-6}');
    expect(t).toMatch(/^### 第8条 \{#untoc-8\}$/m); // title_zh is null for UNTOC 8
    expect(t).toContain('#### 技术援助需要 {.technical-assistance}');
    expect(t).toContain('# 意见清单：Arcadia');
  });
  it('writes bilingual headings and hints when the review is conducted in two languages, the first language first', () => {
    const t = newDraft({ ...base, languages: ['zh', 'en'] });
    expect(t).toContain('# 意见清单：Arcadia / List of observations: Arcadia');
    expect(t).toContain('### 第6条 犯罪所得洗钱行为的刑事定罪 / Article 6. Criminalization of the laundering of proceeds of crime {#untoc-6}');
    expect(t).toContain('#### 差距和挑战 / Gaps and challenges {.gaps}');
    expect(t).toContain('<!-- 实施本条方面的差距和挑战。 — Gaps and challenges in implementing this article. -->');
    // the structure is the same whatever the languages: every check still finds its parts
    expect(checkText(t).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it.each([
    ['fr', "# Liste d'observations\u00a0: Arcadia", '### Article 5 {#untoc-5}', "#### Mesures d'application {.implementation}", '## Convention des Nations Unies contre la criminalité transnationale organisée {#untoc}'],
    ['es', '# Lista de observaciones: Arcadia', '### Artículo 5 {#untoc-5}', '#### Deficiencias y dificultades {.gaps}', '## Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional {#untoc}'],
    ['ru', '# Перечень замечаний: Arcadia', '### Статья 5 {#untoc-5}', '#### Предложения и рекомендации {.suggestions}', '## Конвенция Организации Объединенных Наций против транснациональной организованной преступности {#untoc}'],
    ['ar', '# قائمة الملاحظات: Arcadia', '### المادة 5 {#untoc-5}', '#### الممارسات الجيدة {.good-practices}', '## اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية {#untoc}'],
  ])('writes %s headings, the instrument under its name in the data, articles by number only (no title in the data)', (lang, title, article, part, instrument) => {
    const t = newDraft({ ...base, languages: [lang] });
    for (const line of [title, article, part, instrument]) expect(t.split('\n')).toContain(line);
    expect(checkText(t).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('never writes an unverified name: the Arabic Trafficking in Persons Protocol heading falls back to the official English name', () => {
    const t = newDraft({ ...base, languages: ['ar'] });
    expect(t).toContain('## Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime {#tip}');
    expect(t).not.toContain('بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص');
  });
  it('records the reviewers, the languages and the provenance of the default articles in the front matter', () => {
    const t = newDraft({ ...base, group: 2, reviewStart: '2021-11-01' });
    const m = DraftAnalysis.parse(t);
    expect(m.info).toMatchObject({ stateUnderReview: 'Arcadia', cluster: 1, group: 2, reviewStart: '2021-11-01', languages: ['en'] });
    expect(m.info?.reviewingStates).toEqual(base.reviewingStates);
    expect(t).toMatch(/# Articles under review: a default from provisional cluster data/);
  });
  it('writes no article for an instrument whose cluster articles are unknown (cluster II) and says so', () => {
    const m = DraftAnalysis.parse(newDraft({ ...base, cluster: 2 }));
    expect(m.articleSections()).toEqual([]);
    expect(m.info?.articles.get('untoc')).toEqual([]);
  });
  it('keeps CRLF when asked', () => {
    const t = newDraft({ ...base, eol: '\r\n' });
    expect(t.includes('\n') && !/[^\r]\n/.test(t)).toBe(true);
  });
});

describe('summaryFromList', () => {
  const list = newDraft({ ...base, articles: { untoc: [5, 6], tip: [5], som: [] } })
    .replace('stage: drafting', 'stage: drafting # kept as written\nreviewer-notes: x');
  it('keeps the list front matter byte for byte but for the kind, and covers the list\'s articles', () => {
    const s = summaryFromList(list);
    const fmList = list.slice(0, list.indexOf('\n---\n') + 5);
    const fmSum = s.slice(0, s.indexOf('\n---\n') + 5);
    expect(fmSum).toBe(fmList.replace('document: list-of-observations', 'document: summary'));
    const m = DraftAnalysis.parse(s);
    expect(m.info?.kind).toBe('summary');
    expect(m.articleSections().map((a) => `${a.instrument}-${a.article}`)).toEqual(['untoc-5', 'untoc-6', 'tip-5']);
    expect(s).toContain('# Summary of the list of observations: Arcadia');
  });
  it('refuses a list whose front matter is broken', () => {
    expect(() => summaryFromList('# no front matter\n')).toThrow(/front matter/);
  });
});

describe('a summary started from a list', () => {
  it('keeps who drafts what, not the list\'s statuses and agreements (they bind the list\'s text)', () => {
    const list = newDraft({ ...base, articles: { untoc: [5, 6] } }).replace('stage: drafting\n', 'stage: drafting\nassignments:\n  untoc-5:\n    state: Borealia\n    status: agreed-by-reviewers\n    agreed-by: "Li Wei (Calderra)"\n    agreed-on: "2026-11-25T15:00:00Z"\n    agreed-text: e8e3f9e7886858af\n  untoc-6: {state: Calderra, status: ready-for-co-reviewer}\n');
    const summary = summaryFromList(list);
    expect(summary).toContain('assignments:\n  untoc-5:\n    state: Borealia\n  untoc-6: {state: Calderra}\n');
    expect(summary).not.toMatch(/status:|agreed-/);
    expect(checkModel(DraftAnalysis.parse(summary)).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('an empty part, stated as having nothing to report', () => {
  it('the quick fix writes the draft\'s language\'s sentence under the part, and the article\'s note names one part fewer', async () => {
    const { fixesFor, applyEdits } = await import('../../src/core/index');
    const { saysNothing } = await import('../../src/core/domain/templates');
    for (const [lang, gaps] of [['en', 'No gaps or challenges were identified.'], ['zh', '未发现任何差距和挑战。'], ['fr', 'Aucune lacune ni difficulté n’a été relevée.']] as const) {
      const t = newDraft({ ...base, languages: [lang], articles: { untoc: [5] } });
      const m = DraftAnalysis.parse(t);
      const note = checkModel(m).find((f) => f.code === 'structure.empty-part')!;
      expect(note.message).toMatch(/5/);
      const fix = fixesFor(m, note).find((x) => x.edit.newText.includes(gaps))!;
      expect(fix).toBeDefined();
      const out = applyEdits(t, [fix.edit]);
      expect(saysNothing(gaps)).toBe(true);
      const after = DraftAnalysis.parse(out);
      const gapsPart = after.findArticle('untoc', 5)!.children.find((c) => c.part === 'gaps')!;
      expect(after.isEmptyPart(gapsPart)).toBe(false);
      expect(checkModel(after).find((f) => f.code === 'structure.empty-part')!.message).toMatch(/4/);
      // Fix all never states for the author that there is nothing to report.
      const { fixAll } = await import('../../src/core/index');
      expect(fixAll(m, checkModel(m))).toEqual([]);
    }
  });
});
