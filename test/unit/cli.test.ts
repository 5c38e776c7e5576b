// The review-obs command line: output contract, exit status, and that it never writes over a user's file.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

function run(args: string[], cwd: string) {
  const out: string[] = [], err: string[] = [];
  const code = main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
/** For a command that writes a file: its status once the file is written. */
async function runToEnd(args: string[], cwd: string) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const repo = join(__dirname, '..', '..');
const fixtures = join(repo, 'test', 'fixtures');

describe('review-obs check', () => {
  it('checks the bundled examples: no error, exit 0, a summary line', () => {
    const r = run(['check', 'examples'], repo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 draft\(s\) checked: 0 error\(s\)/);
  });
  it('prints the JSON contract, 1-based, and exits 1 on errors', () => {
    const r = run(['check', join(fixtures, 'structure.draft.md'), '--format', 'json'], repo);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    const noSuch = rows.find((x) => x.code === 'structure.no-such-article')!;
    const line = readFileSync(join(fixtures, 'structure.draft.md'), 'utf8').split('\n').findIndex((l) => l.includes('{#untoc-44}')) + 1;
    expect(noSuch).toMatchObject({ line, severity: 'error', endLine: line });
    expect(noSuch.column).toBeGreaterThan(1);
  });
  it('text format: FILE:LINE:COL severity code message', () => {
    const r = run(['check', 'test/fixtures/no-frontmatter.draft.md'], repo);
    expect(r.out.split('\n')[0]).toMatch(/^test\/fixtures\/no-frontmatter\.draft\.md:1:1 error frontmatter\.missing /);
  });
  it('applies --severity overrides, including off', () => {
    const r = run(['check', 'test/fixtures/structure.draft.md', '--format', 'json', '--severity', 'structure.no-such-article=off', '--severity', 'structure.order=error'], repo);
    const rows = JSON.parse(r.out) as { code: string; severity: string }[];
    expect(rows.some((x) => x.code === 'structure.no-such-article')).toBe(false);
    expect(rows.filter((x) => x.code === 'structure.order').every((x) => x.severity === 'error')).toBe(true);
  });
  it('bad usage exits 2 with a message', () => {
    expect(run(['check'], repo).code).toBe(2);
    expect(run(['check', 'nope.md'], repo).err).toMatch(/no such file/);
    expect(run(['check', 'examples', '--format', 'xml'], repo).code).toBe(2);
    expect(run(['check', 'examples', '--severity', 'x.y=loud'], repo).code).toBe(2);
    expect(run(['frobnicate'], repo).code).toBe(2);
    expect(run([], repo).code).toBe(2);
  });
  it('reports a binary or non-UTF-8 file and goes on with the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    writeFileSync(join(dir, 'a.md'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    writeFileSync(join(dir, 'b.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xb0, 0xa1]));
    copyFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md'), join(dir, 'c.md'));
    const r = run(['check', dir, '--format', 'json'], dir);
    const codes = (JSON.parse(r.out) as { file: string; code: string }[]).map((x) => `${x.file} ${x.code}`);
    expect(codes).toContain('a.md file.binary');
    expect(codes).toContain('b.md file.not-utf8');
    expect(codes).toContain('c.md structure.empty-part');
    expect(r.code).toBe(1);
  });
  it('skips Markdown files in a directory that are not drafts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    writeFileSync(join(dir, 'README.md'), '# Notes\n');
    const r = run(['check', dir], dir);
    expect(r.out).toMatch(/0 draft\(s\) checked, 1 other Markdown file\(s\) skipped/);
    expect(r.code).toBe(0);
  });
  it('leaves the checked file byte-identical', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    const f = join(dir, 'x.md');
    const bytes = Buffer.from('\ufeff' + readFileSync(join(fixtures, 'structure.draft.md'), 'utf8').replace(/\n/g, '\r\n'));
    writeFileSync(f, bytes);
    const before = statSync(f).mtimeMs;
    run(['check', f], dir);
    expect(readFileSync(f).equals(bytes)).toBe(true);
    expect(statSync(f).mtimeMs).toBe(before);
  });
});

describe('review-obs new', () => {
  const args = ['new', '--state', 'Arcadia', '--reviewer', 'Borealia', '--reviewer', 'Calderra:untoc', '--cluster', '1', '--party-to', 'untoc,tip', '--lang', 'zh,en'];
  it('writes a draft that checks without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    expect((await runToEnd([...args, '-o', 'd.md'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'd.md'), 'utf8');
    expect(text).toContain('### 第5条 参加有组织犯罪集团行为的刑事定罪 / Article 5. Criminalization of participation in an organized criminal group {#untoc-5}');
    expect(text).toMatch(/- state: Calderra\n\s+instruments: \[untoc\]/);
    expect(run(['check', 'd.md'], dir).code).toBe(0);
  });
  it('never overwrites an existing file without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    writeFileSync(join(dir, 'd.md'), 'my work');
    const r = run([...args, '-o', 'd.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe('my work');
  });
  it('starts a summary from a list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    const r = run(['new', '--from', join(repo, 'examples', 'arcadia-list-of-observations.en.md')], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^document: summary$/m);
    expect(r.out).toContain('{#som-6}');
  });
  it('rejects wrong answers with the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    expect(run(['new', '--state', 'A', '--reviewer', 'B', '--reviewer', 'C', '--cluster', '5', '--party-to', 'untoc'], dir).err).toMatch(/--cluster must be 1, 2, 3 or 4/);
    expect(run(['new', '--state', 'A', '--reviewer', 'B', '--reviewer', 'C', '--cluster', '1', '--party-to', 'untoc,opium'], dir).err).toMatch(/unknown instrument "opium"/);
    expect(run(['new', '--state', 'A', '--reviewer', 'B', '--cluster', '1', '--party-to', 'untoc'], dir).code).toBe(2);
  });
});

describe('review-obs comments', () => {
  it('lists threads and suggestions with their comments, as text and JSON', () => {
    const r = run(['comments', 'test/fixtures/comments.draft.md'], repo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/test\/fixtures\/comments\.draft\.md:15 @aaaa1111 comment \(open\)/);
    expect(r.out).toMatch(/2026-11-23T09:10:00Z Li Wei \(Calderra\): Covers\./);
    expect(r.out).toMatch(/@ffff6666 suggested replacement: "this" → "that"/);
    const j = JSON.parse(run(['comments', 'test/fixtures/comments.draft.md', '--format', 'json'], repo).out) as { id: string; status: string; comments: unknown[] }[];
    expect(j.find((t) => t.id === 'bbbb2222')).toMatchObject({ status: 'resolved' });
    expect(j.find((t) => t.id === 'cccc3333')).toMatchObject({ status: 'open' });
    expect(j.find((t) => t.id === 'aaaa1111')?.comments).toHaveLength(2);
  });
  it('check reports open threads as errors at finalization', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    writeFileSync(join(dir, 'f.md'), readFileSync(join(fixtures, 'comments.draft.md'), 'utf8').replace('articles:', 'stage: finalization\narticles:'));
    const rows = JSON.parse(run(['check', 'f.md', '--format', 'json'], dir).out) as { code: string; severity: string }[];
    expect(rows.filter((x) => x.code === 'comment.open-thread').every((x) => x.severity === 'error')).toBe(true);
    expect(rows.filter((x) => x.code === 'comment.pending-suggestion').length).toBe(4);
  });
});

describe('review-obs diff', () => {
  it('lists word differences and exits 1 when there are some', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    writeFileSync(join(dir, 'a.md'), 'The offence is serious.\n\n犯罪所得洗钱。\n');
    writeFileSync(join(dir, 'b.md'), 'The crime is serious.\n\n犯罪收益洗钱。\n');
    const r = run(['diff', 'a.md', 'b.md'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('a.md:1:5 [-offence-]{+crime+}');
    expect(r.out).toMatch(/a\.md:3:\d+ \[-所得-\]\{\+收益\+\}/);
  });
  it('imports the differences as suggestions attributed to the co-reviewer; accepting them all gives the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    const draft = readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md'), 'utf8');
    writeFileSync(join(dir, 'draft.md'), draft);
    const copy = draft.replace('only four convictions', 'only three convictions').replace('None identified.', 'Training on asset recovery.');
    writeFileSync(join(dir, 'copy.md'), copy);
    expect((await runToEnd(['diff', 'draft.md', 'copy.md', '--as-suggestions', '--author', 'Li Wei (Calderra)', '-o', 'merged.md'], dir)).code).toBe(0);
    const merged = readFileSync(join(dir, 'merged.md'), 'utf8');
    expect(merged).toMatch(/\{~~four~>three~~\}\{>>@[a-z0-9]{8}<<\}/);
    expect(merged).toMatch(/\n\{>>@[a-z0-9]{8} \| Li Wei \(Calderra\) \| \d{4}-\d\d-\d\dT[\d:]+Z<<\}\n/);
    const c = JSON.parse(run(['comments', 'merged.md', '--format', 'json'], dir).out) as { kind: string }[];
    expect(c.filter((x) => x.kind === 'replacement')).toHaveLength(2);
    expect(run(['diff', 'draft.md', 'copy.md', '--as-suggestions'], dir).err).toMatch(/--author/);
  });
  it('reads a git revision as REV:PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q'); git('config', 'user.email', 't@example.invalid'); git('config', 'user.name', 't');
    writeFileSync(join(dir, 'd.md'), 'First version.\n'); git('add', 'd.md'); git('commit', '-qm', 'one');
    writeFileSync(join(dir, 'd.md'), 'Second version.\n');
    expect(run(['diff', 'HEAD:d.md', 'd.md'], dir).out).toContain('HEAD:d.md:1:1 [-First-]{+Second+}');
    expect(run(['diff', 'HEAD~5:d.md', 'd.md'], dir).code).toBe(2);
  });
});

describe('review-obs status', () => {
  it('prints who drafts which article and how far it has come, as a table and as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-'));
    const draft = readFileSync(join(repo, 'examples', 'arcadia-list-of-observations.en.md'), 'utf8')
      .replace('stage: drafting\n', 'stage: drafting\nassignments:\n  untoc-5: {state: Borealia, expert: Ana Pérez, status: agreed-with-state}\n  untoc-6: {state: Calderra, status: ready-for-co-reviewer}\n');
    writeFileSync(join(dir, 'd.md'), draft);
    const r = run(['status', 'd.md'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/untoc-5 Criminalization of participation in an o\s+Borealia \/ Ana Pérez\s+agreed-with-state\s+0\s+0\s+0/);
    expect(r.out).toMatch(/untoc-23 .*—\s+drafting\s+0\s+0\s+1/);
    expect(r.out).toContain('agreed 1/5 article(s)');
    const j = JSON.parse(run(['status', 'd.md', '--format', 'json'], dir).out) as { article: string; status: string }[];
    expect(j.map((x) => x.status)).toEqual(['agreed-with-state', 'ready-for-co-reviewer', 'drafting', 'drafting', 'drafting']);
  });
});
