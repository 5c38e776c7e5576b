// structure.missing-part: an article section lacks one of the blueprint's observation parts.
import { t } from '@vscode/l10n';
import { PARTS } from '../../domain/blueprint';
import type { Rule } from '../rule';
import { articleName, partName } from '../../domain/describe';

export const missingPart: Rule = {
  code: 'structure.missing-part',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'An article section lacks one of the five observation parts.',
  defaultSeverity: 'error',
  check({ model, report }) {
    for (const art of model.articleSections()) {
      if (!art.articleExists) continue;
      const present = new Set(art.children.filter((c) => c.role === 'part').map((c) => c.part));
      for (const p of PARTS) {
        if (p.required && !present.has(p.id)) {
          report(art, t('The section of {0} has no part {1}. Add a heading ending with {2} inside the article, or run the quick fix.', articleName(art.instrument!, art.article!), partName(p.id), `{.${p.id}}`), undefined, { instrument: art.instrument!, article: art.article!, part: p.id });
        }
      }
    }
  },
};
