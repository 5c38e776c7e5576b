// structure.empty-part: an observation part has no text (template hints in HTML comments do not count).
import { t } from '@vscode/l10n';
import type { SectionRule } from '../rule';
import { partName } from '../../domain/describe';

export const emptyPart: SectionRule = {
  code: 'structure.empty-part',
  scope: 'section',
  summary: 'An observation part has no text.',
  escalates: true,
  defaultSeverity: 'warning',
  check({ model, section, report }) {
    // While drafting an empty part is work still to do; at finalization it blocks (the rule escalates).
    if (section?.role !== 'part' || !model.isEmptyPart(section)) return;
    report(section, t('Part {0} is empty. Write the observations, or state that there are none.', partName(section.part!)));
  },
};
