// The secretariat's batch: summary vs list, SARIF, progress, worker threads, and the HTML report seen in Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const repo = join(__dirname, '..', '..');
const example = readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md'), 'utf8');

async function run(args: string[], cwd: string, tty = false) {
  const out: string[] = [], err: string[] = [], progress: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, isTTY: tty, progress: (s) => progress.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}

/** A list and its summary in a folder: the summary covers one article the list has not, and states a need the list does not. */
function reviewFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ro-batch-'));
  writeFileSync(join(dir, 'list.md'), example);
  const summary = example.replace('document: list-of-observations', 'document: summary')
    .replace(/### Article 6\. Criminalization of the laundering[\s\S]*?(?=### Article 23)/, (m) => m.replace('None identified.', 'Training of financial investigators.'))
    .replace('### Article 23. Criminalization of obstruction of justice {#untoc-23}', '### Article 23. Criminalization of obstruction of justice {#untoc-23}')
    .replace('## Protocol to Prevent', '### Article 8. Criminalization of corruption {#untoc-8}\n\n#### Implementation measures {.implementation}\n\nText.\n\n#### Gaps and challenges {.gaps}\n\nNone.\n\n#### Good practices {.good-practices}\n\nNone.\n\n#### Suggestions and recommendations {.suggestions}\n\nNone.\n\n#### Technical assistance needs {.technical-assistance}\n\nNone.\n\n## Protocol to Prevent');
  writeFileSync(join(dir, 'summary.md'), summary);
  return dir;
}

describe('batch check', () => {
  it('checks a summary against its list: articles and technical assistance needs', async () => {
    const dir = reviewFolder();
    const rows = JSON.parse((await run(['check', '.', '--format', 'json'], dir)).out) as { file: string; code: string; line: number }[];
    const cross = rows.filter((r) => r.code.startsWith('summary.')).map((r) => `${r.file} ${r.code}`).sort();
    expect(cross).toEqual(['summary.md summary.assistance-not-in-list', 'summary.md summary.not-in-list']);
    // Alone, a summary has nothing to be compared with.
    const alone = JSON.parse((await run(['check', 'summary.md', '--format', 'json'], dir)).out) as { code: string }[];
    expect(alone.some((r) => r.code.startsWith('summary.'))).toBe(false);
  });

  it('writes SARIF 2.1.0 with one result per finding', async () => {
    const dir = reviewFolder();
    const json = JSON.parse((await run(['check', '.', '--format', 'json'], dir)).out) as unknown[];
    const sarif = JSON.parse((await run(['check', '.', '--format', 'sarif'], dir)).out);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    expect(results).toHaveLength(json.length);
    const r = results.find((x) => x.ruleId === 'summary.not-in-list')!;
    expect(r.level).toBe('error');
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('summary.md');
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('summary.not-in-list');
  });

  it('--finalization blocks a draft that is ready while drafting, and says which', async () => {
    const r1 = await run(['check', 'examples'], repo);
    const r2 = await run(['check', 'examples', '--finalization'], repo);
    expect(r1.code).toBe(0);
    expect(r2.code).toBe(1);
    expect(r2.out).toMatch(/arcadia-list-of-observations\.en\.md: blocked by 1 error\(s\)/);
    expect(r2.out).toMatch(/arcadia-list-of-observations\.zh\.md: ready/);
  });

  it('shows progress on a terminal only', async () => {
    expect((await run(['check', 'examples'], repo, true)).progress).toContain('checked 2/2');
    expect((await run(['check', 'examples'], repo, false)).progress).toEqual([]);
  });
});

describe('the built CLI on many drafts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ro-many-'));
  beforeAll(() => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: repo });
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `d${String(i).padStart(2, '0')}.md`), example.replace('Republic of Arcadia', `State ${i}`).replace('None identified.', i % 3 ? 'None identified.' : ''));
    writeFileSync(join(dir, 'broken.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0, 1, 2]));
    writeFileSync(join(dir, 'notes.md'), '# not a draft\n');
  }, 60_000);
  const cli = (args: string[], cwd = dir) => {
    try { return { code: 0, out: execFileSync('node', [join(repo, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' }) }; }
    catch (e) { const x = e as { status: number; stdout: string }; return { code: x.status, out: x.stdout }; }
  };
  it('worker threads give exactly the results of one thread, a bad file included', () => {
    const one = cli(['check', '.', '--format', 'json', '--jobs', '1']);
    const two = cli(['check', '.', '--format', 'json', '--jobs', '2']);
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(1);
    const rows = JSON.parse(two.out) as { file: string; code: string }[];
    expect(rows.find((r) => r.file === 'broken.md')?.code).toBe('file.binary');
    expect(new Set(rows.map((r) => r.file)).size).toBeGreaterThanOrEqual(21); // every third draft has an empty part, and the broken file
  });

  it('prints the same text on worker threads as on one, each finding once, cross-file findings and escapes included', () => {
    // The drafts, a summary and its list (findings made across files, after the threads' own), a field name with a terminal escape.
    const here = mkdtempSync(join(tmpdir(), 'ro-many-text-'));
    cpSync(dir, here, { recursive: true });
    const review = reviewFolder();
    for (const f of ['list.md', 'summary.md']) writeFileSync(join(here, `zz-${f}`), readFileSync(join(review, f)));
    // In every draft, so that whichever thread takes a file prints it escaped (the threads share one queue).
    for (let i = 0; i < 120; i++) writeFileSync(join(here, `e${String(i).padStart(3, '0')}.md`), example.replace('Republic of Arcadia', `State ${i}`).replace('cluster: 1', 'cluster: 1\nx\u001b[31m: 1'));
    const one = cli(['check', '.', '--jobs', '1'], here);
    const two = cli(['check', '.', '--jobs', '2'], here);
    expect(two.out).toBe(one.out);
    expect(two.out).toMatch(/^zz-summary\.md:\d+:\d+ error summary\.not-in-list /m);
    expect(two.out.match(/^e\d{3}\.md:\d+:\d+ warning frontmatter\.unknown-field Unknown front matter field "x\\u001b\[31m"/gm)).toHaveLength(120);
    expect(two.out).not.toContain('\u001b');
    const json = JSON.parse(cli(['check', '.', '--format', 'json', '--jobs', '1'], here).out) as unknown[];
    expect(two.out.split('\n').filter((l) => /^[\w.-]+\.md:\d+:\d+ /.test(l))).toHaveLength(json.length);
  });

  it('stops the worker threads on Ctrl+C: exit 130, "cancelled.", nothing printed', async () => {
    // Enough drafts to last several seconds on two threads (12,000 took 6 s here); the interrupt comes once they run
    // (the command listed and measured the files and set its handler by then: half a second here, under load more).
    const big = mkdtempSync(join(tmpdir(), 'ro-many-cancel-'));
    for (let i = 0; i < 12_000; i++) writeFileSync(join(big, `d${String(i).padStart(5, '0')}.md`), example.replace('Republic of Arcadia', `State ${i}`));
    const child = spawn('node', [join(repo, 'dist', 'cli.js'), 'check', '.', '--jobs', '2'], { cwd: big });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    let interrupted = 0;
    setTimeout(() => { interrupted = Date.now(); child.kill('SIGINT'); }, 1500);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toMatch(/cancelled\./);
    expect(out).toBe('');
    // The threads are stopped, not waited for (the rest of the run takes seconds; stopping them, some milliseconds).
    expect(Date.now() - interrupted).toBeLessThan(1000);
  }, 60_000);

  it('writes a self-contained report that Chromium renders: tiles, charts and one row per draft', async () => {
    const out = join(dir, 'report.html');
    expect(cli(['report', '.', '-o', 'report.html']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    // Self-contained: nothing is fetched (the SVG namespace is a name, not a request).
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?https?:|@import|url\(\s*['"]?https?:|<link\b|<script\b/i);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(`file://${out}`);
      expect(await page.textContent('#drafts')).toBe('61');
      expect(await page.textContent('#blocked')).toBe('1');
      expect(await page.locator('#drafts-table tbody tr').count()).toBe(61);
      expect(await page.locator('#progress svg rect').count()).toBe(122);
      expect(await page.locator('#findings svg text').first().textContent()).toBe('structure.empty-part');
      mkdirSync(join(repo, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(repo, 'test-artifacts', 'report.png'), fullPage: false });
      expect(existsSync(join(repo, 'test-artifacts', 'report.png'))).toBe(true);
    } finally { await browser.close(); }
  }, 60_000);
});
