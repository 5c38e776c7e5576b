// Names of instruments, articles, parts and statuses as messages show them, in the language of the interface.
import { t } from '@vscode/l10n';
import type { PartId } from './blueprint';
import type { InstrumentKey } from './instruments';
import type { Status } from '../draft/frontMatter';
import type { Unit } from '../refs/types';

/** The instrument's short name in messages ("the Organized Crime Convention"). */
export function instrumentName(k: InstrumentKey): string {
  switch (k) {
    case 'untoc': return t('Organized Crime Convention');
    case 'tip': return t('Trafficking in Persons Protocol');
    case 'som': return t('Smuggling of Migrants Protocol');
    case 'firearms': return t('Firearms Protocol');
  }
}
export function articleName(k: InstrumentKey, n: number): string {
  return t('article {0} of the {1}', n, instrumentName(k));
}
export function partName(p: PartId): string {
  switch (p) {
    case 'implementation': return t('"Implementation measures"');
    case 'gaps': return t('"Gaps and challenges"');
    case 'good-practices': return t('"Good practices"');
    case 'suggestions': return t('"Suggestions and recommendations"');
    case 'technical-assistance': return t('"Technical assistance needs"');
  }
}
/** A status as people read it; the front matter keeps the token. */
export function statusLabel(s: Status): string {
  switch (s) {
    case 'drafting': return t('drafting');
    case 'ready-for-co-reviewer': return t('ready for the co-reviewer');
    case 'agreed-by-reviewers': return t('agreed by the reviewers');
    case 'agreed-with-state': return t('agreed with the State under review');
  }
}
/** A unit as the interface names it: ", paragraph 1 (a) (ii)" or ", subparagraph (a)". */
export function unitLabel(u: Unit): string {
  const groups = u.groups.map((g) => `(${g})`).join(' ');
  if (u.paragraph === undefined) return t(', subparagraph {0}', groups);
  return t(', paragraph {0}', `${u.paragraph}${groups ? ` ${groups}` : ''}`);
}
