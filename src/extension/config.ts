// Reads the extension's settings (reviewObservations.*) into the options the core takes.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES, type SeverityOverrides } from '../core/index';

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
