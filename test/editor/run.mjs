// Runs the in-editor suite inside a real VS Code (code-server's) with the packaged .vsix installed, driven by headless Chromium.
// Why not @vscode/test-electron: it downloads VS Code, which this machine and CI cannot; `npm run test:electron` keeps it for those who can.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';
import { report, waitFor } from './host.mjs';
import { startBridge } from './bridge.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(root, 'test-artifacts');
const log = (s) => process.stderr.write(`[editor-tests] ${s}\n`);
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });

// 1. Build the extension, its .vsix and the suite; the suite runs against what a user would install.
log('packaging the extension');
sh('npm', ['run', '--silent', 'package']);
sh('node', ['scripts/build.mjs', '--tests']);
const vsix = join(root, 'dist', 'review-observations.vsix');
const runnerDir = join(root, 'test', 'editor', 'runner');
const runnerVsix = join(root, 'dist', 'review-obs-test-runner.vsix');
sh(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', runnerVsix], { cwd: runnerDir });

// 2. A real VS Code: code-server from npm, installed once and cached.
log('installing (or reusing) code-server');
const host = sh('bash', [join(root, 'scripts', 'vscode-host', 'install.sh')]).trim().split('\n').pop();
const entry = join(host, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
if (!existsSync(entry)) throw new Error(`code-server is not installed at ${host}`);

const work = mkdtempSync(join(tmpdir(), 'review-obs-editor-'));
const extDir = join(work, 'extensions'), userDir = join(work, 'user'), wsDir = join(work, 'workspace');
mkdirSync(extDir); mkdirSync(userDir); mkdirSync(wsDir);
prepareWorkspace(root, wsDir);
mkdirSync(join(userDir, 'User'), { recursive: true });
// A quiet workbench: no welcome page or trust prompt in the way of the test or the screenshot.
cpSync(join(root, 'test', 'editor', 'settings.json'), join(userDir, 'User', 'settings.json'));

for (const v of [vsix, runnerVsix]) {
  log(`installing ${v.split('/').pop()}`);
  sh('node', [entry, '--extensions-dir', extDir, '--user-data-dir', userDir, '--install-extension', v]);
}

// 3. Start code-server with the suite named in its environment; the runner extension picks it up.
const port = await new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const resultFile = join(work, 'result.json');
// The suite's hands on the page (keys, clicks, what the workbench shows), served before the page is open.
let page;
// This run's screenshots only: a failed test's picture from an earlier run would mislead.
rmSync(join(artifacts, 'screenshots'), { recursive: true, force: true });
const bridge = await startBridge(() => page, join(artifacts, 'screenshots'));
const server = spawn('node', [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDir,
  '--extensions-dir', extDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', wsDir], {
  env: { ...process.env, REVIEW_OBS_TEST_SUITE: join(root, 'dist', 'test', 'suite.js'), REVIEW_OBS_TEST_OUT: resultFile, REVIEW_OBS_UI: bridge.url }, // REVIEW_OBS_BENCH_OUT passes through
  stdio: ['ignore', 'pipe', 'pipe'], detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });
const stopServer = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stopServer);

let browser;
let exitCode = 1;
try {
  await waitFor(server, () => serverLog.includes('HTTP server listening'), 60_000, 'code-server to listen');
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  log('opening the workbench');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(wsDir)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await waitFor(server, () => existsSync(resultFile), 300_000, 'the suite to finish');
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  mkdirSync(artifacts, { recursive: true });
  // The benchmark leaves three 10 MB files open: the workbench is too busy for a screenshot, and none is wanted.
  if (!process.env.REVIEW_OBS_BENCH_OUT) {
    await page.waitForTimeout(2500);
    await page.screenshot({ path: join(artifacts, 'workbench.png') });
  }
  const ok = report(result);
  log(`screenshot: ${join(artifacts, 'workbench.png')}`);
  exitCode = ok ? 0 : 1;
} catch (e) {
  console.error(`[editor-tests] ${e.stack ?? e}\n--- code-server output ---\n${serverLog.slice(-4000)}`);
} finally {
  await browser?.close().catch(() => {});
  bridge.close();
  stopServer();
  if (exitCode === 0) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work} for inspection`);
}
process.exit(exitCode);

