// structure.duplicate-section: the same article, instrument or introduction has two sections, or a part appears twice.
import { t } from '@vscode/l10n';
import type { Section } from '../../draft/analysis';
import type { Rule } from '../rule';
import { partName } from '../../domain/describe';

export const duplicateSection: Rule = {
  code: 'structure.duplicate-section',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'Two sections for the same article, instrument or introduction, or the same part twice in one article.',
  defaultSeverity: 'error',
  check({ model, report }) {
    const seen = new Map<string, Section>();
    for (const s of model.sections) {
      const id = s.role === 'part' ? null : s.heading.attributes?.id;
      if (!id || s.role === 'other' || s.role === 'title') continue;
      const first = seen.get(id);
      if (first) report(s, t('A second section with id {0}; the first is on line {1}. Merge the two sections into one.', `{#${id}}`, first.heading.line + 1));
      else seen.set(id, s);
    }
    for (const art of model.articleSections()) {
      const parts = new Map<string, Section>();
      for (const c of art.children) {
        if (c.role !== 'part') continue;
        const first = parts.get(c.part!);
        if (first) report(c, t('Part {0} appears twice in this article (first on line {1}). Merge them.', partName(c.part!), first.heading.line + 1));
        else parts.set(c.part!, c);
      }
    }
  },
};
