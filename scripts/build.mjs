// Bundles the extension and the CLI with esbuild (one file each, so the extension activates without module lookups).
import { build } from 'esbuild';

/**
 * Libraries the extension needs to check a draft but not to activate. The extension bundle gets, in their place, a
 * module of the same named functions that requires dist/libraries.js on first call; names are read from the libraries
 * themselves, so a name the code imports but a stand-in lacks fails the build.
 */
const LAZY = ['yaml', 'unified', 'remark-parse', 'remark-gfm', 'ajv'];
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (a) => ({ path: a.path, namespace: 'lazy-library' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-library' }, async (a) => {
      const lib = await import(a.path);
      const names = Object.keys(lib).filter((k) => typeof lib[k] === 'function');
      const load = `require(require('node:path').join(__dirname, 'libraries.js')).libraries[${JSON.stringify(a.path)}]`;
      const contents = [`let lib;`, `const load = () => (lib ??= ${load});`,
        // A stand-in called with new constructs the real class (yaml's Document); Reflect, because unified's callable
        // processor does not inherit Function.prototype.apply.
        ...names.map((n) => `export ${n === 'default' ? 'default function' : `function ${n}`}(...a) { const f = load()[${JSON.stringify(n)}]; return new.target ? Reflect.construct(f, a) : Reflect.apply(f, this, a); }`)];
      return { contents: contents.join('\n'), loader: 'js', resolveDir: process.cwd() };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  // The banner marks when the bundle starts to run, so activation time counts the loading of every module in it.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'], minify: true, banner: { js: 'var __reviewObsLoadStart=performance.now();' }, plugins: [lazyLibraries] }),
  build({ ...common, entryPoints: ['src/extension/libraries.ts'], outfile: 'dist/libraries.js', format: 'cjs', minify: true }),
  // The Word exporter (the docx library is a third of the extension's code) is required only when a user exports.
  build({ ...common, entryPoints: ['src/extension/docxExport.ts'], outfile: 'dist/docx-export.js', format: 'cjs', minify: true, plugins: [lazyLibraries] }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  // The in-editor test suite is built only for the tests; it is not part of the packaged extension.
  ...(process.argv.includes('--tests')
    ? [build({ ...common, entryPoints: ['test/editor/suite/index.ts'], outfile: 'dist/test/suite.js', format: 'cjs', external: ['vscode', 'mocha'] })]
    : []),
  ...(process.argv.includes('--bench')
    ? [build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', format: 'cjs' })]
    : []),
]);
