// A person's hands in the workbench for the in-editor tests: keys, typing, clicks and what the screen shows, through
// the runner's bridge to the browser (test/editor/bridge.mjs). Absent under @vscode/test-electron, which has no page.

const url = process.env.REVIEW_OBS_UI;

async function op<T = void>(o: Record<string, unknown>): Promise<T> {
  const r = await fetch(url!, { method: 'POST', body: JSON.stringify(o) });
  const a = (await r.json()) as { ok: boolean; value?: T; error?: string };
  if (!a.ok) throw new Error(`ui.${String(o.op)}: ${a.error}`);
  return a.value as T;
}

export const ui = {
  available: !!url,
  /** Keys as Playwright names them: 'Enter', 'Shift+ArrowRight', 'Control+Alt+BracketRight'. */
  press: (...keys: string[]) => op({ op: 'press', keys }),
  type: (text: string) => op({ op: 'type', text }),
  click: (selector: string) => op({ op: 'click', selector }),
  waitFor: (selector: string, state: 'visible' | 'attached' | 'hidden' = 'visible') => op({ op: 'waitFor', selector, state }),
  texts: (selector: string) => op<string[]>({ op: 'texts', selector }),
  screenshot: (name: string) => op<string>({ op: 'screenshot', name }),
  /** Waits for the quick input showing `expect` (its prompt, placeholder or title), types `text` and presses Enter. */
  async answer(expect: string, text = ''): Promise<void> {
    await op({ op: 'quickInput', expect });
    if (text) {
      // The box may hold a value (the previous name, the selected text), selected as VS Code selects it: replaced.
      await ui.type(text);
    }
    await ui.press('Enter');
  },
  /** Runs a command from the Command Palette by typing its title, as a person does. */
  async command(title: string): Promise<void> {
    await op({ op: 'quickInput', expect: null });
    await ui.press('F1');
    await op({ op: 'quickInput', expect: '' });
    await ui.type(title);
    // The list filters as one types: Enter once the command is the one highlighted.
    await op({ op: 'waitFor', selector: `.quick-input-list .monaco-list-row.focused:has-text(${JSON.stringify(title)})` });
    await ui.press('Enter');
  },
  /** Waits until no quick input is open. */
  closed: () => op({ op: 'quickInput', expect: null }),
};
