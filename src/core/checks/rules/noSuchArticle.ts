// structure.no-such-article: a section's id names an article that its instrument does not have.
import { t } from '@vscode/l10n';
import { getInstrument } from '../../domain/instruments';
import { instrumentName } from '../../describe';
import type { Rule } from '../rule';

export const noSuchArticle: Rule = {
  code: 'structure.no-such-article',
  defaultSeverity: 'error',
  check({ model, report }) {
    for (const s of model.sections) {
      if (s.role !== 'article' || s.articleExists) continue;
      const count = getInstrument(s.instrument!).articles.size;
      const a = s.heading.attributes!;
      report({ start: a.start, end: a.end }, t('The {0} has no article {1} (it has articles 1 to {2}). Correct the id {3}.', instrumentName(s.instrument!), s.article!, count, `{#${s.instrument!}-…}`));
    }
  },
};
