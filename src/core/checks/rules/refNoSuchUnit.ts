// ref.no-such-article / ref.no-such-paragraph / ref.no-such-subparagraph: a reference cites what the treaty does not have.
import { t } from '@vscode/l10n';
import { references } from '../../refs/resolve';
import { missingForRef, type Missing } from '../../refs/validate';
import type { Rule } from '../rule';

function existenceRule(level: Missing['level']): Rule {
  return {
    code: `ref.no-such-${level}`,
    defaultSeverity: 'error',
    check({ model, report }) {
      for (const r of references(model)) {
        for (const miss of missingForRef(r)) {
          if (!miss || miss.level !== level) continue;
          // Precision first: with the instrument only implied, "article 212" more likely cites domestic law than
          // mistypes the treaty, so it is only a note; a named instrument makes it an error.
          if (r.explicit) report(r, miss.message);
          else report(r, t('{0} (No instrument is named, so the section\'s is assumed; if this cites domestic law, name the law.)', miss.message), 'info');
        }
      }
    },
  };
}

export const refNoSuchArticle = existenceRule('article');
export const refNoSuchParagraph = existenceRule('paragraph');
export const refNoSuchSubparagraph = existenceRule('subparagraph');
