// Entry of the in-editor suite: runs the mocha tests inside VS Code's extension host and returns their results.
import Mocha from 'mocha';
import { editorTests } from './editor.test';
import { uiTests } from './ui.test';
import { benchInEditor } from './bench';

export interface SuiteResult { passed: string[]; failed: { title: string; error: string }[] }

/** For @vscode/test-electron: resolves when every test passed, rejects otherwise. */
export async function run(): Promise<void> {
  const r = await runSuite();
  for (const f of r.failed) console.error(`✗ ${f.title}\n${f.error}`);
  if (r.failed.length) throw new Error(`${r.failed.length} in-editor test(s) failed`);
}

/** For the project's code-server runner (test/editor/runner): the results, passed and failed, by title. */
export function runSuite(): Promise<SuiteResult> {
  // The benchmark asks for measurements instead of tests.
  if (process.env.REVIEW_OBS_BENCH_OUT) return benchInEditor(process.env.REVIEW_OBS_BENCH_OUT);
  // REVIEW_OBS_TEST_GREP runs the tests whose titles match it (while working on a few).
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(process.env.REVIEW_OBS_TEST_GREP ? { grep: process.env.REVIEW_OBS_TEST_GREP } : {}) });
  // Bundled test modules cannot be `require`d by mocha; expose its globals and register the tests directly.
  mocha.suite.emit('pre-require', globalThis, 'editor.test', mocha);
  editorTests();
  uiTests();
  const result: SuiteResult = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(result));
      runner.on('pass', (t) => result.passed.push(t.fullTitle()));
      runner.on('fail', (t, err: Error) => result.failed.push({ title: t.fullTitle(), error: String(err?.stack ?? err) }));
    } catch (e) { reject(e); }
  });
}
