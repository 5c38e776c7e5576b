// The extension's Output channel: what each command did and every error, for the user and for whoever supports them.
import * as vscode from 'vscode';

export interface Log {
  info(message: string): void;
  error(message: string): void;
}

/** The "Review Observations" log (Output panel; its level follows VS Code's "Developer: Set Log Level"). */
export function createLog(): Log & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Review Observations', { log: true }); // l10n-ignore: the product's name
  return { info: (m) => channel.info(m), error: (m) => channel.error(m), dispose: () => channel.dispose() };
}

/**
 * A command that logs what it did and how long it took, and whose failure is logged and shown to the user as a message
 * instead of escaping into the extension host.
 */
export function registerLoggedCommand(log: Log, id: string, f: (...args: any[]) => unknown, message: (e: unknown) => string = (e) => String((e as Error).message)): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: any[]) => {
    const start = performance.now();
    try {
      const r = await f(...args);
      log.info(`${id}: ${r === undefined || r === false ? 'cancelled or nothing to do' : 'done'} (${Math.round(performance.now() - start)} ms)`); // l10n-ignore: a log line for support
      return r;
    } catch (e) {
      log.error(`${id}: ${(e as Error).stack ?? String(e)}`);
      void vscode.window.showErrorMessage(message(e));
      return undefined;
    }
  });
}
