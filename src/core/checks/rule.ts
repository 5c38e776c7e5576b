// What a code is (its registry entry) and what a rule is: a code's entry plus a function over a draft or one section.
import type { DraftAnalysis, Section } from '../draft/analysis';
import type { ReviewInfo } from '../draft/frontMatter';
import type { Finding, Severity } from './finding';
import type { ResolvedRef } from '../refs/resolve';
import type { CheckOptions } from './options';
import type { SectionFacts } from '../draft/sectionCache';

/** Everything known of a code: the Problems panel, SARIF, the configuration schema and docs/rules/ read it from here. */
export interface CodeInfo {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /**
   * What the code means, in one sentence: the first paragraph of docs/rules/<code>.md (a test keeps the two equal),
   * in English like those pages; SARIF's rule descriptions are made from it. Messages, not this, are localized.
   */
  readonly summary: string;
  /** An error whatever its severity while the draft is at `stage: finalization` (or checked as if it were). */
  readonly escalates?: boolean;
  /** Where a code that no rule raises comes from. */
  readonly raisedBy?: 'reading the file' | 'the front matter' | 'the configuration' | 'the batch check';
}

export type At = Section | ResolvedRef | { start: number; end: number };
export type Report = (at: At, message: string, severity?: Severity, data?: Finding['data']) => void;

export interface RuleContext {
  readonly model: DraftAnalysis;
  /** The review from the front matter; rules that need it are not run when it is missing or invalid. */
  readonly info: ReviewInfo;
  readonly options: CheckOptions;
  readonly report: Report;
}

/**
 * What a section rule may read: one chunk (a heading and its text up to the next heading) and the facts in its key
 * (checks/index.ts `sectionKey`). Its findings are kept with the chunk's text and reused while text and key stay.
 */
export interface SectionRuleContext extends RuleContext {
  readonly chunk: number;
  readonly section: Section | null;
  /** The chunk's references, resolved. */
  readonly refs: readonly ResolvedRef[];
}

/**
 * A rule over the whole draft (structure, comments, dates). `readsOnly: 'headings'`: its findings depend on nothing but
 * the headings (their lines, levels, texts and attributes), the front matter, the options and the day, so a version
 * whose headings are those of the previous one takes the previous findings on the same day (a keystroke in a paragraph).
 */
export interface DocumentRule extends CodeInfo {
  readonly scope: 'document';
  readonly readsOnly?: 'headings';
  /**
   * Everything the rule reads of one chunk's text, as one value compared with `===` (the chunk's offsets relative to its
   * start): a version whose headings are the last one's and whose changed chunks give the values they gave takes the
   * last version's findings of the rule (a keystroke in a paragraph does not read the whole draft again).
   */
  chunkKey?(text: string, facts: SectionFacts): unknown;
  /**
   * The rule's findings that lie in chunk `chunk`, when each of its findings lies in one chunk and follows from that
   * chunk's text and what `chunkKey` says of every chunk: after an edit whose changed chunks' keys read the same, the
   * last version's findings elsewhere are taken and only the changed chunks' are made again.
   */
  inChunk?(ctx: DocumentRuleContext, chunk: number): void;
  check(ctx: DocumentRuleContext): void;
}
/** What a document rule may also do: keep a value worked out from the whole draft. */
export interface DocumentRuleContext extends RuleContext {
  /**
   * A value the rule works out from what its `chunkKey` reads of every chunk (and from the headings and the front
   * matter): made once per version, or taken from the last version when its changed chunks' keys read the same.
   */
  keep<T>(make: () => T): T;
}
/**
 * A rule over one section at a time (references, empty parts, comment threads): what a keystroke re-runs for the
 * section it changed. `acrossSections` reports what no one section can see on its own (a thread whose lines stand in
 * two sections); it runs over the whole draft at every check, so it must find nothing to do in the common case quickly.
 */
export interface SectionRule extends CodeInfo {
  readonly scope: 'section';
  /**
   * The rule reads nothing of the chunk but its references (`refs`), each on its own with the text it stands in: its
   * findings on any of them are its findings on each. After a keystroke it is asked only about the references the
   * edit may have changed (checks/index.ts referenceFindings).
   */
  readonly perReference?: true;
  check(ctx: SectionRuleContext): void;
  acrossSections?(ctx: RuleContext): void;
}
export type Rule = DocumentRule | SectionRule;
