// Reads and validates a draft's YAML front matter into the review it describes, with findings at the faulty field.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { t } from '@vscode/l10n';
import { instrumentName } from '../domain/describe';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/blueprint';
import { getCluster } from '../domain/clusters';
import { getArticle, INSTRUMENT_KEYS, isInstrumentKey, UN_LANGUAGES, type InstrumentKey } from '../domain/instruments';
import { isCalendarDate } from '../text/dates';

export interface ReviewingState { state: string; instruments: InstrumentKey[] }
export type Stage = 'drafting' | 'finalization';

export interface ReviewInfo {
  kind: DocumentKind;
  stateUnderReview: string;
  reviewingStates: ReviewingState[];
  cluster: number | null;
  partyTo: InstrumentKey[];
  languages: string[];
  group: number | null;
  reviewStart: string | null;
  /** Every recorded step date, and where it stands in the file (document offsets). */
  dates: Partial<Record<DateField, string>>;
  dateRanges: Partial<Record<DateField, [number, number]>>;
  stage: Stage;
  /** Articles under review per instrument, in front-matter order; absent instruments have none. */
  articles: Map<InstrumentKey, number[]>;
  /** Whether `articles` came from the front matter or was defaulted from the (provisional) cluster data. */
  articlesFrom: 'front-matter' | 'cluster-data';
  assignments: Map<string, Assignment>;
  /** UN document identifiers for an export's heading block (free text, when given). */
  symbol: string | null;
  distribution: string | null;
  date: string | null;
  /** The organ the document is issued for, written under "United Nations" in the masthead. */
  organ: string | null;
  /** The job number of the first page's footer (e.g. V.23-01234). */
  jobNumber: string | null;
  /** Document offsets of the `assignments` entry (key to end of value), when present; the end of the YAML otherwise. */
  assignmentsRange: [number, number] | null;
  yamlEnd: number;
}

/** A front-matter problem located by offsets in the whole document. */
export interface FrontMatterIssue { code: string; severity: 'error' | 'warning' | 'info'; message: string; start: number; end: number }

/** The dates of a review's steps that the front matter may record. */
export const DATE_FIELDS = ['review-start', 'focal-point-appointed', 'experts-appointed', 'questionnaire-received', 'feedback-sent'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const FIELDS = {
  document: 'document',
  state: 'state-under-review',
  reviewers: 'reviewing-states',
  cluster: 'cluster',
  partyTo: 'party-to',
  languages: 'languages',
  group: 'group',
  reviewStart: 'review-start',
  focalPoint: 'focal-point-appointed',
  experts: 'experts-appointed',
  questionnaire: 'questionnaire-received',
  feedback: 'feedback-sent',
  stage: 'stage',
  articles: 'articles',
  assignments: 'assignments',
  // UN document identifiers for the export's heading block, free text
  symbol: 'symbol',
  distribution: 'distribution',
  date: 'date',
  organ: 'organ',
  jobNumber: 'job-number',
} as const;

/** Where an article (or a whole instrument) stands between the co-reviewers and with the State under review. */
export const STATUSES = ['drafting', 'ready-for-co-reviewer', 'agreed-by-reviewers', 'agreed-with-state'] as const;
export type Status = (typeof STATUSES)[number];

export interface Assignment {
  /** `untoc-5` for an article, `untoc` for a whole instrument. */
  key: string;
  state: string | null;
  expert: string | null;
  status: Status;
  /** Document offsets: the entry's value, and its status value when written (to change it with one small edit). */
  valueRange: [number, number];
  statusRange: [number, number] | null;
  flow: boolean;
  /**
   * The agreement recorded with an agreed status: who agreed, when, and the fingerprint of the article's text they
   * agreed to (features/agreement.ts). Null when none is recorded.
   */
  agreement: { by: string | null; on: string | null; fingerprint: string } | null;
}
const KNOWN = new Set<string>(Object.values(FIELDS));

/** Cheap test used to decide whether a Markdown file is a draft at all (before any YAML parsing). */
export const DRAFT_MARKER = /^document:[ \t]*["']?(list-of-observations|summary)["']?[ \t]*(#.*)?$/m;

/**
 * Reads the front matter. A keystroke in the body does not come here: the analysis of the next version takes the
 * previous version's result when the YAML text is the same (draft/analysis.ts).
 */
export function readFrontMatter(yamlText: string, base: number): { info: ReviewInfo | null; issues: FrontMatterIssue[] } {
  const issues: FrontMatterIssue[] = [];
  const at = (code: string, severity: FrontMatterIssue['severity'], message: string, r?: [number, number]) =>
    issues.push({ code, severity, message, start: base + (r?.[0] ?? 0), end: base + (r?.[1] ?? 0) });
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // A comment or suggestion placed on the front matter (by hand, or by a tool that knows no better) breaks the YAML
  // in several places at once: one message at the mark says what happened and what to do.
  const mark = doc.errors.length ? /\{(?:==|\+\+|--|~~|>>@)/.exec(yamlText) : null;
  if (mark) {
    at('frontmatter.syntax', 'error', t('A comment or suggestion mark stands in the front matter, which must stay plain YAML: remove it, and comment on the text below the second --- line instead.'), [mark.index, mark.index + mark[0].length]);
    return { info: null, issues };
  }
  for (const e of doc.errors) {
    at('frontmatter.syntax', 'error', t('Front matter is not valid YAML: {0}. Fix the YAML between the two --- lines.', e.message.split('\n')[0] ?? ''), [e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)]);
  }
  if (doc.errors.length) return { info: null, issues };
  const root = doc.contents;
  if (!isMap(root)) {
    at('frontmatter.invalid-value', 'error', t('Front matter must be a set of "key: value" lines, starting with "document: list-of-observations" or "document: summary".'), [0, yamlText.length]);
    return { info: null, issues };
  }
  const map = root as YAMLMap;
  const pairs = new Map<string, Pair>();
  for (const p of map.items) {
    const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
    pairs.set(key, p);
    if (!KNOWN.has(key)) {
      at('frontmatter.unknown-field', 'warning', t('Unknown front matter field "{0}". Known fields: {1}.', key, [...KNOWN].join(', ')), range(p.key as Node));
    }
  }
  const keyRange = (k: string): [number, number] => range(pairs.get(k)?.key as Node | undefined) ?? [0, 3];
  const valueRange = (k: string): [number, number] => range(pairs.get(k)?.value as Node | undefined) ?? keyRange(k);
  const missing = (k: string, fix: string) =>
    at('frontmatter.missing-field', 'error', t('Front matter has no "{0}" field. Add it, for example: {1}', k, fix), [0, 0]);
  const invalid = (k: string, msg: string, node?: Node | null) =>
    at('frontmatter.invalid-value', 'error', msg, (node && range(node)) || valueRange(k));

  // document
  let kind: DocumentKind | null = null;
  const kindNode = pairs.get(FIELDS.document)?.value;
  if (!pairs.has(FIELDS.document)) missing(FIELDS.document, 'document: list-of-observations');
  else if (isScalar(kindNode) && (DOCUMENT_KINDS as readonly unknown[]).includes(kindNode.value)) kind = kindNode.value as DocumentKind;
  else invalid(FIELDS.document, t('"document" must be "list-of-observations" or "summary".'));

  // state-under-review
  let stateUnderReview = '';
  const sNode = pairs.get(FIELDS.state)?.value;
  if (!pairs.has(FIELDS.state)) missing(FIELDS.state, 'state-under-review: Arcadia');
  else if (isScalar(sNode) && typeof sNode.value === 'string' && sNode.value.trim()) stateUnderReview = sNode.value.trim();
  else invalid(FIELDS.state, t('"state-under-review" must name the State party under review.'));

  // party-to
  const partyTo: InstrumentKey[] = [];
  if (!pairs.has(FIELDS.partyTo)) missing(FIELDS.partyTo, 'party-to: [untoc, tip, som]');
  else partyTo.push(...instrumentList(pairs.get(FIELDS.partyTo)!.value as Node, FIELDS.partyTo));
  if (pairs.has(FIELDS.partyTo) && !partyTo.includes('untoc') && partyTo.length) {
    invalid(FIELDS.partyTo, t('"party-to" must include "untoc": the Protocols are reviewed only with the Convention.'));
  }

  // reviewing-states
  const reviewingStates: ReviewingState[] = [];
  const rNode = pairs.get(FIELDS.reviewers)?.value;
  if (!pairs.has(FIELDS.reviewers)) missing(FIELDS.reviewers, 'reviewing-states: [{state: Borealia}, {state: Calderra}]');
  else if (!isSeq(rNode)) invalid(FIELDS.reviewers, t('"reviewing-states" must be a list, one "- state: NAME" entry per reviewing State party.'));
  else {
    for (const item of rNode.items) {
      if (isScalar(item) && typeof item.value === 'string') { reviewingStates.push({ state: item.value, instruments: [...partyTo] }); continue; }
      const st = isMap(item) ? item.get('state', true) : null;
      if (!isMap(item) || !isScalar(st) || typeof st.value !== 'string') {
        invalid(FIELDS.reviewers, t('Each entry of "reviewing-states" needs "state: NAME" (and optionally "instruments: [...]").'), item as Node);
        continue;
      }
      const insNode = item.get('instruments', true) as Node | undefined;
      const instruments = insNode ? instrumentList(insNode, 'instruments') : [...partyTo];
      for (const i of instruments) {
        if (partyTo.length && !partyTo.includes(i)) {
          invalid(FIELDS.reviewers, t('{0} is listed to review "{1}", but "party-to" does not include it: a State is reviewed only on instruments it is party to.', st.value, i), insNode);
        }
      }
      reviewingStates.push({ state: st.value, instruments });
    }
  }

  // cluster
  let cluster: number | null = null;
  const cNode = pairs.get(FIELDS.cluster)?.value;
  if (!pairs.has(FIELDS.cluster)) missing(FIELDS.cluster, 'cluster: 1');
  else if (isScalar(cNode) && typeof cNode.value === 'number' && getCluster(cNode.value)) cluster = cNode.value;
  else at('frontmatter.unknown-cluster', 'error', t('Unknown thematic cluster "{0}". Use 1, 2, 3 or 4.', String(isScalar(cNode) ? cNode.value : '')), valueRange(FIELDS.cluster));

  // languages
  const languages: string[] = [];
  const lNode = pairs.get(FIELDS.languages)?.value;
  if (lNode !== undefined) {
    const items = isSeq(lNode) ? lNode.items : [lNode];
    for (const it of items) {
      if (isScalar(it) && (UN_LANGUAGES as readonly unknown[]).includes(it.value)) languages.push(it.value as string);
      else invalid(FIELDS.languages, t('"languages" takes UN language codes: ar, zh, en, fr, ru, es.'), it as Node);
    }
    if (languages.length > 2) invalid(FIELDS.languages, t('A review is conducted in one or two languages; "languages" lists {0}.', languages.length));
  }
  if (!languages.length) languages.push('en');

  // group, review-start, stage
  let group: number | null = null;
  const gNode = pairs.get(FIELDS.group)?.value;
  if (gNode !== undefined) {
    if (isScalar(gNode) && (gNode.value === 1 || gNode.value === 2 || gNode.value === 3)) group = gNode.value;
    else invalid(FIELDS.group, t('"group" must be 1, 2 or 3 (the review group drawn by lot).'));
  }
  // Dates of the review's steps: each read the same way, with its place in the file kept for timeline findings.
  const dates: Partial<Record<DateField, string>> = {};
  const dateRanges: Partial<Record<DateField, [number, number]>> = {};
  for (const field of DATE_FIELDS) {
    const node = pairs.get(field)?.value;
    if (node === undefined) continue;
    const v = isScalar(node) ? node.value : null;
    // The date as written: a YAML timestamp is already a Date, which rolls "2021-02-30" over to March.
    const written = isScalar(node) && typeof node.source === 'string' ? node.source : null;
    const s = written ?? (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : '');
    if (isCalendarDate(s)) {
      dates[field] = s;
      const r = valueRange(field);
      dateRanges[field] = [base + r[0], base + r[1]];
    } else invalid(field, t('"{0}" must be a date written YYYY-MM-DD.', field));
  }
  const reviewStart = dates['review-start'] ?? null;
  let stage: Stage = 'drafting';
  const stNode = pairs.get(FIELDS.stage)?.value;
  if (stNode !== undefined) {
    if (isScalar(stNode) && (stNode.value === 'drafting' || stNode.value === 'finalization')) stage = stNode.value;
    else invalid(FIELDS.stage, t('"stage" must be "drafting" or "finalization".'));
  }

  // articles
  const articles = new Map<InstrumentKey, number[]>();
  let articlesFrom: ReviewInfo['articlesFrom'] = 'front-matter';
  const aNode = pairs.get(FIELDS.articles)?.value;
  if (aNode !== undefined) {
    if (!isMap(aNode)) invalid(FIELDS.articles, t('"articles" must map each instrument to its articles under review, e.g. "untoc: [5, 6]".'));
    else {
      for (const p of aNode.items) {
        const k = isScalar(p.key) ? p.key.value : null;
        if (!isInstrumentKey(k)) {
          at('frontmatter.unknown-instrument', 'error', t('Unknown instrument "{0}". Use one of: {1}.', String(k), INSTRUMENT_KEYS.join(', ')), range(p.key as Node));
          continue;
        }
        if (partyTo.length && !partyTo.includes(k)) {
          invalid(FIELDS.articles, t('Articles of "{0}" are listed, but "party-to" does not include it.', k), p.key as Node);
        }
        const list: number[] = [];
        const v = p.value as Node | null;
        const items = isSeq(v) ? v.items : v == null || (isScalar(v) && v.value === null) ? [] : [v];
        for (const it of items) {
          const n = isScalar(it) ? it.value : null;
          if (typeof n !== 'number' || !Number.isInteger(n)) {
            invalid(FIELDS.articles, t('Articles are listed by number, e.g. "{0}: [5, 6]".', k), it as Node);
          } else if (!getArticle(k, n)) {
            at('frontmatter.no-such-article', 'error', t('The {0} has no article {1}. Remove it from "articles".', instrumentName(k), n), range(it as Node));
          } else if (list.includes(n)) {
            at('frontmatter.invalid-value', 'warning', t('Article {0} is listed twice under "{1}".', n, k), range(it as Node));
          } else list.push(n);
        }
        articles.set(k, list);
      }
    }
  } else if (cluster !== null) {
    articlesFrom = 'cluster-data';
    const c = getCluster(cluster)!;
    for (const k of partyTo) {
      const list = c.articles[k];
      if (list) articles.set(k, [...list]);
    }
    at('frontmatter.provisional-articles', 'info', t('No "articles" field: the articles under review are taken from provisional cluster data. Write them under "articles" to confirm them.'), keyRange(FIELDS.cluster));
  }

  // assignments
  const assignments = new Map<string, Assignment>();
  const asNode = pairs.get(FIELDS.assignments)?.value;
  if (asNode !== undefined && asNode !== null && !(isScalar(asNode) && asNode.value === null)) {
    if (!isMap(asNode)) invalid(FIELDS.assignments, t('"assignments" maps articles (untoc-5) or instruments (tip) to "{state: NAME, expert: NAME, status: drafting}".'));
    else for (const p of asNode.items) {
      const key = isScalar(p.key) ? String(p.key.value) : '';
      const m = /^(untoc|tip|som|firearms)(?:-(\d+))?$/.exec(key);
      if (!m || (m[2] && !getArticle(m[1] as InstrumentKey, Number(m[2])))) {
        invalid(FIELDS.assignments, t('"{0}" is not an article or instrument: write e.g. untoc-5 or tip.', key), p.key as Node);
        continue;
      }
      const v = p.value as Node | null;
      if (!isMap(v)) { invalid(FIELDS.assignments, t('The assignment of {0} must read {state: NAME, status: drafting}.', key), v ?? (p.key as Node)); continue; }
      const st = v.get('state', true), ex = v.get('expert', true), su = v.get('status', true);
      const text = (n: unknown) => (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : null);
      const fp = text(v.get('agreed-text', true));
      if (v.get('agreed-text', true) !== undefined && !(fp && /^[0-9a-f]{16,64}$/.test(fp))) invalid(FIELDS.assignments, t('"agreed-text" is the fingerprint of the agreed text, written when the status was set; set the status again rather than editing it.'), v.get('agreed-text', true) as Node);
      const state = isScalar(st) && typeof st.value === 'string' ? st.value : null;
      if (state && reviewingStates.length && !reviewingStates.some((r) => r.state === state)) {
        invalid(FIELDS.assignments, t('{0} is not one of the reviewing States ({1}).', state, reviewingStates.map((r) => r.state).join(', ')), st as Node);
      }
      let status: Status = 'drafting';
      if (su !== undefined) {
        if (isScalar(su) && (STATUSES as readonly unknown[]).includes(su.value)) status = su.value as Status;
        else invalid(FIELDS.assignments, t('The status must be one of: {0}.', STATUSES.join(', ')), su as Node);
      }
      const vr = range(v)!;
      const sr = su ? range(su as Node) : undefined;
      assignments.set(key, { key, state, expert: isScalar(ex) && typeof ex.value === 'string' ? ex.value : null, status, valueRange: [base + vr[0], base + vr[1]], statusRange: sr ? [base + sr[0], base + sr[1]] : null, flow: !!(v as { flow?: boolean }).flow,
        agreement: fp && /^[0-9a-f]{16,64}$/.test(fp) ? { by: text(v.get('agreed-by', true)), on: text(v.get('agreed-on', true)), fingerprint: fp } : null });
    }
  }
  const str = (k: string): string | null => {
    const v = pairs.get(k)?.value;
    if (v === undefined || v === null) return null;
    const x = isScalar(v) ? v.value : null;
    if (x instanceof Date) return x.toISOString().slice(0, 10);
    if (typeof x === 'string' || typeof x === 'number') return String(x);
    invalid(k, t('"{0}" must be plain text.', k));
    return null;
  };
  const symbol = str(FIELDS.symbol), distribution = str(FIELDS.distribution), docDate = str(FIELDS.date);
  const organ = str(FIELDS.organ), jobNumber = str(FIELDS.jobNumber);
  const asPair = pairs.get(FIELDS.assignments);
  const asKey = range(asPair?.key as Node | undefined);
  const asVal = range(asPair?.value as Node | undefined);
  const assignmentsRange: [number, number] | null = asKey ? [base + asKey[0], base + (asVal?.[1] ?? asKey[1])] : null;

  if (kind === null || !stateUnderReview || cluster === null || issues.some((i) => i.severity === 'error' && i.code === 'frontmatter.missing-field')) {
    // Without a usable review the provisional-articles note is noise next to the errors that matter.
    return { info: null, issues: issues.filter((i) => i.code !== 'frontmatter.provisional-articles') };
  }
  return {
    info: { kind, stateUnderReview, reviewingStates, cluster, partyTo, languages, group, reviewStart, dates, dateRanges, stage, articles, articlesFrom, assignments, assignmentsRange, yamlEnd: base + yamlText.length, symbol, distribution, date: docDate, organ, jobNumber },
    issues,
  };

  function instrumentList(node: Node | null | undefined, field: string): InstrumentKey[] {
    const out: InstrumentKey[] = [];
    const items = isSeq(node) ? node.items : node ? [node] : [];
    for (const it of items) {
      const v = isScalar(it) ? it.value : null;
      if (isInstrumentKey(v)) { if (!out.includes(v)) out.push(v); }
      else at('frontmatter.unknown-instrument', 'error', t('Unknown instrument "{0}" in "{1}". Use one of: {2}.', String(v), field, INSTRUMENT_KEYS.join(', ')), range(it as Node) ?? [0, 0]);
    }
    return out;
  }
}

function range(node: Node | null | undefined): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], Math.max(r[1], r[0] + 1)] : undefined;
}
