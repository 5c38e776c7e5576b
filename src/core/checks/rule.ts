// What a structure rule is: a stable code, a default severity, and a function over the draft model.
import type { DraftModel, Section } from '../draft/model';
import type { ReviewInfo } from '../draft/frontMatter';
import type { Finding, Severity } from '../finding';
import type { ResolvedRef } from '../refs/resolve';
import type { CheckOptions } from './options';

export interface RuleContext {
  readonly model: DraftModel;
  /** The review from the front matter; rules that need it are not run when it is missing or invalid. */
  readonly info: ReviewInfo;
  readonly options: CheckOptions;
  report(at: Section | ResolvedRef | { start: number; end: number }, message: string, severity?: Severity, data?: Finding['data']): void;
}

export interface Rule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  check(ctx: RuleContext): void;
}
