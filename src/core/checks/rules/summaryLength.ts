// summary.too-long: a summary over the length limit the configuration sets.
import { t } from '@vscode/l10n';
import { countLength, proseOf } from '../../features/length';
import type { Rule } from '../rule';

export const summaryTooLong: Rule = {
  code: 'summary.too-long',
  scope: 'document',
  summary: 'A summary longer than the limit the configuration sets.',
  escalates: true,
  defaultSeverity: 'warning',
  check({ model, info, options, report }) {
    if (info.kind !== 'summary' || !options.summaryLimit) return;
    const lang = info.languages[0] ?? 'en';
    const { unit, count } = countLength(proseOf(model), lang);
    const limit = unit === 'characters' ? options.summaryLimit.characters : options.summaryLimit.words;
    if (!limit || count <= limit) return;
    const at = model.sections[0] ?? { start: model.bodyStart, end: model.bodyStart };
    report(at, unit === 'characters'
      ? t('The summary has {0} characters; the limit is {1}. Shorten it by {2}.', count, limit, count - limit)
      : t('The summary has {0} words; the limit is {1}. Shorten it by {2}.', count, limit, count - limit));
  },
};
