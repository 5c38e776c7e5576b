// What the CLI writes and prints cannot be turned against its user: never over the draft, never through a planted
// link, never a terminal escape from a draft's text.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const repo = join(__dirname, '..', '..');
const draft = readFileSync(join(repo, 'test', 'fixtures', 'valid.draft.md'), 'utf8');
async function run(args: string[], cwd: string) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the CLI writes safely', () => {
  it('never exports over the draft itself, nor over an existing file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'd.md'), draft);
    const self = await run(['export', 'd.md', '-o', 'd.md'], dir);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/d\.md is the draft itself/);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toBe(draft);
    writeFileSync(join(dir, 'other.docx'), 'keep me');
    const existing = await run(['export', 'd.md', '-o', 'other.docx'], dir);
    expect(existing.code).toBe(2);
    expect(existing.err).toMatch(/other\.docx already exists; write elsewhere with -o FILE, or add --force/);
    // A folder is never replaced, --force or not, and the message says to name a file.
    mkdirSync(join(dir, 'out.docx'));
    for (const force of [[], ['--force']]) {
      const folder = await run(['export', 'd.md', '-o', 'out.docx', ...force], dir);
      expect(folder.code).toBe(2);
      expect(folder.err).toMatch(/out\.docx is a folder; give a file name with -o/);
    }
    expect(readFileSync(join(dir, 'other.docx'), 'utf8')).toBe('keep me');
    expect((await run(['export', 'd.md', '-o', 'other.docx', '--force'], dir)).code).toBe(0);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write through a symbolic link at the target, and names the target in the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'd.md'), draft);
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'out.md'));
    const r = await run(['new', '--from', 'd.md', '-o', 'out.md', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/could not write .*out\.md: .*symbolic link/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'out.md')).isSymbolicLink()).toBe(true);
  });
});

describe('the CLI reads safely', () => {
  it('a folder with a FIFO, a link to /dev/zero and a link loop: each is named once, never read, and the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'good.md'), draft);
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync(join(dir, 'loop.md'), join(dir, 'loop.md'));
    symlinkSync(dir, join(dir, 'again.md')); // a link to the folder itself: not followed
    const r = await run(['check', '.', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as { file: string; code: string; message: string }[];
    const by = (f: string) => findings.filter((x) => x.file === f).map((x) => ({ code: x.code, message: x.message }));
    expect(by('good.md')).toEqual([]);
    expect(by('pipe.md')).toMatchObject([{ code: 'file.unreadable', message: expect.stringMatching(/named pipe/) }]);
    expect(by('zero.md')).toMatchObject([{ code: 'file.unreadable', message: expect.stringMatching(/device/) }]);
    expect(by('loop.md')).toMatchObject([{ code: 'file.unreadable', message: expect.stringMatching(/points to itself/) }]);
    expect(by('again.md')).toEqual([]);
  });

  it('a git revision cannot smuggle an option into git (diff -- --output=…)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'd.md'), draft);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = await run(['diff', '--', '--output=evil:x', 'd.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot start with "-"/);
    expect(existsSync(join(dir, 'evil'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'd.md']);
  });
});

describe('the CLI says what stopped a write', () => {
  it('a missing folder is named as such, never a temporary file or a raw ENOENT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'd.md'), draft);
    const r = await run(['export', 'd.md', '-o', join(dir, 'no', 'such', 'x.docx')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the folder .*such does not exist; create it/);
    expect(r.err).not.toMatch(/ENOENT|\.tmp/);
  });
});

describe('the CLI prints safely', () => {
  it('shows control characters of a draft as escapes in text output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-safe-'));
    writeFileSync(join(dir, 'e.md'), draft.replace('state-under-review: Arcadia', 'state-under-review: Arcadia\nbogus-\u001b]0;pwned\u0007: 1'));
    const r = await run(['check', 'e.md'], dir);
    expect(r.out).not.toMatch(/[\u001b\u0007]/);
    expect(r.out).toContain('\\u001b');
    expect(existsSync(join(dir, 'e.md'))).toBe(true);
  });
});
