// Prepares the throwaway workspace the in-editor suite opens (shared by the code-server and the test-electron runners).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function prepareWorkspace(root, into = mkdtempSync(join(tmpdir(), 'review-obs-ws-'))) {
  cpSync(join(root, 'test', 'editor', 'workspace'), into, { recursive: true });
  cpSync(join(root, 'examples', 'arcadia-list-of-observations.en.md'), join(into, 'arcadia-list-of-observations.en.md'));
  // A git repository, so "Compare with a git revision" has a revision to compare with.
  const git = (...a) => execFileSync('git', a, { cwd: into, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '.');
  git('commit', '-qm', 'workspace');
  return into;
}
