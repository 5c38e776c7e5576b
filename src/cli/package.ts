// The package's own facts (version, home page) read from its package.json, so nothing states them twice.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PackageInfo { version: string; homepage: string | undefined; root: string }

let info: PackageInfo | undefined;

/** package.json from this module's folder upwards (dist/ when bundled, src/cli/ in the tests). */
export function packageInfo(): PackageInfo {
  if (info) return info;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string; homepage?: string; repository?: { url?: string } | string };
      if (pkg.name === 'review-observations') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        return (info = { version: pkg.version ?? '0.0.0', homepage: pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, ''), root: dir });
      }
    }
    if (dirname(dir) === dir) return (info = { version: '0.0.0', homepage: undefined, root: __dirname });
  }
}
