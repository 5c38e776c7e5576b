// The same in-editor suite through @vscode/test-electron, for developers whose machine can download VS Code.
// Here (no network) use `npm run test:editor`, which runs it in code-server's VS Code instead.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
execFileSync('node', ['scripts/build.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'suite.js'),
    launchArgs: [prepareWorkspace(root), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`in-editor tests failed: ${e}`);
  process.exit(1);
}
