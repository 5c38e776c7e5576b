// The bundled sample review (sample-review/): what npm start, the walkthrough and the screenshots show must be a review
// at work — two co-reviewers' threads (one resolved), suggestions by both, assignments, an agreement that holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreements, articleStatuses, checkModel, DraftAnalysis } from '../../src/core/index';

const dir = join(__dirname, '..', '..', 'sample-review');
const read = (f: string) => DraftAnalysis.parse(readFileSync(join(dir, f), 'utf8'));

describe('the sample review', () => {
  const list = read('arcadia-list-of-observations.en.md');
  it('is a list in English with a Chinese counterpart and a summary, none with an error or a warning', () => {
    for (const f of ['arcadia-list-of-observations.en.md', 'arcadia-list-of-observations.zh.md', 'arcadia-summary.en.md']) {
      expect(checkModel(read(f)).filter((x) => x.severity !== 'info'), f).toEqual([]);
    }
    expect(read('arcadia-list-of-observations.zh.md').info?.languages).toContain('zh');
    expect(read('arcadia-summary.en.md').info?.kind).toBe('summary');
  });
  it('shows the collaboration: threads of both co-reviewers, one resolved, suggestions by both, assignments and an agreement', () => {
    const th = list.comments.threads;
    const authors = (kind: string) => new Set(th.filter((t) => (kind === 'comment' ? t.kind === 'comment' : t.kind !== 'comment')).flatMap((t) => t.blocks.map((b) => b.author)));
    expect(th.filter((t) => t.kind === 'comment' && t.resolved).length).toBeGreaterThanOrEqual(1);
    expect(th.filter((t) => t.kind === 'comment' && !t.resolved).length).toBeGreaterThanOrEqual(1);
    expect(authors('comment')).toEqual(new Set(['Ana Pérez (Borealia)', 'Li Wei (Calderra)']));
    expect(authors('suggestion')).toEqual(new Set(['Ana Pérez (Borealia)', 'Li Wei (Calderra)']));
    expect(new Set(articleStatuses(list).map((r) => r.state))).toEqual(new Set(['Borealia', 'Calderra']));
    expect(agreements(list)).toEqual([expect.objectContaining({ key: 'som-6', changed: false })]);
  });
});
