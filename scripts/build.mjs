// Bundles the extension and the CLI with esbuild (one file each, so the extension activates without module lookups).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** In the web build, the modules that differ there: the Word bundle is part of it. */
const webModules = {
  name: 'web-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/wordBundle$/ }, (a) => ({ path: join(a.resolveDir, 'wordBundle.web.ts') }));
    b.onResolve({ filter: /^\.\/digestBundle$/ }, (a) => ({ path: join(a.resolveDir, 'digestBundle.web.ts') }));
    b.onResolve({ filter: /^node:/ }, (a) => ({ errors: [{ text: `${a.path} is a Node built-in: the web build cannot use it (imported by ${a.importer})` }] }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  // The banner marks when the bundle starts to run, so activation time counts the loading of every module in it.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'], minify: true, banner: { js: 'var __reviewObsLoadStart=performance.now();' }, plugins: [lazyLibraries] }),
  build({ ...common, entryPoints: ['src/extension/libraries.ts'], outfile: 'dist/libraries.js', format: 'cjs', minify: true }),
  // The Word exporter (the docx library is a third of the extension's code) is required only when a user exports.
  build({ ...common, entryPoints: ['src/extension/docxExport.ts'], outfile: 'dist/docx-export.js', format: 'cjs', minify: true, plugins: [lazyLibraries] }),
  // The digest's Word and spreadsheet writers (exceljs): required only when a digest is written as .docx or .xlsx.
  build({ ...common, entryPoints: ['src/extension/digestEntry.ts'], outfile: 'dist/digest.js', format: 'cjs', minify: true }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  // The web build (vscode.dev, github.dev, a web worker extension host): one bundle, libraries and the Word exporter
  // included, files read only through vscode.workspace.fs. A Node built-in reaching it fails the build.
  build({
    ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs',
    // "worker" first: VS Code runs web extensions in a web worker, where packages' DOM builds find no document.
    conditions: ['worker'], external: ['vscode'], minify: true, metafile: true, banner: { js: 'var __reviewObsLoadStart=performance.now();' },
    plugins: [webModules],
  }).then((r) => writeFileSync('dist/web/meta.json', JSON.stringify(r.metafile))),
  // The in-editor test suite is built only for the tests; it is not part of the packaged extension.
  ...(process.argv.includes('--tests')
    ? [build({ ...common, entryPoints: ['test/editor/suite/index.ts'], outfile: 'dist/test/suite.js', format: 'cjs', external: ['vscode', 'mocha'] })]
    : []),
  ...(process.argv.includes('--bench')
    ? [build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', format: 'cjs' })]
    : []),
]);
