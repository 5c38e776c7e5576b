// Reads the extension's settings (reviewObservations.*) into the options the core takes.
import * as vscode from 'vscode';
import { deadlinesFrom, DEFAULT_MAX_BYTES, type CheckOptions, type SeverityOverrides } from '../core/index';

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
  // Each step's period over its default, by the core's one rule, as the CLI's --deadline and the configuration file.
  const deadlines = deadlinesFrom(cfg.get<Record<string, { weeks?: number; months?: number }>>('deadlines'));
  const limit = cfg.get<{ words?: number; characters?: number }>('summaryLimit') ?? {};
  return { severity: severityOverrides(), deadlines, summaryLimit: limit.words || limit.characters ? limit : undefined };
}
