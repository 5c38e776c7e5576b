// structure.missing-introduction: the draft has no introduction section.
import { t } from '@vscode/l10n';
import type { Rule } from '../rule';

export const missingIntroduction: Rule = {
  code: 'structure.missing-introduction',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'The draft has no introduction section.',
  defaultSeverity: 'warning',
  check({ model, report }) {
    if (model.sections.some((s) => s.role === 'introduction')) return;
    const at = model.sections[0] ?? { start: model.bodyStart, end: model.bodyStart };
    report(at, t('The draft has no introduction. Add a heading "Introduction {#introduction}" before the first instrument.'));
  },
};
