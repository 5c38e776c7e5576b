// Findings as SARIF 2.1.0 that code-scanning services accept: rules described from their doc pages, locations relative
// to a base, and fingerprints that follow a finding when lines move.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { REGISTRY } from '../checks/index';
import type { DraftSummary } from './summary';

export interface SarifOptions {
  version: string;
  /** The tool's home page, when it has one: SARIF wants an absolute URI, never a path. */
  informationUri?: string;
  /** The doc page (Markdown) of a rule, when the caller can read it. */
  ruleDoc?(code: string): string | undefined;
  /** Absolute `file:` URI of the folder the drafts' paths are relative to (ends with a slash). */
  baseUri?: string;
  /** A draft's text, when the caller can give it: a finding's fingerprint then holds the text it is on. */
  textOf?(file: string): string | undefined;
}

/**
 * A rule's descriptions: the short one is the registry's summary (the first paragraph of its page), the full one adds
 * the page's "Why" section, and the help is the page, when the caller can read it.
 */
function describe(code: string, doc: string | undefined): Pick<ReportingDescriptor, 'shortDescription' | 'fullDescription' | 'help'> {
  const first = plain(REGISTRY.get(code)?.summary ?? code);
  if (!doc) return { shortDescription: { text: first } };
  const body = doc.replace(/^# .*\n+/, '');
  const why = /(?:^|\n)## Why\n+([\s\S]*?)(?=\n## |$)/.exec(body)?.[1]?.trim();
  return {
    shortDescription: { text: first },
    fullDescription: { text: why ? `${first} ${plain(why)}` : first },
    help: { text: plain(body), markdown: doc },
  };
}

/** Markdown as plain text: code marks, emphasis and link syntax dropped, lines joined. */
function plain(md: string): string {
  return md.replace(/```[\s\S]*?```/g, (m) => m.replace(/```\w*\n?/g, '')).replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/^#+ /gm, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** A short stable hash (two FNV-1a words) of a string. */
function hash(s: string): string {
  let a = 0x811c9dc5, b = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const isAbsolute = (u: string | undefined): u is string => !!u && /^[a-z][a-z0-9+.-]*:/i.test(u);

export function toSarif(drafts: DraftSummary[], options: SarifOptions): Log {
  const used = [...new Set(drafts.flatMap((d) => d.findings.map((f) => f.code)))].sort();
  const rules: ReportingDescriptor[] = used.map((id) => ({
    id,
    name: id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
    ...describe(id, options.ruleDoc?.(id)),
    // Only a page that exists at an absolute address: a path in this repository means nothing to a scanning service.
    ...(isAbsolute(options.informationUri) ? { helpUri: `${options.informationUri.replace(/\/$/, '')}/blob/main/docs/rules/${id}.md` } : {}),
    defaultConfiguration: { level: level(REGISTRY.get(id)?.defaultSeverity ?? 'warning') },
  }));
  const index = new Map(used.map((id, i) => [id, i]));
  const results: Result[] = drafts.flatMap((d) => {
    // The same finding on another line is the same finding: code, the text it is on and its rank among equal ones.
    const seen = new Map<string, number>();
    const text = options.textOf?.(d.file);
    const lines = text?.split(/\r?\n/);
    /** The text the finding is on (its first line's), which stays when lines are added above it. */
    const on = (f: DraftSummary['findings'][number]) => (lines?.[f.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
    const path = d.file.split('\\').join('/');
    // A path given absolute stays an absolute file URI; a relative one is relative to the base.
    const absolute = /^(?:\/|[A-Za-z]:\/)/.test(path);
    const uri = (absolute ? `file://${path.startsWith('/') ? '' : '/'}` : '') + path.split('/').map((s, i) => (absolute && i === 0 && /:$/.test(s) ? s : encodeURIComponent(s))).join('/');
    return d.findings.map((f): Result => {
      // Without the text, the message (which may name a line) has to do.
      const key = `${d.file}\u0000${f.code}\u0000${lines ? on(f) : f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return {
        ruleId: f.code,
        ruleIndex: index.get(f.code)!,
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri, ...(options.baseUri && !absolute ? { uriBaseId: 'SRCROOT' } : {}) },
          region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
        } }],
        partialFingerprints: { 'reviewObservations/v1': `${hash(key)}:${n}` },
      };
    });
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'review-obs', version: options.version, semanticVersion: options.version, ...(isAbsolute(options.informationUri) ? { informationUri: options.informationUri } : {}), rules } },
      ...(options.baseUri ? { originalUriBaseIds: { SRCROOT: { uri: options.baseUri } } } : {}),
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}
function level(s: string): 'error' | 'warning' | 'note' { return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note'; }
