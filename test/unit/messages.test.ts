// Every message of every bundle, formatted with its arguments, reads as a sentence: no placeholder left unfilled.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { afterAll, describe, expect, it } from 'vitest';

const dir = join(__dirname, '..', '..', 'l10n');
const english = JSON.parse(readFileSync(join(dir, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const bundles = readdirSync(dir).filter((f) => f.startsWith('bundle.l10n.'));

describe('every message of every bundle', () => {
  afterAll(() => l10n.config({ contents: {} }));
  for (const file of bundles) {
    it(`${file}: each message filled with its arguments leaves no placeholder behind`, () => {
      const contents = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
      l10n.config({ contents });
      const unfilled: string[] = [];
      for (const key of Object.keys(english)) {
        const n = Math.max(-1, ...[...key.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]))) + 1;
        const args = Array.from({ length: n }, (_, i) => `ARG${i}`);
        const out = l10n.t(key, ...args);
        // A hole the formatter could not fill (a placeholder inside braces, or a missing argument) shows as {N}.
        if (/\{\d+\}/.test(out) || args.some((a) => !out.includes(a))) unfilled.push(`${key} → ${out}`);
      }
      expect(unfilled).toEqual([]);
    });
  }
});
