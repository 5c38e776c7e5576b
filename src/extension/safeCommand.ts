// Registers a command whose failure is shown to the user as a message instead of escaping into the extension host.
import * as vscode from 'vscode';

export function registerSafeCommand(id: string, f: (...args: any[]) => unknown, message: (e: unknown) => string = (e) => String((e as Error).message)): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: any[]) => {
    try { return await f(...args); } catch (e) {
      void vscode.window.showErrorMessage(message(e));
      return undefined;
    }
  });
}
