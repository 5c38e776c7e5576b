// What a check run can be told: severities, the day it runs, the deadlines and limits the configuration sets.
import type { SeverityOverrides } from './finding';
import type { InstrumentKey } from '../domain/instruments';
import type { Deadlines } from '../features/timeline';

export interface CheckOptions {
  severity?: SeverityOverrides;
  /** Check every draft as if its front matter said `stage: finalization` (the secretariat's readiness check). */
  finalization?: boolean;
  /** The day to judge deadlines by, YYYY-MM-DD; today (UTC) when absent. */
  today?: string;
  /** Indicative deadlines, overriding the defaults per step. */
  deadlines?: Partial<Deadlines>;
  /** Length limit of a summary: characters for Chinese, words for the other languages. Unset: no limit. */
  summaryLimit?: { words?: number; characters?: number };
  /**
   * The articles of each cluster as a configuration file gives them (the secretariat's official lists): they replace
   * the built-in provisional data for a draft whose front matter has no "articles".
   */
  clusters?: Partial<Record<string, Partial<Record<InstrumentKey, number[]>>>>;
  /** Masthead defaults of the configuration, for the fields a draft's front matter does not give. */
  masthead?: { organ?: string; distribution?: string; jobNumberPrefix?: string };
}
