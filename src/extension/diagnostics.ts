// Publishes structure findings as diagnostics: debounced while typing, dropped when the document moved on meanwhile.
import * as vscode from 'vscode';
import { tooLarge, utf8Length, type Finding, type ReviewService } from '../core/index';
import { maxBytes, checkDelay } from './config';
import { asDoc, toRange, toSeverity } from './convert';
import type { ConfigFiles } from './configFiles';

export const SOURCE = 'review-obs';

export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: ReviewService, private readonly extensionUri: vscode.Uri, private readonly configs?: ConfigFiles) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, checkDelay())),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reviewObservations')) for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Debounced: a check starts only once typing pauses, so half-typed text never flickers a diagnostic. */
  schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.languageId !== 'markdown') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // Stale: the document changed again (or closed) since this check was asked for.
      if (doc.isClosed || doc.version !== version) return;
      // Its configuration file first (read once per folder), so the first check already follows it.
      const ready = this.configs?.load(doc.uri) ?? Promise.resolve(null);
      void ready.then(() => { if (!doc.isClosed && doc.version === version) this.checkNow(doc); });
    }, delay));
  }

  checkNow(doc: vscode.TextDocument): Finding[] {
    try {
      const text = doc.getText();
      const key = doc.uri.toString();
      if (!this.service.isDraft(text) || this.configs?.ignores(doc.uri)) { this.unpublish(doc.uri); return []; }
      const big = tooLarge(utf8Length(text), maxBytes());
      if (big) { this.publish(doc.uri, [big]); return [big]; }
      const findings = this.service.check(asDoc(doc, text));
      // The service gives the very list it gave before when nothing in it changed (most keystrokes): the diagnostics
      // stand as they are, and VS Code is not sent every one of them again.
      if (this.shown.get(key) !== findings) this.publish(doc.uri, findings);
      return findings;
    } catch (e) {
      // A bug in a check must never take the extension host down; it shows as one diagnostic instead.
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Review Observations could not check this draft: {0}', String((e as Error).message)), vscode.DiagnosticSeverity.Warning);
      d.source = SOURCE;
      this.unpublish(doc.uri);
      this.collection.set(doc.uri, [d]);
      return [];
    }
  }

  /** After a configuration file changed: every open draft again. */
  recheckAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Per document, the list of findings its diagnostics show (absent once they were set otherwise or cleared). */
  private readonly shown = new Map<string, Finding[]>();
  private publish(uri: vscode.Uri, findings: Finding[]): void {
    this.collection.set(uri, findings.map((f) => this.toDiagnostic(f)));
    this.shown.set(uri.toString(), findings);
  }
  private unpublish(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.shown.delete(uri.toString());
  }

  /**
   * A finding's diagnostic, made once: an unchanged section's findings are the same objects version after version, so
   * a keystroke makes diagnostics for the findings it changed only.
   */
  private toDiagnostic(f: Finding): vscode.Diagnostic {
    const made = this.made.get(f);
    if (made) return made;
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = SOURCE;
    d.code = this.code(f.code);
    this.findings.set(d, f);
    this.made.set(f, d);
    return d;
  }
  private readonly made = new WeakMap<Finding, vscode.Diagnostic>();

  /**
   * The finding a diagnostic was made from, with its payload (the fix's data). VS Code hands code actions the very
   * diagnostic objects of this collection, so the finding is found by identity, never by comparing its rendering.
   */
  findingOf(d: vscode.Diagnostic): Finding | undefined { return this.findings.get(d); }
  private readonly findings = new WeakMap<vscode.Diagnostic, Finding>();

  /** One code object per rule, shared by its diagnostics: a large draft has tens of thousands of them. */
  private readonly codes = new Map<string, { value: string; target: vscode.Uri }>();
  private code(code: string): { value: string; target: vscode.Uri } {
    let c = this.codes.get(code);
    if (!c) this.codes.set(code, (c = { value: code, target: vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${code}.md`) }));
    return c;
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.unpublish(doc.uri);
    this.service.close(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
