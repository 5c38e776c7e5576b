// A finding: what a check reports, with a stable code, a severity and a document range.
import type { Range } from '../text/lines';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** What a quick fix needs to repair this finding (the article or part that is missing). */
  data?: { instrument?: string; article?: number; part?: string; replacement?: string };
}

/** Per-code severity overrides, as the user configures them; codes not named keep their default. */
export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

export function applySeverity(findings: Finding[], overrides: SeverityOverrides | undefined): Finding[] {
  if (!overrides) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.code];
    if (o === 'off') continue;
    out.push(o === 'error' || o === 'warning' || o === 'info' ? { ...f, severity: o } : f);
  }
  return out;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code);
}
