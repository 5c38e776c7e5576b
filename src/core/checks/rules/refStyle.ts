// ref.ambiguous / ref.non-canonical: a reference whose instrument cannot be told, or not written in the UN citation style.
import { t } from '@vscode/l10n';
import { nonCanonical } from '../../refs/canonical';
import { missingForRef } from '../../refs/validate';
import { HOLES, lazyFormatter } from '../../text/messages';
import type { SectionRule } from '../rule';

export const refAmbiguous: SectionRule = {
  code: 'ref.ambiguous',
  scope: 'section',
  perReference: true,
  summary: 'A reference names no instrument and none is implied.',
  defaultSeverity: 'info',
  check({ refs, report }) {
    for (const r of refs) {
      if (r.instrument) continue;
      report(r, r.raw.instrument.kind === 'protocol'
        ? t('Which Protocol? Name it, e.g. "of the Trafficking in Persons Protocol", or move the sentence into that Protocol\'s section.')
        : t('Which instrument? No instrument is named and the section implies none; add e.g. "of the Convention".'));
    }
  },
};

export const refNonCanonical: SectionRule = {
  code: 'ref.non-canonical',
  scope: 'section',
  perReference: true,
  summary: 'A reference not written in the UN citation style of its language.',
  defaultSeverity: 'info',
  check({ model, refs, report }) {
    const verified = lazyFormatter(() => t('UN citation style: "{0}". The quick fix rewrites it.', HOLES[0]));
    const usual = lazyFormatter(() => t('Usual citation style in this language (secondary sources, not a verified UN style): "{0}". The quick fix rewrites it.', HOLES[0]));
    const usualNoFix = lazyFormatter(() => t('Usual citation style in this language (secondary sources, not a verified UN style): "{0}", in the case the sentence needs.', HOLES[0]));
    for (const r of refs) {
      const v = nonCanonical(r, model.text);
      // A reference to what does not exist gets its error, not a style fix that would keep the wrong unit.
      if (v === null || missingForRef(r, model.env.cache).some((m) => m !== null)) continue;
      const message = v.verified ? verified : v.fix ? usual : usualNoFix;
      report({ start: r.start - v.back, end: r.end }, message(v.form), undefined, v.fix ? { replacement: v.form } : undefined);
    }
  },
};
