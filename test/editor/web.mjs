// Runs the browser-capable in-editor tests in VS Code's web worker extension host: code-server's VS Code, told by the
// `remote.extensionKind` setting to run this extension on the web side, where it loads its `browser` bundle (as
// vscode.dev and github.dev do). A web test runner extension runs the suite there and writes web-result.json into the
// workspace through vscode.workspace.fs; this script waits for it.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { prepareWorkspace } from './workspace.mjs';
import { report, waitFor } from './host.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (s) => process.stderr.write(`[web-tests] ${s}\n`);
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });

log('packaging the extension and the web test runner');
if (!process.argv.includes('--no-package')) sh('npm', ['run', '--silent', 'package']);
const vsix = join(root, 'dist', 'review-observations.vsix');
const runnerDir = join(root, 'test', 'editor', 'web-runner');
await build({ entryPoints: [join(root, 'test', 'editor', 'web-suite', 'index.ts')], outfile: join(runnerDir, 'extension.js'), bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
const runnerVsix = join(root, 'dist', 'review-obs-web-test-runner.vsix');
sh(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', runnerVsix], { cwd: runnerDir });

const host = sh('bash', [join(root, 'scripts', 'vscode-host', 'install.sh')]).trim().split('\n').pop();
const entry = join(host, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const work = mkdtempSync(join(tmpdir(), 'review-obs-web-'));
const extDir = join(work, 'extensions'), userDir = join(work, 'user'), wsDir = join(work, 'workspace');
mkdirSync(extDir); mkdirSync(userDir); mkdirSync(wsDir);
prepareWorkspace(root, wsDir);
mkdirSync(join(userDir, 'User'), { recursive: true });
const settings = JSON.parse(readFileSync(join(root, 'test', 'editor', 'settings.json'), 'utf8'));
// The web side for both: the extension's `browser` entry, in the web worker extension host.
settings['reviewObservations.author.name'] = 'Web Tester';
settings['reviewObservations.author.state'] = 'Borealia';
settings['remote.extensionKind'] = { 'review-observations.review-observations': ['web'], 'review-observations.review-obs-web-test-runner': ['web'] };
writeFileSync(join(userDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
for (const v of [vsix, runnerVsix]) sh('node', [entry, '--extensions-dir', extDir, '--user-data-dir', userDir, '--install-extension', v]);

const port = await new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const server = spawn('node', [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDir, '--extensions-dir', extDir,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', wsDir], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });
const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);

const resultFile = join(wsDir, 'web-result.json');
let browser, exitCode = 1, pageLog = '';
try {
  await waitFor(server, () => serverLog.includes('HTTP server listening'), 60_000, 'code-server to listen');
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => { pageLog += `${m.text()}\n`; });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(wsDir)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await waitFor(server, () => existsSync(resultFile), 300_000, 'the web suite to finish');
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  // The web bundle may not pull in a Node built-in (the build refuses `node:` imports; this also catches bare ones).
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'web', 'meta.json'), 'utf8'));
  const builtins = new Set((await import('node:module')).builtinModules);
  const nodeInputs = Object.keys(meta.inputs).filter((i) => i.startsWith('node:') || builtins.has(i.replace(/^\(disabled\):/, '')));
  (nodeInputs.length ? result.failed : result.passed).push(nodeInputs.length ? { title: 'web: the web bundle has no Node built-in', error: nodeInputs.join(', ') } : 'web: the web bundle has no Node built-in');
  exitCode = report(result) ? 0 : 1;
} catch (e) {
  console.error(`[web-tests] ${e.stack ?? e}\n--- code-server ---\n${serverLog.slice(-3000)}\n--- page ---\n${pageLog.slice(-3000)}`);
} finally {
  await browser?.close().catch(() => {});
  stop();
  if (exitCode === 0) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work} for inspection`);
}
process.exit(exitCode);

