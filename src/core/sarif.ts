// Findings as SARIF 2.1.0, so code-scanning tools show them.
import { CODES } from './checks/index';
import type { DraftSummary } from './batch';

export function toSarif(drafts: DraftSummary[], version: string): object {
  const used = [...new Set(drafts.flatMap((d) => d.findings.map((f) => f.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'review-obs', version, rules: used.map((id) => ({ id, defaultConfiguration: { level: level(CODES[id] ?? 'warning') }, helpUri: `docs/rules/${id}.md` })) } },
      results: drafts.flatMap((d) => d.findings.map((f) => ({
        ruleId: f.code,
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: d.file.split('\\').join('/') }, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } }],
      }))),
    }],
  };
}
function level(s: string): 'error' | 'warning' | 'note' { return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note'; }
