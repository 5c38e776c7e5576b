// The language service: one entry point for adapters (extension, CLI, tests), one analysis per document version.
import { checkModel, type CheckOptions } from './checks/index';
import { DRAFT_MARKER } from './draft/frontMatter';
import { DraftAnalysis } from './draft/analysis';
import type { Finding } from './checks/finding';
import { createAnalysisEnv } from './draft/sectionCache';
import type { MarkdownParser } from './draft/parser';
import { foldingRanges, outline, type Fold, type OutlineSymbol } from './features/outline';
import { afterEdits, unchanged, type ChangedSpan, type TextEdit } from './text/changes';

export interface TextDocumentLike { readonly uri: string; readonly version: number; getText(): string }

export interface ReviewService {
  /** Whether a Markdown text is a review draft at all (front matter naming a document kind). */
  isDraft(text: string): boolean;
  model(doc: TextDocumentLike): DraftAnalysis;
  check(doc: TextDocumentLike): Finding[];
  outline(doc: TextDocumentLike): OutlineSymbol[];
  folding(doc: TextDocumentLike): Fold[];
  /**
   * The editor's report that a document became `version` by these edits of the version before (VS Code's
   * onDidChangeTextDocument). Optional: without it each version is compared with the last one analysed; with it
   * only the stretch the edits touched is.
   */
  changed(uri: string, version: number, edits: readonly TextEdit[]): void;
  /** Forget a closed document. */
  close(uri: string): void;
}

export interface ServiceOptions {
  /** The options of a document's check: the adapter's settings merged with the document's configuration file. */
  getCheckOptions?: (uri: string) => CheckOptions;
  /** The Markdown parser section trees come from (remark with GFM by default). */
  parser?: MarkdownParser;
}

/** Only the front matter is looked at: a large non-draft file costs one short regular-expression test. */
export function isDraft(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return false;
  const end = text.indexOf('\n---', start + 3);
  const head = text.slice(start, end < 0 ? Math.min(text.length, 4096) : end);
  // A comment or suggestion mark put on the front matter breaks its YAML, not the fact that it is a draft: the draft
  // is checked (and its front matter reported), never skipped as a plain Markdown file.
  return DRAFT_MARKER.test(head) || (head.includes('{') && DRAFT_MARKER.test(head.replace(/\{(?:==|\+\+|--|~~)|(?:==|\+\+|--|~~)\}|\{>>@[\w.]+<<\}/g, '')));
}

export function createReviewService(options: ServiceOptions = {}): ReviewService {
  // The service's one cache: every document's sections, by text; what a version shares with the one before is found there.
  const env = createAnalysisEnv({ parser: options.parser });
  const models = new Map<string, { version: number; model: DraftAnalysis }>();
  // Per document, the edits reported since its last analysed version (`from`), up to `to`, as one span: kept only while
  // the reports follow each other version by version from there (a gap, and the texts are compared instead).
  const edited = new Map<string, { from: number; to: number; span: ChangedSpan }>();
  const model = (doc: TextDocumentLike): DraftAnalysis => {
    const hit = models.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.model;
    const e = edited.get(doc.uri);
    edited.delete(doc.uri);
    const span = hit && e && e.from === hit.version && e.to === doc.version ? e.span : undefined;
    const m = DraftAnalysis.parse(doc.getText(), hit?.model, env, span);
    models.set(doc.uri, { version: doc.version, model: m });
    return m;
  };
  const changed = (uri: string, version: number, edits: readonly TextEdit[]): void => {
    const e = edited.get(uri), hit = models.get(uri);
    // A report with no edit (VS Code sends one when only the dirty state changes) leaves the version and the span.
    if (!edits.length && (e?.to === version || hit?.version === version)) return;
    // The reports so far when this one follows them, else a first one after the last analysed version.
    const before = e && e.to === version - 1 ? e : hit && hit.version === version - 1 ? { from: hit.version, span: unchanged(hit.model.text.length) } : undefined;
    const span = before && afterEdits(before.span, edits);
    if (before && span) edited.set(uri, { from: before.from, to: version, span });
    else edited.delete(uri);
  };
  return {
    isDraft,
    model,
    // Diagnostics, code actions and the progress view all ask for the same version's findings: the analysis keeps them.
    check: (doc) => checkModel(model(doc), options.getCheckOptions?.(doc.uri)),
    outline: (doc) => outline(model(doc)),
    folding: (doc) => foldingRanges(model(doc)),
    changed,
    close: (uri) => { models.delete(uri); edited.delete(uri); },
  };
}
