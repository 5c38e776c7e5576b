// Questions asked one after another in one quick input that stays open between them: when one box closes before the
// next opens, VS Code gives the keyboard back to what had it (the Welcome page's step, after a walkthrough button), so
// a person typing the next answer types into the page, not the box.
import * as vscode from 'vscode';

export interface TextStep { title?: string; prompt: string; placeHolder?: string; value?: string; validate?: (v: string) => string | undefined }
export interface PickStep { title?: string; placeHolder: string }

/** A run of questions. Each answer is awaited; `done` closes the box (also when a step is cancelled). */
export class Steps implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  /** Asks for a text; undefined when the person cancels. */
  text(step: TextStep): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.prompt = step.prompt;
    box.placeholder = step.placeHolder;
    box.value = step.value ?? '';
    box.ignoreFocusOut = true;
    return this.ask(box, (finish) => [
      box.onDidChangeValue((v) => { box.validationMessage = step.validate?.(v); }),
      box.onDidAccept(() => {
        const problem = step.validate?.(box.value);
        if (problem) { box.validationMessage = problem; return; }
        finish(box.value);
      }),
    ]);
  }

  /** Asks for one item of a list; undefined when the person cancels. */
  pick<T extends vscode.QuickPickItem>(items: T[], step: PickStep): Promise<T | undefined> {
    const list = vscode.window.createQuickPick<T>();
    list.title = step.title;
    list.placeholder = step.placeHolder;
    list.items = items;
    list.ignoreFocusOut = true;
    return this.ask(list, (finish) => [list.onDidAccept(() => { const chosen = list.selectedItems[0] ?? list.activeItems[0]; if (chosen) finish(chosen); })]);
  }

  /** Asks for several items of a list (those `picked` are ticked to begin with); undefined when the person cancels. */
  pickMany<T extends vscode.QuickPickItem>(items: T[], step: PickStep): Promise<readonly T[] | undefined> {
    const list = vscode.window.createQuickPick<T>();
    list.title = step.title;
    list.placeholder = step.placeHolder;
    list.canSelectMany = true;
    list.items = items;
    list.selectedItems = items.filter((i) => i.picked);
    list.ignoreFocusOut = true;
    return this.ask(list, (finish) => [list.onDidAccept(() => finish(list.selectedItems))]);
  }

  /** Closes the box. */
  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  /**
   * Shows `input` in place of the previous step's box (which is disposed only once the new one shows, so the quick
   * input never closes between steps) and resolves with the answer, or undefined when it is hidden (Escape).
   */
  private ask<R>(input: vscode.QuickInput, listen: (finish: (r: R) => void) => vscode.Disposable[]): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve) => {
      let settled = false;
      const subscriptions: vscode.Disposable[] = [];
      const settle = (r: R | undefined) => {
        if (settled) return;
        settled = true;
        for (const d of subscriptions) d.dispose();
        resolve(r);
      };
      subscriptions.push(...listen((r) => settle(r)), input.onDidHide(() => settle(undefined)));
      const previous = this.current;
      this.current = input;
      input.show();
      previous?.dispose();
    });
  }
}
