// Registers a command whose failure is shown to the user as a message instead of escaping into the extension host.
import type * as vscode from 'vscode';
import { registerLoggedCommand, type Log } from './log';

export function registerSafeCommand(log: Log, id: string, f: (...args: any[]) => unknown, message?: (e: unknown) => string): vscode.Disposable {
  return registerLoggedCommand(log, id, f, message);
}
