// npm test: type-check, unit and property tests (vitest), then the in-editor suite in a real VS Code; one total at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const step = (name) => process.stdout.write(`\n== ${name}\n`);
let passed = 0, failed = 0;

// Every Debian package any test needs, before any test runs (as root: installed; otherwise: the one line to run).
step('prerequisites (scripts/prereqs.sh)');
const pre = spawnSync('bash', ['scripts/prereqs.sh'], { stdio: 'inherit' });
if (pre.status !== 0) { console.log('\nprerequisites missing: nothing was tested'); process.exit(1); }

step('type check');
const tsc = run('npx', ['tsc', '-p', '.', '--noEmit']);
process.stdout.write(tsc.stdout);
if (tsc.status !== 0) { console.log('type check failed'); failed++; }

step('unit and property tests (vitest)');
const json = join(mkdtempSync(join(tmpdir(), 'ro-vitest-')), 'results.json');
const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${json}`]);
process.stdout.write(unit.stdout);
try {
  const r = JSON.parse(readFileSync(json, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests;
  if (unit.status !== 0 && r.numFailedTests === 0) failed++;
} catch { failed++; }

step('benchmark smoke run (smallest size; the full benchmark is npm run bench)');
const bench = run('sh', ['-c', `node scripts/build.mjs --bench && node dist/bench.js --smoke --out=${join(mkdtempSync(join(tmpdir(), 'ro-bench-')), 'results.json')}`]);
process.stdout.write(bench.stdout);
if (bench.status === 0 && /^1 passed, 0 failed$/m.test(bench.stdout)) passed++; else failed++;

if (process.env.REVIEW_OBS_SKIP_EDITOR_TESTS === '1') {
  step('in-editor tests skipped (REVIEW_OBS_SKIP_EDITOR_TESTS=1)');
} else {
  step('in-editor tests (real VS Code)');
  const editor = run('node', ['test/editor/run.mjs']);
  process.stdout.write(editor.stdout);
  const m = /^(\d+) passed, (\d+) failed$/m.exec(editor.stdout);
  if (m) { passed += Number(m[1]); failed += Number(m[2]); }
  if (editor.status !== 0 && (!m || Number(m[2]) === 0)) failed++;
}

if (process.env.REVIEW_OBS_SKIP_EDITOR_TESTS !== '1') {
  // The same extension in VS Code's web worker extension host (as on vscode.dev), from its browser bundle.
  step('in-editor tests in the browser (web worker extension host)');
  const web = run('node', ['test/editor/web.mjs', '--no-package']);
  process.stdout.write(web.stdout);
  const m = /^(\d+) passed, (\d+) failed$/m.exec(web.stdout);
  if (m) { passed += Number(m[1]); failed += Number(m[2]); }
  if (web.status !== 0 && (!m || Number(m[2]) === 0)) failed++;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
