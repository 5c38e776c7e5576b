// structure.misplaced-section: a part outside any article, or an article outside its instrument's section.
import { t } from '@vscode/l10n';
import { instrumentName } from '../../domain/describe';
import type { Section } from '../../draft/analysis';
import type { Rule } from '../rule';
import { partName } from '../../domain/describe';

function ancestor(s: Section, role: Section['role']): Section | undefined {
  for (let p = s.parent; p; p = p.parent) if (p.role === role) return p;
  return undefined;
}

export const misplacedSection: Rule = {
  code: 'structure.misplaced-section',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'A part outside an article section, or an article section outside its instrument\'s section.',
  defaultSeverity: 'error',
  check({ model, report }) {
    for (const s of model.sections) {
      if (s.role === 'part' && s.parent?.role !== 'article') {
        report(s, t('Part {0} is not inside an article section. Give it a deeper heading level than its article heading, under that article.', partName(s.part!)));
      }
      if (s.role === 'article') {
        const inst = ancestor(s, 'instrument');
        if (!inst) {
          report(s, t('This article section is not under a heading for the {0} ({1}). Put it under that heading, at a deeper level.', instrumentName(s.instrument!), `{#${s.instrument!}}`));
        } else if (inst.instrument !== s.instrument) {
          report(s, t('This section of the {0} stands under the heading of the {1}. Move it under {2}.', instrumentName(s.instrument!), instrumentName(inst.instrument!), `{#${s.instrument!}}`));
        }
      }
    }
  },
};
