// Reads the extension's settings (reviewObservations.*) into the options the core takes.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES, DEFAULT_DEADLINES, type CheckOptions, type Deadlines, type SeverityOverrides, type StepId } from '../core/index';

export const SECTION = 'reviewObservations';

export function severityOverrides(): SeverityOverrides {
  return vscode.workspace.getConfiguration(SECTION).get<SeverityOverrides>('severity') ?? {};
}
export function checkDelay(): number {
  return Math.max(0, vscode.workspace.getConfiguration(SECTION).get<number>('checkDelay') ?? 300);
}
export function maxBytes(): number {
  const mb = vscode.workspace.getConfiguration(SECTION).get<number>('maxFileSizeMB');
  return mb && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_BYTES;
}
export function defaultLanguage(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('defaultLanguage') ?? 'en';
}

/** Everything a check run takes from the settings: severities, deadlines (merged over the defaults), the summary limit. */
export function checkOptions(): CheckOptions {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const deadlines: Partial<Deadlines> = {};
  for (const [k, v] of Object.entries(cfg.get<Record<string, { weeks?: number; months?: number }>>('deadlines') ?? {})) {
    if (k in DEFAULT_DEADLINES) deadlines[k as StepId] = { ...DEFAULT_DEADLINES[k as StepId], weeks: v.weeks, months: v.months };
  }
  const limit = cfg.get<{ words?: number; characters?: number }>('summaryLimit') ?? {};
  return { severity: severityOverrides(), deadlines, summaryLimit: limit.words || limit.characters ? limit : undefined };
}
