// structure.no-such-article: a section's id names an article that its instrument does not have, or an instrument that is not one.
import { t } from '@vscode/l10n';
import { getInstrument } from '../../domain/instruments';
import { instrumentName } from '../../domain/describe';
import type { Rule } from '../rule';
import { attributesSpan } from '../../draft/scan';

export const noSuchArticle: Rule = {
  code: 'structure.no-such-article',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'A section id names an article that its instrument does not have, or is shaped like an article\'s id with an instrument that is none of the four (`untoc`, `tip`, `som`, `firearms`).',
  defaultSeverity: 'error',
  check({ model, report }) {
    for (const s of model.sections) {
      // "{#drugs-5}": shaped as an article's id, but of no instrument of the Convention — otherwise it would pass unseen
      const id = s.heading.attributes?.id;
      if (s.role === 'other' && id && /^[a-z][a-z0-9]*-\d+$/i.test(id)) {
        report(attributesSpan(s.heading)!, t('The id {0} names no instrument under review: an article section is {1}, {2}, {3} or {4} followed by its number (e.g. {5}).', `{#${id}}`, 'untoc', 'tip', 'som', 'firearms', '{#untoc-5}'));
        continue;
      }
      if (s.role !== 'article' || s.articleExists) continue;
      const count = getInstrument(s.instrument!).articles.size;
      report(attributesSpan(s.heading)!, t('The {0} has no article {1} (it has articles 1 to {2}). Correct the id {3}.', instrumentName(s.instrument!), s.article!, count, `{#${s.instrument!}-…}`));
    }
  },
};
