// References: fixtures in each language, a corpus that must yield nothing, and the minimum breadth of forms covered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftModel } from '../../src/core/index';
import { scanChinese } from '../../src/core/refs/zh';
import { scanLatin } from '../../src/core/refs/latin';
import { scanOther } from '../../src/core/refs/other';
import { references } from '../../src/core/refs/resolve';

const dir = join(__dirname, '..', 'fixtures');
const scanAll = (s: string) => [...scanLatin(s), ...scanChinese(s), ...scanOther(s)];

describe('references', () => {
  it('a corpus of sentences with numbers but no treaty reference yields nothing', () => {
    const lines = readFileSync(join(dir, 'no-references.txt'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const l of lines) expect(scanAll(l).map((r) => l.slice(r.start, r.end)), l).toEqual([]);
  });

  it('the fixtures cover at least 150 distinct reference forms', () => {
    const forms = new Set<string>();
    for (const f of ['refs-en.draft.md', 'refs-zh.draft.md', 'refs-other.draft.md']) {
      const m = DraftModel.parse(readFileSync(join(dir, f), 'utf8'));
      for (const r of references(m)) forms.add(m.text.slice(r.start, r.end).replace(/\s+/g, ' '));
    }
    expect(forms.size).toBeGreaterThanOrEqual(150);
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
    const m = DraftModel.parse(readFileSync(join(dir, 'refs-en.draft.md'), 'utf8'));
    const find = (s: string) => references(m).find((r) => m.text.slice(r.start, r.end) === s)!;
    expect(find('article 10, paragraph 4')).toMatchObject({ instrument: 'untoc', explicit: false });
    expect(find('article 3, subparagraph (a)')).toMatchObject({ instrument: 'tip', explicit: false });
    expect(find('article 3 (d) of the Protocol')).toMatchObject({ instrument: 'tip', explicit: true });
  });

  it('ignores references inside comment threads', () => {
    const t = '---\ndocument: summary\n---\n\n## X {#untoc}\n\nSee article 5.\n{>>@abcd1234 | A | 2026-11-23T09:00:00Z | Or article 44?<<}\n';
    const m = DraftModel.parse(t);
    expect(references(m).map((r) => m.text.slice(r.start, r.end))).toEqual(['article 5']);
  });

  it('half-typed references never throw and never report a wrong unit', () => {
    const full = 'See article 5, paragraph 1 (a) (ii), of the Convention. 《公约》第5条第1(a)款。';
    for (let i = 0; i <= full.length; i++) expect(() => scanAll(full.slice(0, i))).not.toThrow();
  });
});
