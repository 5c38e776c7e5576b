// The hands of the in-editor suite: a local HTTP endpoint through which tests in the extension host press keys, type,
// click and look at the workbench in the browser, as a person does (the suite itself cannot reach the page).
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts the endpoint. `page` gives the Playwright page once it is open; screenshots go to `shots`.
 * Each request is one JSON operation; the answer is {ok, value} or {ok: false, error}.
 */
export function startBridge(page, shots) {
  const ops = {
    press: async ({ keys }) => { for (const k of keys) await page().keyboard.press(k); },
    type: async ({ text }) => { await page().keyboard.type(text, { delay: 15 }); },
    click: async ({ selector, timeout = 15_000 }) => { await page().click(selector, { timeout }); },
    waitFor: async ({ selector, state = 'visible', timeout = 15_000 }) => { await page().waitForSelector(selector, { state, timeout }); },
    texts: async ({ selector }) => page().$$eval(selector, (els) => els.map((e) => e.textContent ?? '')),
    attribute: async ({ selector, name }) => page().$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name),
    /**
     * The visible quick input's text (title, prompt, message, the input's placeholder) once it includes `expect`: the
     * step the test means to answer, so no keystroke goes to the step before. `expect: null` waits for it to close.
     */
    quickInput: async ({ expect, timeout = 15_000 }) => {
      const handle = await page().waitForFunction((e) => {
        const w = [...document.querySelectorAll('.quick-input-widget')].find((x) => getComputedStyle(x).display !== 'none' && x.getBoundingClientRect().height > 0);
        if (e === null) return !w;
        if (!w) return null;
        const input = w.querySelector('input');
        const s = `${w.textContent ?? ''} ${input?.placeholder ?? ''} ${input?.getAttribute('aria-label') ?? ''}`;
        return s.includes(e) ? s : null;
      }, expect, { timeout });
      return handle.jsonValue();
    },
    /** Where the keyboard is: the focused element, described by its tag, classes and the widget around it. */
    focused: async () => page().evaluate(() => {
      const describe = (e) => (e ? `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''}` : 'nothing');
      let e = document.activeElement;
      while (e?.tagName === 'IFRAME' && e.contentDocument?.activeElement) e = e.contentDocument.activeElement;
      const around = e?.closest('.quick-input-widget, .monaco-editor, .gettingStartedContainer, .part, .monaco-workbench');
      return { element: describe(e), within: describe(around), value: e && 'value' in e ? e.value : null };
    }),
    /** The HTML of the page's frames (webviews: the Markdown preview) that contain `contains`. */
    frames: async ({ contains }) => {
      const out = [];
      for (const f of page().frames()) {
        const html = await f.evaluate(() => document.documentElement.outerHTML).catch(() => '');
        if (html.includes(contains)) out.push(html);
      }
      return out;
    },
    screenshot: async ({ name }) => { mkdirSync(shots, { recursive: true }); await page().screenshot({ path: join(shots, `${name}.png`) }); return join(shots, `${name}.png`); },
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', async () => {
      let answer;
      try {
        const op = JSON.parse(body);
        if (!page()) throw new Error('the workbench is not open yet');
        const f = ops[op.op];
        if (!f) throw new Error(`no such operation: ${op.op}`);
        answer = { ok: true, value: await f(op) };
      } catch (e) {
        answer = { ok: false, error: String(e?.message ?? e) };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}
