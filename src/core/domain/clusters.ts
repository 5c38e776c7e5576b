// Thematic clusters (clusters.json): names and the provisional default articles under review.
import { t } from '@vscode/l10n';
import data from './data/clusters.json';
import { INSTRUMENT_KEYS, type InstrumentKey } from './instruments';

export interface Cluster {
  readonly number: 1 | 2 | 3 | 4;
  readonly roman: string;
  /** English name; `nameVerified` is false where it is a candidate only. */
  readonly nameEn: string | null;
  readonly nameEnCandidate: string | null;
  readonly nameZh: string | null;
  /** Articles per instrument as the data has them, null where the data knows nothing. */
  readonly articles: Readonly<Record<InstrumentKey, readonly number[] | null>>;
}

interface RawCluster {
  number: 1 | 2 | 3 | 4; roman: string; name_en: string | null; name_en_candidate?: string;
  name_zh: string | null; articles: Record<string, null | { articles: number[] | null }>;
}
const raw = (data as unknown as { clusters: RawCluster[] }).clusters;

export const CLUSTERS: readonly Cluster[] = raw.map((c) => {
  const articles = {} as Record<InstrumentKey, readonly number[] | null>;
  for (const k of INSTRUMENT_KEYS) articles[k] = c.articles[k]?.articles ?? null;
  return {
    number: c.number, roman: c.roman, nameEn: c.name_en, nameEnCandidate: c.name_en_candidate ?? null,
    nameZh: c.name_zh, articles,
  };
});

export function getCluster(n: number): Cluster | undefined {
  return CLUSTERS.find((c) => c.number === n);
}

/** A human label for a cluster: its verified name, else its candidate name marked as such, else its number. */
export function clusterLabel(c: Cluster, lang: string): string {
  if (lang === 'zh' && c.nameZh) return `${c.roman} ${c.nameZh}`;
  if (c.nameEn) return `${c.roman}. ${c.nameEn}`;
  if (c.nameEnCandidate) return t('{0}. {1} (name unverified)', c.roman, c.nameEnCandidate);
  return t('Cluster {0}', c.roman);
}
