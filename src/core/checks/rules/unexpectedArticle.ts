// structure.unexpected-article: a section for an article (or instrument) that is not under review in this draft.
import { t } from '@vscode/l10n';
import type { Rule } from '../rule';
import { articleName } from '../../domain/describe';
import { instrumentName } from '../../domain/describe';

export const unexpectedArticle: Rule = {
  code: 'structure.unexpected-article',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'A section for an article (or instrument) that is not under review.',
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const s of model.sections) {
      if (s.role === 'instrument' && !info.partyTo.includes(s.instrument!)) {
        report(s, t('The State under review is not listed as party to the {0} ("party-to" in the front matter), so it is not reviewed on it. Remove this section or add the instrument to "party-to".', instrumentName(s.instrument!)));
      }
      if (s.role !== 'article' || !s.articleExists) continue;
      const list = info.articles.get(s.instrument!);
      if (list && list.includes(s.article!)) continue;
      const why = info.articlesFrom === 'cluster-data'
        ? t('the provisional cluster data does not list it; if it is under review, list it under "articles" in the front matter')
        : t('the front matter does not list it under "articles"; add it there if it is under review');
      report(s, t('{0} is not under review in this draft: {1}.', articleName(s.instrument!, s.article!), why));
    }
  },
};
