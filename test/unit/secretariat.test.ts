// The secretariat's checks on one draft: timelines against configurable deadlines, summary length, finalization.
import { describe, expect, it, vi } from 'vitest';
import { checkModel, countLength, DraftAnalysis, newDraft, proseOf } from '../../src/core/index';

const fm = (extra: string, kind = 'list-of-observations', lang = 'en') => `---\ndocument: ${kind}\nstate-under-review: Arcadia\nreviewing-states: [Borealia, Calderra]\ncluster: 1\nparty-to: [untoc]\nlanguages: [${lang}]\narticles:\n  untoc: []\n${extra}---\n\n# T\n\n## Introduction {#introduction}\n\nText.\n`;
const codes = (t: string, o = {}) => checkModel(DraftAnalysis.parse(t), { today: '2022-12-31', ...o }).map((f) => `${f.code}@${f.range.start.line + 1}`);

describe('timelines', () => {
  it('reports steps past their deadline, at the date they count from', () => {
    const c = codes(fm('review-start: 2022-01-10\nfocal-point-appointed: 2022-01-20\n'));
    // focal point done on time; experts (4 weeks) and self-assessment (6 months) are overdue on 2022-12-31
    expect(c.filter((x) => x.startsWith('timeline.'))).toEqual(['timeline.overdue@10', 'timeline.overdue@10']);
    const msg = checkModel(DraftAnalysis.parse(fm('review-start: 2022-01-10\n')), { today: '2022-12-31' }).find((f) => f.message.includes('self-assessment'))!.message;
    expect(msg).toBe('The self-assessment questionnaire was due on 2022-07-10 (6 months after "review-start") and is 174 days overdue. Record "questionnaire-received" in the front matter when it is done.');
  });
  it('reports a step done late as information, at its date', () => {
    const c = codes(fm('review-start: 2022-01-10\nfocal-point-appointed: 2022-02-15\nexperts-appointed: 2022-01-30\nquestionnaire-received: 2022-06-01\nfeedback-sent: 2022-11-30\n'));
    expect(c.filter((x) => x.startsWith('timeline.'))).toEqual(['timeline.late@11']);
  });
  it('takes deadlines from the configuration', () => {
    const t = fm('review-start: 2022-01-10\nfocal-point-appointed: 2022-01-12\nexperts-appointed: 2022-01-30\nquestionnaire-received: 2022-06-01\n');
    expect(codes(t).filter((x) => x.startsWith('timeline.'))).toEqual(['timeline.overdue@13']); // feedback due 2022-12-01
    expect(codes(t, { deadlines: { feedback: { from: 'questionnaire-received', done: 'feedback-sent', months: 9 } } }).filter((x) => x.startsWith('timeline.'))).toEqual([]);
  });
  it('are taken from the last version after a keystroke on the same day only (a deadline passes at midnight)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2022-12-31T23:00:00Z'));
      const overdue = (m: DraftAnalysis) => checkModel(m).filter((f) => f.code === 'timeline.overdue').map((f) => f.message.match(/(\d+) days overdue/)![1]);
      const v1 = DraftAnalysis.parse(fm('review-start: 2022-01-10\n'));
      expect(overdue(v1)).toEqual(['341', '327', '174']);
      // A keystroke in a paragraph: the front matter and the headings as they were.
      const v2 = DraftAnalysis.parse(v1.text.replace('Text.', 'Text!'), v1);
      expect(v2.headingsAsBefore).toBe(true);
      expect(overdue(v2)).toEqual(['341', '327', '174']);
      // Taken, not made again: the last version's findings of the rules that read the headings and front matter alone.
      const kept = (m: DraftAnalysis) => [...m.headingFindings.values()].flat().filter((f) => f.code.startsWith('timeline.'));
      expect(kept(v2).length).toBe(3);
      expect(kept(v2)[0]).toBe(kept(v1)[0]);
      vi.setSystemTime(new Date('2023-01-01T00:30:00Z'));
      const v3 = DraftAnalysis.parse(v2.text.replace('Text!', 'Text?'), v2);
      expect(v3.headingsAsBefore).toBe(true);
      expect(overdue(v3)).toEqual(['342', '328', '175']);
    } finally { vi.useRealTimers(); }
  });
  it('says nothing without dates', () => {
    expect(codes(fm('')).filter((x) => x.startsWith('timeline.'))).toEqual([]);
  });
});

describe('summary length', () => {
  it('counts words in English and characters in Chinese, without markup, hints or comments', () => {
    expect(countLength('The review covers article 5 of the Convention.', 'en')).toEqual({ unit: 'words', count: 8 });
    expect(countLength('本审议涵盖第5条。', 'zh')).toEqual({ unit: 'characters', count: 9 });
    // words in the other UN languages, whatever their script
    // an elided article is one word with its noun, as word processors count it
    expect(countLength("L'examen porte sur l'article 5 de la Convention.", 'fr')).toEqual({ unit: 'words', count: 8 });
    expect(countLength('El examen abarca el artículo 5 de la Convención.', 'es')).toEqual({ unit: 'words', count: 9 });
    expect(countLength('Обзор охватывает статью 5 Конвенции.', 'ru')).toEqual({ unit: 'words', count: 5 });
    expect(countLength('يشمل الاستعراض المادة 5 من الاتفاقية.', 'ar')).toEqual({ unit: 'words', count: 6 });
    const m = DraftAnalysis.parse(fm('') + '\n<!-- a hint -->\n\nOne {==two==}{>>@abcd1234<<} three.\n{>>@abcd1234 | A | 2026-11-23T09:00:00Z | many words here<<}\n');
    expect(countLength(proseOf(m), 'en').count).toBe(6); // T, Introduction, Text, One, two, three
  });
  it('reports a summary over the configured limit; no limit, no finding', () => {
    const s = fm('', 'summary') + '\n' + 'word '.repeat(50) + '\n';
    expect(codes(s, { summaryLimit: { words: 40 } })).toContain('summary.too-long@12');
    expect(codes(s, { summaryLimit: { words: 100 } })).not.toContain('summary.too-long@12');
    expect(codes(s)).not.toContain('summary.too-long@12');
    const zh = fm('', 'summary', 'zh') + '\n' + '字'.repeat(50) + '\n';
    expect(codes(zh, { summaryLimit: { characters: 40, words: 1000 } })).toContain('summary.too-long@12');
  });
});

describe('finalization', () => {
  it('the readiness check turns empty parts, open threads and pending suggestions into errors', () => {
    const t = newDraft({ kind: 'list-of-observations', stateUnderReview: 'A', cluster: 1, partyTo: ['untoc'], languages: ['en'], reviewingStates: [{ state: 'B', instruments: ['untoc'] }, { state: 'C', instruments: ['untoc'] }], articles: { untoc: [5] } });
    const findings = (o: object) => checkModel(DraftAnalysis.parse(t), o);
    const sev = (o: object) => new Set(findings(o).filter((f) => f.code !== 'export.masthead-incomplete').map((f) => f.severity));
    expect(sev({})).toEqual(new Set(['info']));
    expect(sev({ finalization: true })).toEqual(new Set(['error']));
    // The masthead the secretariat needs: named at finalization only, never while drafting.
    expect(findings({}).map((f) => f.code)).not.toContain('export.masthead-incomplete');
    expect(findings({ finalization: true }).find((f) => f.code === 'export.masthead-incomplete')?.message).toMatch(/symbol, distribution, date/);
  });
});

describe('deadlines', () => {
  it('adds months without overflowing the month end', async () => {
    const { addPeriod } = await import('../../src/core/features/timeline');
    expect(addPeriod('2022-08-31', { months: 6 })).toBe('2023-02-28');
    expect(addPeriod('2024-08-31', { months: 6 })).toBe('2025-02-28');
    expect(addPeriod('2023-08-31', { months: 6 })).toBe('2024-02-29');
    expect(addPeriod('2022-01-31', { months: 1 })).toBe('2022-02-28');
    expect(addPeriod('2022-03-15', { months: 6 })).toBe('2022-09-15');
    expect(addPeriod('2022-01-10', { weeks: 2 })).toBe('2022-01-24');
  });
});
