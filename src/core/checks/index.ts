// Runs every check on a draft: file and front-matter findings first, then the structure rules.
import { t } from '@vscode/l10n';
import type { CheckParts, ChunkPlace, DraftAnalysis, Section } from '../draft/analysis';
import { Slots } from '../text/slots';
import { firstReached } from '../text/search';
import { SectionFindings } from './sectionFindings';
import type { Range } from '../text/lines';
import { chunkReferencesEdit, sectionInstrument, type ResolvedRef } from '../refs/resolve';
import type { ReviewInfo } from '../draft/frontMatter';
import type { InstrumentKey } from '../domain/instruments';
import { applySeverity, compareFindings, type Finding, type Severity } from './finding';
import type { CheckOptions } from './options';
import { tooDeepMessage } from '../files/input';
import type { At, CodeInfo, DocumentRule, Rule, SectionRule, SectionRuleContext } from './rule';
import { duplicateSection } from './rules/duplicateSection';
import { emptyPart } from './rules/emptyPart';
import { misplacedSection } from './rules/misplacedSection';
import { missingArticle } from './rules/missingArticle';
import { missingIntroduction } from './rules/missingIntroduction';
import { missingPart } from './rules/missingPart';
import { noSuchArticle } from './rules/noSuchArticle';
import { order } from './rules/order';
import { unexpectedArticle } from './rules/unexpectedArticle';
import { refNoSuchArticle, refNoSuchParagraph, refNoSuchSubparagraph } from './rules/refNoSuchUnit';
import { refNotParty, refOutsideReview } from './rules/refScope';
import { refAmbiguous, refNonCanonical } from './rules/refStyle';
import { malformedMark, mergeConflict, openThread, orphanComment, pendingSuggestion } from './rules/comments';
import { summaryTooLong } from './rules/summaryLength';
import { changedAfterAgreement, inconsistentStatus } from './rules/assignmentStatus';
import { checkDay, timelineLate, timelineOverdue } from './rules/timeline';
import { footnoteUndefined, mastheadIncomplete, pictureNotEmbedded } from './rules/exportLoss';

export const RULES: readonly Rule[] = [
  missingIntroduction, missingArticle, unexpectedArticle, noSuchArticle, duplicateSection,
  misplacedSection, missingPart, emptyPart, order,
  refNoSuchArticle, refNoSuchParagraph, refNoSuchSubparagraph, refNotParty, refOutsideReview, refAmbiguous, refNonCanonical,
  openThread, pendingSuggestion, malformedMark, orphanComment, mergeConflict,
  timelineOverdue, timelineLate, summaryTooLong, inconsistentStatus, changedAfterAgreement, footnoteUndefined, mastheadIncomplete, pictureNotEmbedded,
];

/** The codes no rule raises: what reading a file, its front matter, the configuration and the batch check report. */
export const OTHER_CODES: readonly CodeInfo[] = [
  { code: 'file.not-utf8', defaultSeverity: 'error', raisedBy: 'reading the file', summary: 'The file is not valid UTF-8.' },
  { code: 'file.binary', defaultSeverity: 'error', raisedBy: 'reading the file', summary: 'The file contains NUL bytes: it is not a Markdown text.' },
  { code: 'file.too-large', defaultSeverity: 'error', raisedBy: 'reading the file', summary: 'The file is larger than the limit (16 MB by default) and is not checked.' },
  { code: 'file.unreadable', defaultSeverity: 'error', raisedBy: 'reading the file', summary: 'The file could not be read (permissions, a broken link, a device).' },
  { code: 'file.too-deep', defaultSeverity: 'error', raisedBy: 'reading the file', summary: 'Quotes, lists or emphasis nested more than 100 levels deep on one line (`> > > …`, `- - - …`, `****…x…****`).' },
  { code: 'frontmatter.missing', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'The file has no front matter.' },
  { code: 'frontmatter.unclosed', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'The front matter opened by `---` on line 1 is never closed.' },
  { code: 'frontmatter.syntax', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'The front matter is not valid YAML.' },
  { code: 'frontmatter.missing-field', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'A required field is missing.' },
  { code: 'frontmatter.invalid-value', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'A field has a value of the wrong kind.' },
  { code: 'frontmatter.unknown-field', defaultSeverity: 'warning', raisedBy: 'the front matter', summary: 'A field that the format does not know.' },
  { code: 'frontmatter.unknown-instrument', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'An instrument key that does not exist.' },
  { code: 'frontmatter.unknown-cluster', defaultSeverity: 'error', raisedBy: 'the front matter', summary: 'A cluster number that does not exist.' },
  { code: 'frontmatter.no-such-article', defaultSeverity: 'error', raisedBy: 'the front matter', summary: '`articles` lists an article the instrument does not have.' },
  { code: 'frontmatter.provisional-articles', defaultSeverity: 'info', raisedBy: 'the front matter', summary: 'The articles under review were taken from provisional cluster data.' },
  { code: 'summary.not-in-list', defaultSeverity: 'error', raisedBy: 'the batch check', summary: 'The summary covers an article that has no section in the list of observations of the same review.' },
  { code: 'summary.assistance-not-in-list', defaultSeverity: 'warning', raisedBy: 'the batch check', summary: 'The summary states a technical assistance need for an article whose section in the list states none.' },
  { code: 'config.invalid', defaultSeverity: 'error', raisedBy: 'the configuration', summary: 'The configuration file (`.review-obs.yaml`, `.review-obs.yml` or `.review-obs.json`) has a value that its schema does not allow, a name it does not know, or YAML/JSON that does not parse.' },
];

/** Every code a finding can carry, rules and the others, by code: the one registry. */
export const REGISTRY: ReadonlyMap<string, CodeInfo> = new Map([...RULES, ...OTHER_CODES].map((c) => [c.code, c]));

/** Every code with its default severity (the configuration schema's and the CLI's list). */
export const CODES: Readonly<Record<string, Severity>> = Object.fromEntries([...REGISTRY.values()].map((c) => [c.code, c.defaultSeverity]));

export type { CheckOptions } from './options';

/**
 * The articles under review a configuration gives for a draft whose front matter has none (its cluster's lists, for
 * the instruments it is party to); null when the draft names its articles or the configuration has none for it.
 */
export function configuredArticles(info: ReviewInfo, options: CheckOptions): Map<InstrumentKey, number[]> | null {
  if (info.articlesFrom !== 'cluster-data') return null;
  const lists = options.clusters?.[String(info.cluster)];
  if (!lists) return null;
  const out = new Map<InstrumentKey, number[]>();
  for (const k of info.partyTo) { const l = lists[k]; if (l?.length) out.set(k, [...l].sort((a, b) => a - b)); }
  return out;
}

/** Findings of one check of an analysis, memoized on it per options: the editor's providers all ask for the same. */
export function checkModel(model: DraftAnalysis, options: CheckOptions = {}): Finding[] {
  const key = JSON.stringify(options);
  let hit = model.checked.get(key);
  if (!hit) model.checked.set(key, (hit = runChecks(model, options, key)));
  return hit;
}

const DOCUMENT_RULES = RULES.filter((r): r is DocumentRule => r.scope === 'document' && !r.readsOnly);
const HEADING_RULES = RULES.filter((r): r is DocumentRule => r.scope === 'document' && r.readsOnly === 'headings');
const SECTION_RULES = RULES.filter((r): r is SectionRule => r.scope === 'section');
const PER_REFERENCE = SECTION_RULES.filter((r) => r.perReference);
const PER_CHUNK = SECTION_RULES.filter((r) => !r.perReference);
const ACROSS_SECTIONS = SECTION_RULES.filter((r) => r.acrossSections);

/**
 * A finding on [start, end) of the draft, every rule's made here: its data only when it has some (the findings of a
 * draft, thousands of them, then have two shapes, and no object is spread to make one).
 */
function findingOn(model: DraftAnalysis, code: string, severity: Severity, message: string, start: number, end: number, data?: Finding['data']): Finding {
  const range = model.lines.rangeOf(start, end);
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}

/** Where a report goes: a section's heading line, or the stretch given. */
function spanOf(at: At): { start: number; end: number } {
  return 'heading' in at ? { start: at.heading.start, end: at.heading.end } : at;
}

/** The severity a rule reports with: an escalating rule's findings are errors at finalization. */
function severityOf(rule: Rule, info: ReviewInfo, asked: Severity | undefined): Severity {
  return rule.escalates && info.stage === 'finalization' ? 'error' : asked ?? rule.defaultSeverity;
}

/**
 * `key`: the options as the memo names them, which also names the parts of the check kept for the next version. After
 * an edit of a few chunks (DraftAnalysis.edit) that left the headings as they were, the last version's check is taken
 * where the edit cannot have changed it: the document rules whose `chunkKey` says the changed chunks read the same, the
 * section findings of the other chunks, and the whole list when nothing in it changed.
 */
function runChecks(model: DraftAnalysis, options: CheckOptions, key: string): Finding[] {
  const before = lastCheck(model, key);
  const others: Finding[] = [];
  const push = (into: Finding[], code: string, severity: Severity, message: string, start: number, end: number, data?: Finding['data']) =>
    into.push(findingOn(model, code, severity, message, start, end, data));
  const fm = model.frontMatter;
  if (!fm) {
    push(others, 'frontmatter.missing', 'error', t('The draft has no front matter. Start the file with a "---" block describing the review (run "New list of observations" to get one).'), 0, model.lines.lineEnd(0));
  } else if (fm.closeLine === null) {
    push(others, 'frontmatter.unclosed', 'error', t('The front matter opened on line 1 is never closed. Add a line "---" after the last field.'), 0, model.lines.lineEnd(0));
  }
  const deep = model.tooDeep;
  if (deep) push(others, 'file.too-deep', 'error', tooDeepMessage(deep.depth, deep.line), deep.offset, model.lines.lineEnd(deep.line));
  const configured = model.info ? configuredArticles(model.info, options) : null;
  // Articles from the configuration are the secretariat's, not provisional: the note about provisional data goes.
  for (const i of model.frontMatterIssues) if (!(configured && i.code === 'frontmatter.provisional-articles')) push(others, i.code, i.severity, i.message, i.start, i.end);
  // The secretariat's readiness check judges every draft as at finalization, whatever its front matter says.
  let info = model.info && options.finalization ? { ...model.info, stage: 'finalization' as const } : model.info;
  if (info && configured) info = { ...info, articles: configured };
  const rules = new Map<string, readonly Finding[]>();
  const keeps = new Map<string, unknown>();
  let sections: SectionFindings | undefined, fromHeadings: Finding[] | undefined;
  if (info) {
    for (const rule of [...DOCUMENT_RULES, ...ACROSS_SECTIONS]) {
      const doc = rule.scope === 'document' ? rule : undefined;
      const kept = before && doc?.chunkKey ? before.rules.get(rule.code) : undefined;
      // The rule reads the edited chunks as it did: what it found, and what it kept, stand (off those chunks' lines).
      const asBefore = kept !== undefined && readsAsBefore(model, doc!.chunkKey!);
      if (asBefore && before!.keeps.has(rule.code)) keeps.set(rule.code, before!.keeps.get(rule.code));
      if (asBefore && !doc!.inChunk) { rules.set(rule.code, kept); continue; }
      const found: Finding[] = [];
      const ctx = {
        model, info, options,
        report(at: At, message: string, severity?: Severity, data?: Finding['data']) {
          const r = spanOf(at);
          push(found, rule.code, severityOf(rule, info, severity), message, r.start, r.end, data);
        },
        keep<T>(make: () => T): T {
          if (!keeps.has(rule.code)) keeps.set(rule.code, make());
          return keeps.get(rule.code) as T;
        },
      };
      if (asBefore) {
        const { lo, hi } = model.edit!;
        for (let i = lo; i < hi; i++) doc!.inChunk!(ctx, i);
        const { from, to } = editedLines(model);
        const off = kept.filter((f) => f.range.start.line < from || f.range.start.line >= to);
        rules.set(rule.code, mergeSorted(off, found.sort(compareFindings)));
        continue;
      }
      if (rule.scope === 'document') rule.check(ctx); else rule.acrossSections!(ctx);
      rules.set(rule.code, found);
    }
    sections = sectionFindings(model, info, options, before?.sections);
    // Kept under the options and the day: a deadline passes at midnight whatever the text does.
    const headingKey = `${key}|${checkDay(options)}`;
    fromHeadings = model.inheritedHeadingFindings(headingKey) ?? headingFindings(model, info, options);
    model.headingFindings.set(headingKey, fromHeadings);
  }
  const documentWide = others.concat(...rules.values()).sort(compareFindings);
  // Nothing changed in any of the three lists: the last version's list is this one's too (and an adapter that is given
  // the same list can leave its diagnostics as they are).
  const asBefore = before && before.headings === fromHeadings && sameFindings(before.others, documentWide);
  let all: Finding[];
  if (asBefore && before.sections === sections) all = before.all;
  else if (asBefore && before.sections && sections && sections.review === before.sections.review && sections.layout === before.sections.layout) {
    // Only the edited chunks' section findings changed: the last version's list with the findings on their lines merged
    // again (every finding elsewhere stands where it stood).
    all = spliced(model, before.all, documentWide, fromHeadings ?? [], sections, options);
  } else {
    all = applySeverity(mergeSorted(mergeSorted(documentWide, fromHeadings ?? []), sections?.list ?? []), options.severity);
    // Checked anew but found the same (an edit that moved no finding, when the last version's parts could not be
    // taken): the last version's list, so that an adapter given the same list can leave its diagnostics as they are.
    const was = model.previousCheck(key)?.all;
    if (was && sameFindings(was, all)) all = was;
  }
  model.checkParts.set(key, { rules, keeps, others: documentWide, sections, headings: fromHeadings, all });
  return all;
}

/**
 * The merged list of a version whose edit changed only chunks [lo, hi) and the section findings on their lines, the
 * other lists being the last version's: the last version's merged list, with its findings on the lines of those
 * chunks replaced by the three lists' findings on those lines, merged as the whole would be.
 */
function spliced(model: DraftAnalysis, all: readonly Finding[], documentWide: readonly Finding[], headings: readonly Finding[], sections: SectionFindings, options: CheckOptions): Finding[] {
  const { lo, hi } = model.edit!;
  const { from, to } = editedLines(model);
  const on = (list: readonly Finding[]) => list.slice(firstOnLine(list, from), firstOnLine(list, to));
  const fresh = sections.between(lo, hi);
  const mid = applySeverity(mergeSorted(mergeSorted(on(documentWide), on(headings)), fresh), options.severity);
  return all.slice(0, firstOnLine(all, from)).concat(mid, all.slice(firstOnLine(all, to)));
}
/** The lines [from, to) of the chunks the edit may have changed (DraftAnalysis.edit). */
function editedLines(model: DraftAnalysis): { from: number; to: number } {
  const { lo, hi } = model.edit!;
  return { from: model.chunkLine(lo), to: hi < model.chunkCount ? model.chunkLine(hi) : Infinity };
}
/** The index of the first finding of a sorted list on line `line` or later. */
function firstOnLine(list: readonly Finding[], line: number): number {
  return firstReached(0, list.length, (k) => list[k]!.range.start.line >= line);
}

/** The last version's check under the same options, when this version is it with a few chunks edited and the same headings. */
function lastCheck(model: DraftAnalysis, key: string): CheckParts | undefined {
  if (!model.edit || !model.headingsAsBefore || model.commentLayout.whole) return undefined;
  return model.previousCheck(key);
}

/** Whether every chunk the edit changed gives `chunkKey` the value the last version's chunk gave. */
function readsAsBefore(model: DraftAnalysis, chunkKey: NonNullable<DocumentRule['chunkKey']>): boolean {
  const e = model.edit!;
  for (let i = e.lo; i < e.hi; i++) {
    const was = model.previousChunk(i);
    if (chunkKey(model.chunkText(i), model.chunkFacts(i)) !== chunkKey(was.text, was.facts)) return false;
  }
  return true;
}

/** Two lists of findings alike, finding by finding (the same object, or the same code, severity, message, range and data). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameFinding(a[i]!, b[i]!)) return false;
  return true;
}
function sameFinding(a: Finding, b: Finding): boolean {
  const r = a.range, s = b.range;
  return a.code === b.code && a.severity === b.severity && a.message === b.message
    && r.start.line === s.start.line && r.start.character === s.start.character && r.end.line === s.end.line && r.end.character === s.end.character
    && (a.data === b.data || JSON.stringify(a.data) === JSON.stringify(b.data));
}

/** The findings of the rules that read only the headings and the front matter. */
function headingFindings(model: DraftAnalysis, info: ReviewInfo, options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  for (const rule of HEADING_RULES) {
    rule.check({
      // A heading rule keeps nothing across versions: its findings are kept whole while the headings stay.
      keep: (make) => make(),
      model, info, options,
      report(at, message, severity, data) {
        const r = spanOf(at);
        out.push(findingOn(model, rule.code, severityOf(rule, info, severity), message, r.start, r.end, data));
      },
    });
  }
  return out.sort(compareFindings);
}

/**
 * Everything outside a chunk's text that the section rules read: the review's facts and the options (one string per
 * check), and the section's place (its role, whether it has sections under it, the instrument it is about).
 */
function reviewKey(model: DraftAnalysis, info: ReviewInfo, options: CheckOptions): string {
  // A short name for the long description, so that the key of every chunk stays short to build and to compare.
  return model.env.cache.keyName(JSON.stringify([info.kind, info.stage, info.cluster, info.partyTo, info.articlesFrom, [...info.articles], info.languages, options.finalization ?? false]));
}
/** The section's place as the section rules read it (see ChunkPlace); the comment part from `commentKey`. */
function placeOf(review: string, s: Section | null, comments: string, before: ChunkPlace | undefined): ChunkPlace {
  // Not the part, nor whether sections nest under it: the part is in the chunk's own heading line, and no section rule
  // reads its children. The role is (the first heading is the title only while it is first).
  const role = s ? s.role : 'preamble', instrument = (s && sectionInstrument(s)) ?? '';
  // The last version's place when it is the same: nothing is made for the thousands of chunks a keystroke leaves.
  if (before && before.review === review && before.role === role && before.instrument === instrument && before.comments === comments) return before;
  return { review, role, instrument, comments };
}
/** The place as a key of the cache's findings, kept with a chunk's text. */
function placeKey(p: ChunkPlace): string {
  return `${p.review}|${p.role}|${p.instrument}${p.comments}`;
}

/**
 * What the comment rules of a chunk read beyond its text (comments.ts): whether threads are read section by section at
 * all, and which of the chunk's threads have lines in other sections too. Empty in the common case.
 */
function commentKey(model: DraftAnalysis, i: number): string {
  const layout = model.commentLayout;
  if (layout.whole) return '|whole';
  if (!layout.shared.size) return '';
  const shared = model.localCommentsOf(i).ids.filter((id) => layout.shared.has(id));
  return shared.length ? `|shared:${shared.join(',')}` : '';
}

/**
 * The findings of the section rules, chunk by chunk, in document order (kept per chunk: SectionFindings). After
 * an edit of a few chunks under the same review facts and comment layout, only those chunks are looked at; else every
 * chunk is, each reused where it can be (`chunkFindings`). A keystroke thus costs the chunk it changed (plus moving the
 * findings below it when it adds or removes a line).
 */
function sectionFindings(model: DraftAnalysis, info: ReviewInfo, options: CheckOptions, before: SectionFindings | undefined): SectionFindings {
  // The review facts are the last version's (the same object, under the same options): so is their key, not written out again.
  const review = before && model.reviewAsBefore ? before.review : reviewKey(model, info, options);
  const layout = model.commentLayout;
  if (before && before.review === review && before.layout === layout) return sectionFindingsAfterEdit(model, info, options, before);
  const perChunk = Slots.empty<readonly Finding[]>();
  for (let i = 0; i < model.chunkCount; i++) perChunk.set(i, chunkFindings(model, i, review, info, options));
  return new SectionFindings(review, layout, perChunk, model.chunkCount);
}

/**
 * The section findings of a version whose edit changed only chunks [lo, hi), for the review facts and comment layout of
 * the last version: its lists with those chunks' made again; the very same when they came out the same.
 */
function sectionFindingsAfterEdit(model: DraftAnalysis, info: ReviewInfo, options: CheckOptions, before: SectionFindings): SectionFindings {
  const { lo, hi } = model.edit!;
  model.keepChunkFindings();
  const fresh: (readonly Finding[])[] = [];
  let same = true;
  for (let i = lo; i < hi; i++) {
    const found = chunkFindings(model, i, before.review, info, options);
    fresh.push(found);
    same &&= sameFindings(found, before.of(i));
  }
  if (same) return before;
  const perChunk = before.forked();
  for (let i = lo; i < hi; i++) perChunk.set(i, fresh[i - lo]);
  return new SectionFindings(before.review, before.layout, perChunk, before.count);
}

/**
 * Chunk `i`'s section findings. A chunk the previous version had, with the same text on the same line for the same
 * place, gives back its findings as they were; a chunk whose text the cache knows for that place gives them back moved
 * to its line; only the other chunks are checked.
 */
function chunkFindings(model: DraftAnalysis, i: number, review: string, info: ReviewInfo, options: CheckOptions): readonly Finding[] {
  const section = model.sectionOfChunk(i);
  const comments = commentKey(model, i);
  let place: ChunkPlace | undefined;
  const kept = model.inheritedFindings(i, (p) => (place = placeOf(review, section, comments, p)) === p);
  if (kept) { model.chunkFindings.set(i, kept); return kept.findings; }
  place ??= placeOf(review, section, comments, undefined);
  const key = placeKey(place);
  const line = model.chunkLine(i);
  const facts = model.chunkFacts(i);
  let made = facts.findings?.get(key);
  if (!made) (facts.findings ??= new Map()).set(key, made = { line, findings: checkChunk(model, i, section, info, options, key) });
  const found = made.line === line ? made.findings : made.findings.map((f) => moved(f, line - made.line));
  model.chunkFindings.set(i, { place, findings: found });
  return found;
}

/** The section rules on one chunk, positions in the document (the cache keeps them with the chunk's line). */
function checkChunk(model: DraftAnalysis, i: number, section: Section | null, info: ReviewInfo, options: CheckOptions, key: string): Finding[] {
  const refs = model.referencesIn(i);
  // One context for the rules of a run, its report writing for the rule at hand: a draft has hundreds of chunks and
  // twenty section rules, and a context and a closure for each pair were a tenth of what a batch check allocated.
  const run = (rules: readonly SectionRule[], given: readonly ResolvedRef[], into: Finding[]) => {
    let rule: SectionRule = rules[0]!;
    const ctx: SectionRuleContext = {
      model, info, options, chunk: i, section, refs: given,
      report(at, message, severity, data) {
        const r = spanOf(at);
        into.push(findingOn(model, rule.code, severityOf(rule, info, severity), message, r.start, r.end, data));
      },
    };
    for (rule of rules) rule.check(ctx);
    return into.sort(compareFindings);
  };
  return mergeSorted(run(PER_CHUNK, refs, []), referenceFindings(model, i, key, refs, (given) => run(PER_REFERENCE, given, [])));
}

/**
 * The findings of the rules that judge each reference on its own (perReference) on chunk `i`, kept with the chunk's
 * text under the place `key`. When the chunk's references were taken from its earlier text (after an edit that added
 * no line, chunkReferencesEdit), so are these findings: those on the lines before the references read again and
 * those on the lines after them stand as they were, and the rules are asked only about the references between.
 */
function referenceFindings(model: DraftAnalysis, i: number, key: string, refs: readonly ResolvedRef[], judge: (refs: readonly ResolvedRef[]) => Finding[]): Finding[] {
  const line = model.chunkLine(i);
  const edit = chunkReferencesEdit(model, i);
  // The earlier text's findings, from the previous version's chunk (an edited chunk's facts are not in the cache).
  const earlier = edit && model.editedFrom(i);
  const was = edit && earlier && earlier.text === edit.earlier ? earlier.facts.referenceFindings?.get(key) : undefined;
  let found: Finding[];
  if (edit && was && was.line === line) {
    const from = model.chunkStart(i) + edit.keptTo, to = model.chunkStart(i) + edit.movedFrom;
    const lo = model.lines.positionAt(from).line, hi = model.lines.positionAt(to).line;
    const fresh = judge(refs.filter((r) => r.start >= from && r.start < to));
    found = was.findings.filter((f) => f.range.start.line < lo).concat(fresh, was.findings.filter((f) => f.range.start.line >= hi));
  } else found = judge(refs);
  // Kept only in a draft being edited (where the next keystroke may take them): a file checked once never asks again.
  if (model.followsAnother) (model.chunkFacts(i).referenceFindings ??= new Map()).set(key, { line, findings: found });
  return found;
}

function moved<F extends { range: Range }>(f: F, by: number): F {
  const { start, end } = f.range;
  return { ...f, range: { start: { line: start.line + by, character: start.character }, end: { line: end.line + by, character: end.character } } };
}

/**
 * Two lists sorted by compareFindings, merged in order (on a tie, a's finding first). When one list is far shorter
 * (the few findings of the document rules against the thousands of the sections'), its findings are placed in the
 * longer one by binary search; when both are long (3,000 findings of the heading rules against 9,000 of the sections'
 * in a prose draft), binary search compares more than walking both once does, and they are walked.
 */
export function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const [short, long, shortFirst] = a.length <= b.length ? [a, b, true] : [b, a, false];
  if (short.length * Math.log2(long.length + 1) > short.length + long.length) return mergeWalking(a, b);
  const out: Finding[] = new Array(a.length + b.length);
  let from = 0, k = 0;
  for (const f of short) {
    // The first finding of the long list that goes after f.
    let lo = from, hi = long.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; const c = compareFindings(long[mid]!, f); if (shortFirst ? c < 0 : c <= 0) lo = mid + 1; else hi = mid; }
    while (from < lo) out[k++] = long[from++]!;
    out[k++] = f;
  }
  while (from < long.length) out[k++] = long[from++]!;
  return out;
}

/** Two sorted lists merged by walking both once (on a tie, a's finding first). */
function mergeWalking(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
