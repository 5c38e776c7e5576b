// One configuration file for the editor, the CLI and the secretariat: found upwards, validated at its place, merged
// under the flags, honoured for severities, deadlines, the summary limit, ignored files, clusters and the masthead.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { checkOptionsFrom, findConfig, globToRegExp, parseConfig } from '../../src/core/config/config';
import { configSchema } from '../../src/core/config/schema';

const repo = join(__dirname, '..', '..');

async function run(args: string[], cwd: string) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A draft of cluster 1 without "articles" (so the cluster's articles apply), with one part written. */
const draft = (extra = '') => `---
document: list-of-observations
state-under-review: Arcadia
reviewing-states: [Borealia, Calderra]
cluster: 1
party-to: [untoc]
review-start: 2022-01-10
${extra}---

# List of observations: Arcadia

## Introduction {#introduction}

Text.
`;

describe('the configuration file', () => {
  it('reads what is valid and reports each problem at its file, line and key', () => {
    const text = [
      'severity:',
      '  structure.empty-part: off',
      '  structure.no-such-rule: warning',
      '  structure.order: loud',
      'deadlines:',
      '  feedback: { months: 4 }',
      '  experts: { weeks: -1 }',
      'summaryLimit: { words: 3000 }',
      'clusters:',
      '  "1": { untoc: [5, 6, 999] }',
      'colour: blue',
      '',
    ].join('\n');
    const { config, problems } = parseConfig(text, '/r/.review-obs.yaml');
    expect(config.severity).toEqual({ 'structure.empty-part': 'off' });
    expect(config.deadlines).toEqual({ feedback: { months: 4 } });
    expect(config.summaryLimit).toEqual({ words: 3000 });
    expect(config.clusters).toEqual({ 1: { untoc: [5, 6] } });
    const at = (key: string) => problems.find((p) => p.key === key);
    expect(at('severity.structure.no-such-rule')).toMatchObject({ file: '/r/.review-obs.yaml', line: 3, column: 3 });
    expect(at('severity.structure.order')).toMatchObject({ line: 4, column: 20 });
    expect(at('severity.structure.order')!.message).toMatch(/must be one of: error, warning, info, off/);
    expect(at('deadlines.experts.weeks')).toMatchObject({ line: 7 });
    expect(at('clusters.1.untoc')).toMatchObject({ line: 10, message: expect.stringMatching(/untoc has no article 999/) });
    expect(at('colour')).toMatchObject({ line: 11, column: 1 });
    expect(problems).toHaveLength(5);
  });

  it('reads JSON as well, and names a syntax error at its place', () => {
    expect(parseConfig('{ "summaryLimit": { "characters": 6000 } }', 'c.json')).toEqual({ config: { summaryLimit: { characters: 6000 } }, problems: [] });
    const bad = parseConfig('severity:\n  a: [\n', '/r/.review-obs.yaml');
    expect(bad.config).toEqual({});
    expect(bad.problems[0]).toMatchObject({ file: '/r/.review-obs.yaml', line: expect.any(Number) });
  });

  it('is the nearest one from the draft\'s folder upwards, .yaml before .yml before .json', async () => {
    const files: Record<string, string> = { '/a/.review-obs.json': '{}', '/a/b/.review-obs.yml': 'ignore: [x]', '/a/b/.review-obs.json': '{}' };
    const reader = { read: async (p: string) => files[p] ?? null, parent: (d: string) => (d === '/' ? null : d.slice(0, d.lastIndexOf('/')) || '/'), join: (d: string, n: string) => `${d === '/' ? '' : d}/${n}` };
    expect((await findConfig('/a/b/c', reader))?.file).toBe('/a/b/.review-obs.yml');
    expect((await findConfig('/a', reader))?.file).toBe('/a/.review-obs.json');
    expect(await findConfig('/z', reader)).toBeNull();
  });

  it('is merged under the settings and flags: each of those wins for what it sets', () => {
    const o = checkOptionsFrom({ severity: { 'structure.order': 'off', 'structure.empty-part': 'info' }, deadlines: { feedback: { months: 4 } }, summaryLimit: { words: 100 } },
      { severity: { 'structure.order': 'error' }, summaryLimit: { characters: 50 } });
    expect(o.severity).toEqual({ 'structure.order': 'error', 'structure.empty-part': 'info' });
    expect(o.deadlines?.feedback).toMatchObject({ months: 4, from: 'questionnaire-received' });
    expect(o.summaryLimit).toEqual({ characters: 50 });
  });

  it('ignores by glob: ** any folders, * within a name, a bare name anywhere', () => {
    expect(globToRegExp('archive/**').test('archive/2021/a.md')).toBe(true);
    expect(globToRegExp('archive/**').test('drafts/archive.md')).toBe(false);
    expect(globToRegExp('*.old.md').test('x/y/list.old.md')).toBe(true);
    expect(globToRegExp('**/tmp/*.md').test('tmp/a.md')).toBe(true);
    expect(globToRegExp('a?.md').test('ab.md')).toBe(true);
  });

  it('has its JSON Schema in schemas/ as the core defines it (npm run schema)', () => {
    expect(JSON.parse(readFileSync(join(repo, 'schemas', 'review-obs.schema.json'), 'utf8'))).toEqual(configSchema());
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: ['.review-obs.json'], url: './schemas/review-obs.schema.json' });
  });
});

describe('review-obs with a configuration file', () => {
  it('honours its severities, deadlines, ignored files and clusters, under the flags, and reports its problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-config-'));
    mkdirSync(join(dir, 'drafts', 'archive'), { recursive: true });
    writeFileSync(join(dir, '.review-obs.yaml'), [
      'severity:',
      '  structure.missing-article: info',
      'deadlines:',
      '  focal-point: { weeks: 1 }',
      'ignore: ["drafts/archive/**"]',
      'clusters:',
      '  "1": { untoc: [5, 23] }',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'drafts', 'a.md'), draft());
    writeFileSync(join(dir, 'drafts', 'archive', 'old.md'), draft());
    const r = await run(['check', 'drafts', '--format', 'json', '--today', '2022-02-01'], dir);
    const findings = JSON.parse(r.out) as { file: string; code: string; severity: string; message: string }[];
    expect(findings.map((f) => f.file)).not.toContain('drafts/archive/old.md');
    // The cluster's articles are the configuration's: 5 and 23 are missing, nothing else, and not "provisional".
    const missing = findings.filter((f) => f.code === 'structure.missing-article');
    expect(missing.map((f) => f.message).join(' ')).toMatch(/5/);
    expect(missing.map((f) => f.message).join(' ')).toMatch(/23/);
    expect(missing).toHaveLength(2);
    expect(missing.every((f) => f.severity === 'info')).toBe(true);
    expect(findings.map((f) => f.code)).not.toContain('frontmatter.provisional-articles');
    // The focal point was due a week after the start: overdue by 2022-02-01.
    expect(findings.find((f) => f.code === 'timeline.overdue')?.message).toMatch(/2022-01-17/);
    // A flag wins over the file.
    const flagged = JSON.parse((await run(['check', 'drafts', '--format', 'json', '--severity', 'structure.missing-article=error'], dir)).out) as { code: string; severity: string }[];
    expect(flagged.filter((f) => f.code === 'structure.missing-article').every((f) => f.severity === 'error')).toBe(true);
    // A named file is checked even when the configuration ignores it.
    expect((await run(['check', 'drafts/archive/old.md', '--format', 'json'], dir)).out).toContain('drafts/archive/old.md');
    // A wrong entry: a finding at the file, line and key, the exit status says so, the rest still applies.
    writeFileSync(join(dir, '.review-obs.yaml'), 'severity:\n  structure.missing-article: quiet\nignore: ["drafts/archive/**"]\n');
    const bad = await run(['check', 'drafts'], dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^\.review-obs\.yaml:2:30 error config\.invalid "severity\.structure\.missing-article" must be one of/m);
    expect(bad.out).not.toContain('archive/old.md');
  });

  it('gives a new draft the configuration\'s articles of its cluster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-config-'));
    writeFileSync(join(dir, '.review-obs.yaml'), 'clusters:\n  "1": { untoc: [23, 5], tip: [5] }\n');
    expect((await run(['new', '--state', 'Arcadia', '--reviewer', 'B', '--reviewer', 'C', '--cluster', '1', '--party-to', 'untoc', '-o', 'n.md'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'n.md'), 'utf8');
    expect(text).toMatch(/articles:\n\s+untoc: \[ ?5, 23 ?\]/);
    expect(text).not.toContain('tip:');
  });

  it('gives the export its masthead defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-config-'));
    writeFileSync(join(dir, '.review-obs.json'), JSON.stringify({ masthead: { organ: 'Working Group on Technical Assistance', distribution: 'limited', jobNumberPrefix: 'V.' } }));
    writeFileSync(join(dir, 'a.md'), draft('job-number: 26-01234\n'));
    expect((await run(['export', 'a.md', '-o', 'a.docx'], dir)).code).toBe(0);
    const doc = await (await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')))).file('word/document.xml')!.async('string');
    expect(doc).toContain('Working Group on Technical Assistance');
    expect(doc).toContain('Distr.: Limited');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')));
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toContain('V.26-01234');
  });
});
