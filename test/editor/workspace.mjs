// Prepares the throwaway workspace the in-editor suite opens (shared by the code-server and the test-electron runners).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function prepareWorkspace(root, into = mkdtempSync(join(tmpdir(), 'review-obs-ws-'))) {
  cpSync(join(root, 'test', 'editor', 'workspace'), into, { recursive: true });
  cpSync(join(root, 'examples', 'arcadia-list-of-observations.en.md'), join(into, 'arcadia-list-of-observations.en.md'));
  return into;
}
