// structure.missing-article: an article under review has no section in the draft.
import { t } from '@vscode/l10n';
import type { Rule } from '../rule';
import { articleName } from '../../domain/describe';

export const missingArticle: Rule = {
  code: 'structure.missing-article',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'An article under review has no section.',
  defaultSeverity: 'error',
  check({ model, info, report }) {
    for (const [k, list] of info.articles) {
      const instrumentSection = model.sections.find((s) => s.role === 'instrument' && s.instrument === k);
      for (const n of list) {
        if (model.findArticle(k, n)) continue;
        const where = instrumentSection ?? model.sections[0] ?? { start: 0, end: 0 };
        report(where, t('{0} is under review but the draft has no section for it. Add a heading ending with {1}, or run the quick fix.', capitalize(articleName(k, n)), `{#${k}-${n}}`), undefined, { instrument: k, article: n });
      }
    }
  },
};

function capitalize(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
