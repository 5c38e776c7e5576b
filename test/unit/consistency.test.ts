// Keeps the manifest, the rule docs, the finding codes and the core's purity in step with each other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, REGISTRY } from '../../src/core/index';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('consistency', () => {
  it('every finding code has a doc page and every doc page a code', () => {
    const docs = readdirSync(join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, '')).sort();
    expect(docs).toEqual(Object.keys(CODES).sort());
  });
  it('every code\'s summary in the registry is the first paragraph of its doc page, and its page says when it escalates', () => {
    for (const c of REGISTRY.values()) {
      const page = readFileSync(join(root, 'docs', 'rules', `${c.code}.md`), 'utf8');
      expect(page.startsWith(`# \`${c.code}\`\n\n`), c.code).toBe(true);
      const first = page.split(/\n\s*\n/)[1]!.replace(/\s*\n\s*/g, ' ').trim();
      expect(c.summary, c.code).toBe(first);
      if (c.escalates) expect(page, c.code).toMatch(/error when the front matter says `stage: finalization`|an error at `stage: finalization`/);
    }
  });
  it('the severity setting lists exactly the finding codes', () => {
    expect([...pkg.contributes.configuration.properties['reviewObservations.severity'].propertyNames.enum].sort()).toEqual(Object.keys(CODES).sort());
  });
  it('every %key% of the manifest is in package.nls.json and its Chinese translation', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) { expect(nls, k).toHaveProperty([k]); expect(nlsZh, k).toHaveProperty([k]); }
  });
  it('keys are bound in drafts only, never over a chord VS Code has (Alt+F8 is its next problem)', () => {
    const taken = ['alt+f8', 'shift+alt+f8', 'f8', 'shift+f8', 'alt+]', 'alt+['];
    for (const k of pkg.contributes.keybindings as { key: string; mac?: string; when?: string }[]) {
      expect(taken, k.key).not.toContain(k.key);
      expect(k.when, k.key).toMatch(/reviewObservations\.draftActive/);
    }
  });
  it('every contributed command is registered by the extension', () => {
    const src = files(join(root, 'src', 'extension')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const c of pkg.contributes.commands) expect(src).toContain(`'${c.command}'`);
  });
  it('every setting has a type, a default and a description', () => {
    for (const [k, v] of Object.entries(pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>)) {
      expect(v, k).toHaveProperty('type');
      expect(v, k).toHaveProperty('default');
      expect(v, k).toHaveProperty('markdownDescription');
    }
  });
  it('the core never imports vscode', () => {
    for (const f of files(join(root, 'src', 'core')).filter((x) => x.endsWith('.ts'))) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"]vscode['"]|require\(['"]vscode['"]\)/);
    }
  });
  it('the core holds no module-level mutable state: no top-level let or var, no top-level cache', () => {
    // Tables built once from literals or the bundled treaty data are constants; a Map or cache filled while running is not.
    const constantTables = /^(?:export )?const [A-Z_]+(?:: Readonly(?:Map|Set)<[^=]+)? = new (?:Set<string>\(|Set\(\[|Map<InstrumentKey, Instrument>\(INSTRUMENT_KEYS|Map\(\[\.\.\.RULES)/;
    const offending: string[] = [];
    for (const f of files(join(root, 'src', 'core')).filter((x) => x.endsWith('.ts'))) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/^(?:export )?(?:let|var) /.test(line)) offending.push(`${f}:${i + 1}: ${line}`);
        else if (/^(?:export )?const \w+(?:: [^=]+)? = new (?:Map|WeakMap|Set|TextCache|SectionCache)\b/.test(line) && !constantTables.test(line)) offending.push(`${f}:${i + 1}: ${line}`);
      });
    }
    expect(offending).toEqual([]);
  });
  it('the copied domain data matches the hashes its provenance records', async () => {
    const { createHash } = await import('node:crypto');
    const prov = readFileSync(join(root, 'src', 'core', 'domain', 'data', 'PROVENANCE.md'), 'utf8');
    for (const f of ['instruments.json', 'clusters.json']) {
      const h = createHash('sha256').update(readFileSync(join(root, 'src', 'core', 'domain', 'data', f))).digest('hex');
      expect(prov).toContain(`| ${f} | ${h} |`);
    }
  });
  it('snippets and grammar are valid JSON and use the part classes of the blueprint', () => {
    const sn = readFileSync(join(root, 'snippets', 'markdown.code-snippets'), 'utf8');
    for (const p of ['implementation', 'gaps', 'good-practices', 'suggestions', 'technical-assistance']) expect(sn).toContain(`{.${p}}`);
    JSON.parse(readFileSync(join(root, 'syntaxes', 'review-observations.injection.tmLanguage.json'), 'utf8'));
  });
});
