// ref.not-party / ref.outside-review: a reference to a Protocol the State is not party to, or to an article not under review.
import { t } from '@vscode/l10n';
import { getCluster } from '../../domain/clusters';
import { getArticle, type InstrumentKey } from '../../domain/instruments';
import { instrumentName } from '../../domain/describe';
import type { SectionRule } from '../rule';

export const refNotParty: SectionRule = {
  code: 'ref.not-party',
  scope: 'section',
  perReference: true,
  summary: 'A reference to a Protocol the State under review is not party to.',
  defaultSeverity: 'warning',
  check({ refs, info, report }) {
    if (!info.partyTo.length) return;
    for (const r of refs) {
      if (r.instrument && !info.partyTo.includes(r.instrument)) {
        report(r, t('The State under review is not listed as party to the {0} ("party-to" in the front matter). Check the reference, or add the instrument to "party-to".', instrumentName(r.instrument)));
      }
    }
  },
};

export const refOutsideReview: SectionRule = {
  code: 'ref.outside-review',
  scope: 'section',
  perReference: true,
  summary: 'A reference to an article outside the thematic cluster under review.',
  defaultSeverity: 'warning',
  check({ refs, info, report }) {
    // Most sections cite nothing; the others cite one instrument or two: the scope is made only for those.
    if (!refs.length) return;
    const cluster = info.cluster === null ? undefined : getCluster(info.cluster);
    // The cluster's articles (provisional data) and the review's own list in the front matter both count as in scope;
    // null where neither says anything about an instrument, so nothing is judged. The two lists are looked in as they
    // are (a few dozen numbers at most): a set made of them for each section was a tenth of what a batch allocates.
    const scope = new Map<InstrumentKey, readonly (readonly number[])[] | null>();
    const scopeOf = (k: InstrumentKey): readonly (readonly number[])[] | null => {
      let s = scope.get(k);
      if (s !== undefined) return s;
      const party = info.partyTo.includes(k);
      const fromCluster = party ? cluster?.articles[k] ?? null : null;
      const fromFrontMatter = party && info.articlesFrom === 'front-matter' ? info.articles.get(k) ?? [] : [];
      scope.set(k, (s = fromCluster === null && !fromFrontMatter.length ? null : [fromCluster ?? [], fromFrontMatter]));
      return s;
    };
    for (const r of refs) {
      const inScope = r.instrument ? scopeOf(r.instrument) : null;
      if (!inScope) continue;
      let outside: number[] | null = null;
      for (const x of r.targets) {
        if (!inScope.some((list) => list.includes(x.article)) && getArticle(r.instrument!, x.article) && !outside?.includes(x.article)) (outside ??= []).push(x.article);
      }
      if (!outside) continue;
      report(r, t('Article(s) {0} of the {1} are outside cluster {2} (provisional cluster data) and not listed under "articles" in the front matter. If the review covers them, list them there.', outside.join(', '), instrumentName(r.instrument!), cluster?.roman ?? String(info.cluster)));
    }
  },
};
