// The configuration files of the open drafts, read through vscode.workspace.fs (so the web build can read them too):
// found and checked by the core, cached per folder, refreshed when one changes, their problems in the Problems panel.
import * as vscode from 'vscode';
import { findConfig, checkOptionsFrom, isIgnored, type ConfigReader, type LoadedConfig } from '../core/config/config';
import type { CheckOptions } from '../core/index';
import { toRange, toSeverity } from './convert';

const decoder = new TextDecoder('utf-8');

export class ConfigFiles implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<LoadedConfig | null>>();
  /** What each folder's lookup found, once it is done: the checks, which are synchronous, read it from here. */
  private readonly found = new Map<string, LoadedConfig | null>();
  private readonly problems = vscode.languages.createDiagnosticCollection('review-obs-config');
  private readonly disposables: vscode.Disposable[] = [this.problems];

  constructor(onChange: () => void) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.review-obs.{yaml,yml,json}');
    const reset = () => { this.byFolder.clear(); this.found.clear(); this.problems.clear(); onChange(); };
    this.disposables.push(watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset),
      // An unsaved edit of the file counts when it is saved: the file is what the CLI and the team read.
      vscode.workspace.onDidSaveTextDocument((d) => { if (/\.review-obs\.(ya?ml|json)$/.test(d.uri.path)) reset(); }));
  }

  private reader(top: vscode.Uri | undefined): ConfigReader {
    return {
      read: async (path) => {
        try { return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path))); } catch { return null; }
      },
      // Up to the workspace folder the draft is in (or the file system's root for a draft outside any folder).
      parent: (dir) => {
        const u = vscode.Uri.parse(dir);
        if (top && u.toString() === top.toString()) return null;
        const up = vscode.Uri.joinPath(u, '..');
        return up.toString() === u.toString() ? null : up.toString();
      },
      join: (dir, name) => vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString(),
    };
  }

  /** Finds (once per folder) the configuration of a draft; its problems go to the Problems panel on the file. */
  load(doc: vscode.Uri): Promise<LoadedConfig | null> {
    const folder = vscode.Uri.joinPath(doc, '..').toString();
    let p = this.byFolder.get(folder);
    if (!p) {
      const top = vscode.workspace.getWorkspaceFolder(doc)?.uri;
      p = findConfig(folder, this.reader(top)).then((c) => {
        this.found.set(folder, c);
        if (c) this.problems.set(vscode.Uri.parse(c.file), c.problems.map((x) => {
          const d = new vscode.Diagnostic(toRange({ start: { line: x.line - 1, character: x.column - 1 }, end: { line: x.endLine - 1, character: x.endColumn - 1 } }), x.message, toSeverity('error'));
          d.source = 'review-obs';
          d.code = 'config.invalid';
          return d;
        }));
        return c;
      }, () => null);
      this.byFolder.set(folder, p);
    }
    return p;
  }

  /** The configuration found for a draft, if its lookup is done. */
  configFor(doc: vscode.Uri): LoadedConfig | null {
    return this.found.get(vscode.Uri.joinPath(doc, '..').toString()) ?? null;
  }

  /** A draft's check options: its configuration's, under the settings. */
  options(doc: vscode.Uri, settings: CheckOptions): CheckOptions {
    return checkOptionsFrom(this.configFor(doc)?.config, settings);
  }

  /** Whether the draft's configuration ignores it. */
  ignores(doc: vscode.Uri): boolean {
    const c = this.configFor(doc);
    if (!c) return false;
    const base = vscode.Uri.joinPath(vscode.Uri.parse(c.file), '..').path;
    const rel = doc.path.startsWith(`${base}/`) ? doc.path.slice(base.length + 1) : doc.path;
    return isIgnored(c.config, rel);
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}
