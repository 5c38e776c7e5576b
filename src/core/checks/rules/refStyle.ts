// ref.ambiguous / ref.non-canonical: a reference whose instrument cannot be told, or not written in the UN citation style.
import { t } from '@vscode/l10n';
import { nonCanonical } from '../../refs/canonical';
import { references } from '../../refs/resolve';
import { formatter, HOLES } from '../../text/messages';
import type { Rule } from '../rule';

export const refAmbiguous: Rule = {
  code: 'ref.ambiguous',
  defaultSeverity: 'info',
  check({ model, report }) {
    for (const r of references(model)) {
      if (r.instrument) continue;
      report(r, r.raw.instrument.kind === 'protocol'
        ? t('Which Protocol? Name it, e.g. "of the Trafficking in Persons Protocol", or move the sentence into that Protocol\'s section.')
        : t('Which instrument? No instrument is named and the section implies none; add e.g. "of the Convention".'));
    }
  },
};

export const refNonCanonical: Rule = {
  code: 'ref.non-canonical',
  defaultSeverity: 'info',
  check({ model, report }) {
    const message = formatter(t('UN citation style: "{0}". The quick fix rewrites it.', HOLES[0]));
    for (const r of references(model)) {
      const c = nonCanonical(r, model.text);
      if (c !== null) report(r, message(c), undefined, { replacement: c });
    }
  },
};
