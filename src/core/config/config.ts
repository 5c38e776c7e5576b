// The configuration file: found from a draft's folder upwards, validated against its schema, merged under the
// editor's settings and the command line's flags. One definition for both adapters.
import { t } from '@vscode/l10n';
import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { CheckOptions } from '../checks/options';
import { getArticle, type InstrumentKey } from '../domain/instruments';
import type { SeverityOverrides } from '../checks/finding';
import { deadlinesFrom, type StepId } from '../features/timeline';

export { deadlinesFrom };
import { LineIndex } from '../text/lines';
import { configSchema } from './schema';

export const CONFIG_FILE_NAMES = ['.review-obs.yaml', '.review-obs.yml', '.review-obs.json'] as const;

export interface ReviewConfig {
  severity?: SeverityOverrides;
  deadlines?: Partial<Record<StepId, { weeks?: number; months?: number }>>;
  summaryLimit?: { words?: number; characters?: number };
  ignore?: string[];
  clusters?: Partial<Record<'1' | '2' | '3' | '4', Partial<Record<InstrumentKey, number[]>>>>;
  masthead?: { organ?: string; distribution?: string; jobNumberPrefix?: string };
}

/** A problem in the configuration file, at its place: the file, the line and column, and the key. */
export interface ConfigProblem { file: string; line: number; column: number; endLine: number; endColumn: number; key: string; message: string }

export interface LoadedConfig { file: string; config: ReviewConfig; problems: ConfigProblem[] }

/** How a configuration file is looked for: the adapters' file systems (Node's, or vscode.workspace.fs). */
export interface ConfigReader {
  /** The file's text, or null when there is none. */
  read(path: string): Promise<string | null>;
  /** The parent folder, or null at the top (the file system's root, or the workspace's). */
  parent(dir: string): string | null;
  join(dir: string, name: string): string;
}

/** Where a configuration file for a draft in `dir` may be, nearest first: each folder upwards, each name in order. */
export function configCandidates(dir: string, reader: Pick<ConfigReader, 'parent' | 'join'>): string[] {
  const out: string[] = [];
  for (let d: string | null = dir; d !== null; d = reader.parent(d)) for (const name of CONFIG_FILE_NAMES) out.push(reader.join(d, name));
  return out;
}

/** The nearest configuration file from `dir` upwards, read and checked; null when there is none. */
export async function findConfig(dir: string, reader: ConfigReader): Promise<LoadedConfig | null> {
  for (const file of configCandidates(dir, reader)) {
    const text = await reader.read(file);
    if (text !== null) return { file, ...parseConfig(text, file) };
  }
  return null;
}

/** Reads a configuration file's text (YAML, of which JSON is a part): what is valid is kept, each problem reported. */
export function parseConfig(text: string, file: string): { config: ReviewConfig; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (range: [number, number] | null | undefined, key: string, message: string) => {
    const r = lines.rangeOf(range?.[0] ?? 0, range?.[1] ?? 0);
    problems.push({ file, line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, key, message });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) at([e.pos[0], e.pos[1]], '', t('{0}: {1}', file, e.message.split('\n')[0]!));
  if (doc.errors.length) return { config: {}, problems };
  const value = doc.toJS() as unknown;
  if (value === null || value === undefined) return { config: {}, problems };
  // Compiled for each file read (a few milliseconds; files are read once per folder, not per check).
  const validator = new Ajv({ allErrors: true, strict: false }).compile(configSchema());
  const ok = validator(value);
  const bad = new Set<string>();
  if (!ok) {
    for (const e of validator.errors ?? []) {
      const path = pathOf(e);
      const key = path.join('/');
      if (bad.has(key) && e.keyword === 'propertyNames') continue; // said once, by the name's own error
      bad.add(key);
      const isName = e.keyword === 'propertyNames' || e.keyword === 'additionalProperties' || nameOf(e) !== undefined;
      at(rangeOf(doc.contents as Node | null, path, isName), path.join('.'), describe(isName && e.keyword === 'enum' ? { ...e, keyword: 'propertyNames' } : e, path));
    }
  }
  // Keep what is valid: a mistyped code or period must not silently drop the rest of the file.
  const config = (prune(value, bad) ?? {}) as ReviewConfig;
  // Articles the instruments do not have: a typing error in a list the secretariat ships for a whole cycle.
  for (const [cluster, byInstrument] of Object.entries(config.clusters ?? {})) {
    for (const [k, list] of Object.entries(byInstrument ?? {})) {
      for (const [i, n] of (list ?? []).entries()) {
        if (getArticle(k as InstrumentKey, n)) continue;
        at(rangeOf(doc.contents as Node | null, ['clusters', cluster, k, String(i)], false), `clusters.${cluster}.${k}`, t('{0} has no article {1} (clusters.{2}.{0}).', k, n, cluster));
        byInstrument![k as InstrumentKey] = list!.filter((x) => x !== n);
      }
    }
  }
  return { config, problems };
}

function pathOf(e: ErrorObject): string[] {
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as { additionalProperty?: string; propertyName?: string };
  const name = nameOf(e);
  if (e.keyword === 'additionalProperties' && params.additionalProperty !== undefined) path.push(String(params.additionalProperty));
  // A name that is not allowed: its own enum error and the propertyNames one both carry the name.
  else if (name !== undefined) path.push(name);
  return path;
}

/** The property name an error is about, where Ajv says (on the error for a name's own check, in params otherwise). */
function nameOf(e: ErrorObject): string | undefined {
  return (e as ErrorObject & { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
}

function describe(e: ErrorObject, path: string[]): string {
  const key = path.join('.') || t('(the file)');
  switch (e.keyword) {
    case 'additionalProperties': return t('"{0}" is not a setting of this file; see its schema (the editor completes the names).', key);
    case 'propertyNames': return t('"{0}" is not a known name here; see its schema (the editor completes the names).', key);
    case 'enum': return t('"{0}" must be one of: {1}.', key, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', '));
    case 'type': return t('"{0}" must be {1}.', key, String((e.params as { type: string }).type));
    case 'minimum': return t('"{0}" must be at least {1}.', key, String((e.params as { limit: number }).limit));
    case 'uniqueItems': return t('"{0}" lists an article twice.', key);
    default: return t('"{0}": {1}.', key, e.message ?? e.keyword);
  }
}

/** The source range of a path in the YAML tree: the key itself for a name that is wrong, else the value. */
function rangeOf(node: Node | null, path: string[], key: boolean): [number, number] | null {
  let cur: Node | null = node;
  let keyRange: [number, number] | null = null;
  for (const step of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) return cur.range ? [cur.range[0], cur.range[1]] : null;
      keyRange = isScalar(pair.key) && pair.key.range ? [pair.key.range[0], pair.key.range[1]] : null;
      cur = pair.value as Node | null;
    } else if (isSeq(cur)) {
      cur = (cur.items[Number(step)] as Node | undefined) ?? null;
      keyRange = null;
    } else break;
  }
  if (key && keyRange) return keyRange;
  return cur?.range ? [cur.range[0], cur.range[1]] : keyRange;
}

/** The value without the parts the schema rejected (an object left empty by that goes too). */
function prune(v: unknown, bad: Set<string>, path: string[] = []): unknown {
  if (Array.isArray(v)) return v.filter((_, i) => !bad.has([...path, String(i)].join('/'))).map((x, i) => prune(x, bad, [...path, String(i)]));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    let removed = false;
    for (const [k, x] of Object.entries(v)) {
      const p = [...path, k];
      if (bad.has(p.join('/'))) { removed = true; continue; }
      const y = prune(x, bad, p);
      if (y === undefined) { removed = true; continue; }
      out[k] = y;
    }
    return removed && !Object.keys(out).length ? undefined : out;
  }
  return v;
}

/**
 * The options of a check: the configuration file's, then what the editor's settings or the command line's flags
 * set, each of those winning for what it sets (a severity per code, a deadline per step, the summary limit whole).
 */
export function checkOptionsFrom(config: ReviewConfig | null | undefined, overrides: CheckOptions = {}): CheckOptions {
  const c = config ?? {};
  const limit = overrides.summaryLimit ?? c.summaryLimit;
  return {
    ...overrides,
    severity: { ...c.severity, ...overrides.severity },
    deadlines: { ...deadlinesFrom(c.deadlines), ...overrides.deadlines },
    ...(limit && (limit.words || limit.characters) ? { summaryLimit: limit } : { summaryLimit: undefined }),
    ...(c.clusters ? { clusters: c.clusters } : {}),
    ...(c.masthead ? { masthead: c.masthead } : {}),
  };
}

/** Whether a file (its path relative to the configuration's folder, with /) is one the configuration ignores. */
export function isIgnored(config: ReviewConfig | null | undefined, relativePath: string): boolean {
  return (config?.ignore ?? []).some((g) => globToRegExp(g).test(relativePath));
}

/** A glob as a regular expression: `**` any folders, `*` any name part, `?` one character; a name alone matches anywhere. */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') { re += g[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += g[i + 2] === '/' ? 2 : 1; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(g.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}
