// Conversions between core data (ranges, severities, edits) and VS Code types.
import * as vscode from 'vscode';
import type { Range, Severity } from '../core/index';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}
/**
 * The core's document identity: VS Code's document, seen through the fields the service uses; `text`, when the caller
 * already has this version's text (getText() joins the document's lines anew at each call).
 */
export function asDoc(d: vscode.TextDocument, text?: string) {
  return { uri: d.uri.toString(), version: d.version, getText: () => text ?? d.getText() };
}
