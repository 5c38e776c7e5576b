// SARIF that code-scanning services accept: Microsoft's validator on the findings of every fixture, and fingerprints
// that follow a finding when lines move.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const repo = join(__dirname, '..', '..');
const multitool = join(repo, 'node_modules', '.bin', 'sarif-multitool');

async function sarifOf(dir: string, args: string[] = ['.']): Promise<{ text: string; log: { runs: { tool: { driver: { informationUri?: string; rules: { id: string; helpUri?: string; help?: { markdown?: string; text?: string }; shortDescription?: { text: string } }[] } }; originalUriBaseIds?: Record<string, { uri: string }>; results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[] }[] }[] } }> {
  const out: string[] = [];
  await main(['check', ...args, '--format', 'sarif'], { out: (s) => out.push(s), err: () => {}, cwd: dir });
  const text = out.join('\n');
  return { text, log: JSON.parse(text) };
}

describe('SARIF', () => {
  it('passes Microsoft\'s SARIF validator with no error or warning, for the findings of every fixture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-sarif-'));
    cpSync(join(repo, 'test', 'fixtures'), dir, { recursive: true });
    const { text, log } = await sarifOf(dir);
    const file = join(dir, 'findings.sarif');
    writeFileSync(file, text);
    const r = spawnSync(multitool, ['validate', file], { encoding: 'utf8', timeout: 120_000 });
    const problems = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /\b(error|warning) SARIF\d+/.test(l));
    expect(problems).toEqual([]);
    expect(r.stdout).toMatch(/Analysis completed successfully/);
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(50);
    // Every rule says what it is without the repository: its page's text and Markdown.
    for (const rule of run.tool.driver.rules) {
      expect(rule.help?.markdown, rule.id).toBe(readFileSync(join(repo, 'docs', 'rules', `${rule.id}.md`), 'utf8'));
      expect(rule.shortDescription?.text.length, rule.id).toBeGreaterThan(10);
      if (rule.helpUri) expect(rule.helpUri).toMatch(/^https?:\/\//);
    }
    // Locations relative to a base the file names.
    expect(run.originalUriBaseIds?.SRCROOT?.uri).toMatch(/^file:\/\/\/.*\/$/);
    for (const res of run.results) expect(res.locations[0]!.physicalLocation.artifactLocation).toMatchObject({ uriBaseId: 'SRCROOT', uri: expect.not.stringMatching(/^\//) });
  }, 180_000);

  it('keeps each finding\'s fingerprint when lines are inserted above it, and tells two equal findings apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-sarif-'));
    const draft = readFileSync(join(repo, 'test', 'fixtures', 'structure.draft.md'), 'utf8');
    writeFileSync(join(dir, 'd.md'), draft);
    const before = (await sarifOf(dir, ['d.md'])).log.runs[0]!.results;
    writeFileSync(join(dir, 'd.md'), draft.replace('\n# ', '\nAn added paragraph.\n\nAnother one.\n\n# '));
    const after = (await sarifOf(dir, ['d.md'])).log.runs[0]!.results;
    const prints = (rs: typeof before) => rs.map((r) => `${r.ruleId} ${r.partialFingerprints['reviewObservations/v1']}`).sort();
    expect(prints(after)).toEqual(prints(before));
    expect(after[0]!.locations[0]!.physicalLocation.region.startLine).not.toBe(before[0]!.locations[0]!.physicalLocation.region.startLine);
    expect(new Set(before.map((r) => r.partialFingerprints['reviewObservations/v1'])).size).toBe(before.length);
  });
});
