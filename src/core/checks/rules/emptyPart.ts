// structure.empty-part: an observation part has no text (template hints in HTML comments do not count).
import { t } from '@vscode/l10n';
import type { Rule } from '../rule';
import { partName } from '../../describe';


export const emptyPart: Rule = {
  code: 'structure.empty-part',
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const s of model.sections) {
      if (s.role !== 'part') continue;
      if (!model.isEmptyPart(s)) continue;
      // While drafting an empty part is work still to do; at finalization it blocks.
      report(s, t('Part {0} is empty. Write the observations, or state that there are none.', partName(s.part!)), info.stage === 'finalization' ? 'error' : undefined);
    }
  },
};
