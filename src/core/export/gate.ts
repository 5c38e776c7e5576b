// The clean-export gate: a clean copy is for finalization, so what would block finalization blocks it (unless forced).
import { checkModel, type CheckOptions } from '../checks/index';
import { DraftAnalysis } from '../draft/analysis';
import type { Finding } from '../checks/finding';

/**
 * The errors a clean export is refused for: the draft checked as at finalization, with the options its adapter would
 * check it with (severities the user turned off stay off). Empty when the clean copy may be written.
 */
export function cleanExportBlockers(draft: string | DraftAnalysis, options: CheckOptions = {}): Finding[] {
  const analysis = typeof draft === 'string' ? DraftAnalysis.parse(draft) : draft;
  return checkModel(analysis, { ...options, finalization: true }).filter((f) => f.severity === 'error');
}
