// Who drafts which article and how far it has come: statuses per article, proposed splits, and their front-matter edits.
import { t } from '@vscode/l10n';
import { type CommentThread } from '../comments/parse';
import { getArticle, INSTRUMENT_KEYS, type InstrumentKey } from '../domain/instruments';
import { STATUSES, type Assignment, type Status } from '../draft/frontMatter';
import type { DraftAnalysis, Section } from '../draft/analysis';
import { eolOf, type OffsetEdit } from './edits';
import { agreements, isAgreed, statusEdit, type AgreementState, type Agreer } from './agreement';

export interface ArticleStatus {
  instrument: InstrumentKey;
  article: number;
  key: string;
  title: string;
  state: string | null;
  expert: string | null;
  status: Status;
  openThreads: number;
  pendingSuggestions: number;
  /** Parts of the article's section with no text; -1 when the draft has no section for it. */
  emptyParts: number;
  section: Section | null;
  /** The recorded agreement of an agreed article, and whether its text changed since (features/agreement.ts). */
  agreement: AgreementState | null;
}

/** The assignment that applies to an article: its own, else its instrument's. */
export function assignmentOf(assignments: ReadonlyMap<string, Assignment>, k: InstrumentKey, n: number): Assignment | undefined {
  return assignments.get(`${k}-${n}`) ?? assignments.get(k);
}

export function articleStatuses(model: DraftAnalysis): ArticleStatus[] {
  const info = model.info;
  if (!info) return [];
  const { open, pending } = threadCounts(model);
  const agreed = new Map(agreements(model).map((a) => [a.key, a]));
  const out: ArticleStatus[] = [];
  for (const k of INSTRUMENT_KEYS) {
    for (const n of info.articles.get(k) ?? []) {
      const a = assignmentOf(info.assignments, k, n);
      const section = model.findArticle(k, n) ?? null;
      const emptyParts = section ? section.children.filter((p) => p.role === 'part' && model.isEmptyPart(p)).length : -1;
      out.push({
        instrument: k, article: n, key: `${k}-${n}`, title: getArticle(k, n)?.titleEn ?? '',
        state: a?.state ?? null, expert: a?.expert ?? null, status: a?.status ?? 'drafting',
        openThreads: section ? open.get(section) ?? 0 : 0,
        pendingSuggestions: section ? pending.get(section) ?? 0 : 0,
        emptyParts, section, agreement: agreed.get(`${k}-${n}`) ?? null,
      });
    }
  }
  return out;
}

/**
 * What a thread counts for in an article's status: an open comment thread, a pending suggestion, or nothing (a
 * resolved comment, or a thread whose mark is gone).
 */
export function threadTally(th: CommentThread): 'open' | 'pending' | null {
  if (!th.mark || (th.kind === 'comment' && th.resolved)) return null;
  return th.kind === 'comment' ? 'open' : 'pending';
}

/**
 * Open threads and pending suggestions per article section, each thread counted once, in the article its mark lies
 * in: section by section from each section's own threads where the draft's comments can be read so (a keystroke then
 * costs the sections, not every thread again), from the whole draft's threads for the rest (draft/analysis.ts
 * commentLayout).
 */
function threadCounts(model: DraftAnalysis): { open: Map<Section, number>; pending: Map<Section, number> } {
  const open = new Map<Section, number>(), pending = new Map<Section, number>();
  const count = (th: CommentThread, s: Section | undefined) => {
    const tally = s && threadTally(th);
    if (!tally) return;
    const counts = tally === 'open' ? open : pending;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  };
  const layout = model.commentLayout;
  if (layout.whole) {
    for (const th of model.comments.threads) if (th.mark) count(th, model.articleAt(th.mark.start));
    return { open, pending };
  }
  for (let i = 0; i < model.chunkCount; i++) {
    const threads = model.localCommentsOf(i).model.threads;
    if (!threads.length) continue;
    const article = model.articleAt(model.chunkStart(i));
    for (const th of threads) if (!layout.shared.has(th.id)) count(th, article);
  }
  if (layout.shared.size) for (const th of model.comments.threads) if (th.mark && layout.shared.has(th.id)) count(th, model.articleAt(th.mark.start));
  return { open, pending };
}

export function agreedCount(statuses: ArticleStatus[]): { agreed: number; total: number } {
  return { agreed: statuses.filter((s) => s.status === 'agreed-with-state').length, total: statuses.length };
}

/**
 * One small edit that sets an article's status in the front matter, keeping everything else as written. An agreed
 * status records its agreement (who, when, the fingerprint of the text: `agreer` is required), and a status set over a
 * recorded agreement drops it: both rewrite the article's entry (features/agreement.ts statusEdit).
 */
export function setStatusEdit(model: DraftAnalysis, key: string, status: Status, agreer?: Agreer): OffsetEdit {
  const info = model.info;
  if (!info) throw new Error(t('The draft has no valid front matter.'));
  if (isAgreed(status) || info.assignments.get(key)?.agreement) return statusEdit(model, key, status, agreer);
  const eol = eolOf(model.text);
  const own = info.assignments.get(key);
  if (own?.statusRange) return { start: own.statusRange[0], end: own.statusRange[1], newText: status };
  if (own?.flow) return { start: own.valueRange[1] - 1, end: own.valueRange[1] - 1, newText: `, status: ${status}` };
  if (own) {
    const lineStart = model.text.lastIndexOf('\n', own.valueRange[0]) + 1;
    const indent = /^[ \t]*/.exec(model.text.slice(lineStart))![0];
    return appendLine(model.text, own.valueRange[1], `${indent}status: ${status}`, eol);
  }
  // The article has no entry of its own: add one, inheriting the instrument's State.
  const inherited = info.assignments.get(key.split('-')[0]!);
  // One field a line, as every entry this tool writes (see splitEdit).
  const entry = [`  ${key}:`, ...(inherited?.state ? [`    state: ${inherited.state}`] : []), `    status: ${status}`].join(eol);
  if (info.assignmentsRange) return appendLine(model.text, info.assignmentsRange[1], entry, eol);
  return { start: info.yamlEnd, end: info.yamlEnd, newText: `${/\n$/.test(model.text.slice(0, info.yamlEnd)) ? '' : eol}assignments:${eol}${entry}${eol}` };
}

/** A new line at `at`: YAML block ranges end either before or just after a line break, so both are handled. */
function appendLine(text: string, at: number, line: string, eol: string): OffsetEdit {
  return text[at - 1] === '\n' ? { start: at, end: at, newText: `${line}${eol}` } : { start: at, end: at, newText: `${eol}${line}` };
}

export type SplitMethod = 'by-instrument' | 'alternating' | 'balanced';

/**
 * A proposed split of the articles under review between the reviewing States: whole instruments in turn, articles
 * in turn, or articles balanced by their number of paragraphs and subparagraphs (a measure of the work).
 */
export function proposeSplit(model: DraftAnalysis, how: SplitMethod): Map<string, string> {
  const info = model.info;
  const out = new Map<string, string>();
  if (!info) return out;
  const states = info.reviewingStates.map((r) => r.state);
  if (!states.length) return out;
  const canReview = (s: string, k: InstrumentKey) => info.reviewingStates.find((r) => r.state === s)?.instruments.includes(k) ?? true;
  const pick = (k: InstrumentKey, prefer: number) => {
    for (let i = 0; i < states.length; i++) { const s = states[(prefer + i) % states.length]!; if (canReview(s, k)) return s; }
    return states[prefer % states.length]!;
  };
  let turn = 0;
  const load = new Map(states.map((s) => [s, 0]));
  for (const k of INSTRUMENT_KEYS) {
    const list = info.articles.get(k) ?? [];
    if (!list.length) continue;
    if (how === 'by-instrument') { out.set(k, pick(k, turn++)); continue; }
    for (const n of list) {
      if (how === 'alternating') { out.set(`${k}-${n}`, pick(k, turn++)); continue; }
      const weight = Math.max(1, getArticle(k, n)?.refs.length ?? 1);
      const s = [...load.entries()].filter(([st]) => canReview(st, k)).sort((x, y) => x[1] - y[1])[0]?.[0] ?? states[0]!;
      load.set(s, load.get(s)! + weight);
      out.set(`${k}-${n}`, s);
    }
  }
  return out;
}

/** One edit that writes the split as the `assignments` entry, keeping the statuses already recorded. */
export function splitEdit(model: DraftAnalysis, split: Map<string, string>): OffsetEdit {
  const info = model.info;
  if (!info) throw new Error(t('The draft has no valid front matter.'));
  const eol = eolOf(model.text);
  // One field a line: two co-reviewers who change different articles then change lines that git merges.
  const lines = [...split.entries()].map(([key, state]) => {
    const keep = info.assignments.get(key);
    const agreed = keep?.agreement;
    const fields = [`state: ${state}`, ...(keep?.expert ? [`expert: ${keep.expert}`] : []), ...(keep && keep.status !== 'drafting' ? [`status: ${keep.status}`] : []),
      // A recorded agreement stays with its article.
      ...(agreed ? [`agreed-by: ${JSON.stringify(agreed.by ?? '')}`, `agreed-on: ${JSON.stringify(agreed.on ?? '')}`, `agreed-text: ${JSON.stringify(agreed.fingerprint)}`] : [])];
    return [`  ${key}:`, ...fields.map((f) => `    ${f}`)].join(eol);
  });
  const block = `assignments:${eol}${lines.join(eol)}`;
  if (info.assignmentsRange) {
    const [a, b] = info.assignmentsRange;
    return { start: a, end: b, newText: block + (model.text[b - 1] === '\n' ? eol : '') };
  }
  return { start: info.yamlEnd, end: info.yamlEnd, newText: `${/\n$/.test(model.text.slice(0, info.yamlEnd)) ? '' : eol}${block}${eol}` };
}

export { STATUSES, type Status };
