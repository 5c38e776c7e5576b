// What a check run can be told: severities, the day it runs, the deadlines and limits the configuration sets.
import type { SeverityOverrides } from '../finding';
import type { Deadlines } from '../timeline';

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
}
