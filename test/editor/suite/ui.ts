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
  /** The HTML of the webviews (the Markdown preview) that contain `text`. */
  frames: (contains: string) => op<string[]>({ op: 'frames', contains }),
  /** Waits for the quick input showing `expect` (its prompt, placeholder or title), types `text` and presses Enter. */
  async answer(expect: string, text = ''): Promise<void> {
    await op({ op: 'quickInput', expect });
    // A person types once the cursor is in the box: the box must have the keyboard.
    await ui.focusIn('quick-input-widget');
    if (text) {
      // The box may hold a value (the previous name, the selected text), selected as VS Code selects it: replaced.
      await ui.type(text);
      const f = await ui.focused();
      if (!f.value?.endsWith(text)) throw new Error(`typed "${text}" into the box, which shows "${f.value}" (focus: ${f.element} in ${f.within})`);
    }
    await ui.press('Enter');
  },
  focused: () => op<{ element: string; within: string; value: string | null }>({ op: 'focused' }),
  /** Waits until the keyboard is in the widget of that class (the editor, a quick input). */
  async focusIn(widget: string, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      const f = await ui.focused();
      if (f.within.split('.').includes(widget)) return;
      if (Date.now() > end) throw new Error(`the keyboard is on ${f.element} in ${f.within}, not in the ${widget}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  /** Runs a command from the Command Palette by typing its title, as a person does. */
  async command(title: string): Promise<void> {
    await op({ op: 'quickInput', expect: null });
    await ui.press('F1');
    await op({ op: 'quickInput', expect: '' });
    await ui.focusIn('quick-input-widget');
    await ui.type(title);
    const f = await ui.focused();
    if (f.value !== `>${title}`) throw new Error(`typed "${title}" into the Command Palette, which shows "${f.value}" (focus: ${f.element} in ${f.within})`);
    // The list filters as one types; a command used before may come first: ↓ to the one meant, then Enter.
    await op({ op: 'waitFor', selector: '.quick-input-list .monaco-list-row.focused' });
    for (let i = 0; ; i++) {
      const [label = ''] = await ui.texts('.quick-input-list .monaco-list-row.focused .label-name');
      if (label === title || label.endsWith(`: ${title}`)) break;
      if (i === 8) throw new Error(`"${title}" is not among the Command Palette's first entries (the highlighted one is "${label}")`);
      await ui.press('ArrowDown');
    }
    await ui.press('Enter');
  },
  /** Waits until no quick input is open. */
  closed: () => op({ op: 'quickInput', expect: null }),
};
