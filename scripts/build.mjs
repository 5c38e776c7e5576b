// Bundles the extension and the CLI with esbuild (one file each, so the extension activates without module lookups).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'], minify: true }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  // The in-editor test suite is built only for the tests; it is not part of the packaged extension.
  ...(process.argv.includes('--tests')
    ? [build({ ...common, entryPoints: ['test/editor/suite/index.ts'], outfile: 'dist/test/suite.js', format: 'cjs', external: ['vscode', 'mocha'] })]
    : []),
  ...(process.argv.includes('--bench')
    ? [build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', format: 'cjs' })]
    : []),
]);
