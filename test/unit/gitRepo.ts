// A throwaway git repository holding one draft, for tests that merge co-reviewers' copies with real git.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];

/** Removes every repository made so far (a test file calls it in afterAll). */
export function removeRepos(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** `draft.md` committed as `base` on main; branches are made from main, merges report whether git merged cleanly. */
export function draftRepo(base: string, conflictStyle = 'merge') {
  const dir = mkdtempSync(join(tmpdir(), 'ro-git-'));
  dirs.push(dir);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('config', 'core.autocrlf', 'false');
  git('config', 'merge.conflictStyle', conflictStyle);
  const write = (t: string) => writeFileSync(join(dir, 'draft.md'), t);
  write(base);
  git('add', 'draft.md');
  git('commit', '-qm', 'base');
  const branch = (name: string, text: string) => { git('checkout', '-q', 'main'); git('checkout', '-qb', name); write(text); git('commit', '-q', '--allow-empty', '-am', name); };
  const merge = (a: string, b: string): { ok: boolean; text: string } => {
    git('checkout', '-q', a);
    try { git('merge', '-q', '--no-edit', b); return { ok: true, text: readFileSync(join(dir, 'draft.md'), 'utf8') }; }
    catch { return { ok: false, text: readFileSync(join(dir, 'draft.md'), 'utf8') }; }
  };
  return { branch, merge };
}
