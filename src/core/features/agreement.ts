// Agreement bound to the text it agreed to: the fingerprint of an agreed article's text, and the edits that record it.
import { t } from '@vscode/l10n';
import { sha256Hex } from '../text/sha256';
import { parseComments } from '../comments/parse';
import { applyEdits, eolOf, type OffsetEdit } from './edits';
import type { DraftAnalysis, Section } from '../draft/analysis';
import type { Assignment, Status } from '../draft/frontMatter';
import { withoutHtmlComments } from '../text/code';
import type { InstrumentKey } from '../domain/instruments';

/** The statuses that are an agreement: of the co-reviewers, or with the State under review. */
export const AGREED_STATUSES: readonly Status[] = ['agreed-by-reviewers', 'agreed-with-state'];
export const isAgreed = (s: Status) => AGREED_STATUSES.includes(s);

/**
 * The text an agreement binds, from an article section's source: what the article says as it stands. Conversation is
 * not part of it — every comment mark is reduced to the text it marks and every thread line is removed, resolved or
 * open — and a pending suggestion is not applied yet (an insertion is left out, a deletion or replacement keeps the
 * old text); template hints (HTML comments) are removed. Line endings become LF and trailing spaces and blank lines
 * go, so saving on another system changes nothing. Accepting a suggestion, or any edit of the words, changes it.
 */
export function agreedText(sectionSource: string): string {
  const marks = parseComments(sectionSource);
  const edits = marks.threads.flatMap((th) => [
    ...(th.mark ? markOnly(th.mark) : []),
    ...th.blocks.map((b) => ({ start: b.removeStart, end: b.end, newText: '' })),
  ]);
  const standing = applyEdits(sectionSource, edits);
  return withoutHtmlComments(standing, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
}

/** A mark's text as it stands (old text for a suggestion, the marked text for a comment). */
function markOnly(m: NonNullable<ReturnType<typeof parseComments>['threads'][number]['mark']>): OffsetEdit[] {
  const keep = m.kind === 'insertion' ? '' : m.text;
  return [{ start: m.start, end: m.end, newText: keep }];
}

/** The fingerprint written into the front matter: the first 16 hex digits of the SHA-256 of the agreed text. */
export function fingerprint(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** The fingerprint of an article section of an analysis, as it stands now. */
export function sectionFingerprint(model: DraftAnalysis, s: Section): string {
  return fingerprint(agreedText(model.text.slice(s.heading.start, s.end)));
}

export interface AgreementState {
  key: string;
  by: string | null;
  on: string | null;
  fingerprint: string;
  /** The article's text is no longer the one agreed to. */
  changed: boolean;
  section: Section | null;
}

/** Every recorded agreement of an agreed article, and whether its text changed since. */
export function agreements(model: DraftAnalysis): AgreementState[] {
  const info = model.info;
  if (!info) return [];
  const out: AgreementState[] = [];
  for (const [key, a] of info.assignments) {
    const m = /^([a-z]+)-(\d+)$/.exec(key);
    if (!m || !a.agreement || !isAgreed(a.status)) continue;
    const section = model.findArticle(m[1] as InstrumentKey, Number(m[2])) ?? null;
    const now = section ? sectionFingerprint(model, section) : null;
    out.push({ key, ...a.agreement, changed: now !== a.agreement.fingerprint, section });
  }
  return out;
}

/** Who sets a status, and when: recorded with an agreement. */
export interface Agreer { by: string; now: () => Date }

/**
 * One edit of the front matter that sets an article's status. An agreed status records who agreed, when and the
 * fingerprint of the article's text as it stands; another status drops a recorded agreement. The entry is written one
 * field a line, so that two co-reviewers who agree different articles change lines that git can merge.
 */
export function statusEdit(model: DraftAnalysis, key: string, status: Status, agreer?: Agreer): OffsetEdit {
  const info = model.info;
  if (!info) throw new Error(t('The draft has no valid front matter.'));
  const m = /^([a-z]+)-(\d+)$/.exec(key);
  const section = m ? model.findArticle(m[1] as InstrumentKey, Number(m[2])) : undefined;
  if (isAgreed(status)) {
    if (!agreer?.by.trim()) throw new Error(t('Say who agrees: an agreed status records its author, e.g. "Ana Ruiz (Borealia)".'));
    if (!section) throw new Error(t('{0} has no section in the draft: there is no text to agree to.', key));
  }
  const eol = eolOf(model.text);
  const own = info.assignments.get(key);
  const inherited = own ?? (m ? info.assignments.get(m[1]!) : undefined);
  const fields: [string, string][] = [];
  const state = own?.state ?? inherited?.state ?? null;
  if (state) fields.push(['state', state]);
  if (own?.expert) fields.push(['expert', own.expert]);
  fields.push(['status', status]);
  if (isAgreed(status) && section && agreer) {
    fields.push(['agreed-by', agreer.by.trim()], ['agreed-on', agreer.now().toISOString().replace(/\.\d{3}Z$/, 'Z')], ['agreed-text', sectionFingerprint(model, section)]);
  }
  return entryEdit(model.text, info, own, key, fields, eol);
}

/**
 * A value as YAML: plain when it is a name of letters and spaces (Ana Pérez, Borealia), quoted otherwise; the
 * fingerprint always (sixteen hex digits may read as a number).
 */
const quote = (v: string, key = '') => (key !== 'agreed-text' && /^\p{L}[\p{L}\p{N} .'’-]*$/u.test(v) && !/ $/.test(v) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(v) ? v : JSON.stringify(v));

/** The entry of `key` replaced (or added at the end of `assignments`, or the field added) as a block of one field a line. */
function entryEdit(text: string, info: NonNullable<DraftAnalysis['info']>, own: Assignment | undefined, key: string, fields: [string, string][], eol: string): OffsetEdit {
  if (own) {
    // The entry's key, before its value (on the same line for a flow map, the line above for a block one).
    const colon = text.lastIndexOf(`${key}:`, own.valueRange[0]) + key.length;
    const keyLineStart = text.lastIndexOf('\n', colon) + 1;
    const indent = /^[ \t]*/.exec(text.slice(keyLineStart))![0];
    const block = fields.map(([k, v]) => `${eol}${indent}  ${k}: ${quote(v, k)}`).join('');
    // From just after "key:" to the end of its value: the value becomes the block (a flow map's braces go with it).
    let end = own.valueRange[1];
    // A block map's range ends after its last line break; keep that break.
    while (end > colon && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return { start: colon + 1, end, newText: block };
  }
  const entry = `  ${key}:${fields.map(([k, v]) => `${eol}    ${k}: ${quote(v, k)}`).join('')}`;
  if (info.assignmentsRange) {
    const at = info.assignmentsRange[1];
    return text[at - 1] === '\n' ? { start: at, end: at, newText: `${entry}${eol}` } : { start: at, end: at, newText: `${eol}${entry}` };
  }
  return { start: info.yamlEnd, end: info.yamlEnd, newText: `${/\n$/.test(text.slice(0, info.yamlEnd)) ? '' : eol}assignments:${eol}${entry}${eol}` };
}

/**
 * The article's section as it was agreed, from older versions of the draft (its git history, newest first): the first
 * version whose section has the recorded fingerprint. Null when none has it (the agreement was never committed).
 */
export function agreedVersion(versions: Iterable<string>, key: string, fp: string, parse: (text: string) => DraftAnalysis): { text: string; section: string } | null {
  const m = /^([a-z]+)-(\d+)$/.exec(key);
  if (!m) return null;
  for (const v of versions) {
    const a = parse(v);
    const s = a.findArticle(m[1] as InstrumentKey, Number(m[2]));
    if (s && sectionFingerprint(a, s) === fp) return { text: v, section: v.slice(s.heading.start, s.end) };
  }
  return null;
}

