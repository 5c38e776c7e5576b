// The language service: one entry point for adapters (extension, CLI, tests), one analysis per document version.
import { checkModel, type CheckOptions } from './checks/index';
import { DRAFT_MARKER } from './draft/frontMatter';
import { DraftAnalysis } from './draft/analysis';
import type { Finding } from './checks/finding';
import { createAnalysisEnv } from './draft/sectionCache';
import type { MarkdownParser } from './draft/parser';
import { foldingRanges, outline, type Fold, type OutlineSymbol } from './features/outline';

export interface TextDocumentLike { readonly uri: string; readonly version: number; getText(): string }

export interface ReviewService {
  /** Whether a Markdown text is a review draft at all (front matter naming a document kind). */
  isDraft(text: string): boolean;
  model(doc: TextDocumentLike): DraftAnalysis;
  check(doc: TextDocumentLike): Finding[];
  outline(doc: TextDocumentLike): OutlineSymbol[];
  folding(doc: TextDocumentLike): Fold[];
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
  const model = (doc: TextDocumentLike): DraftAnalysis => {
    const hit = models.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.model;
    const m = DraftAnalysis.parse(doc.getText(), hit?.model, env);
    models.set(doc.uri, { version: doc.version, model: m });
    return m;
  };
  return {
    isDraft,
    model,
    // Diagnostics, code actions and the progress view all ask for the same version's findings: the analysis keeps them.
    check: (doc) => checkModel(model(doc), options.getCheckOptions?.(doc.uri)),
    outline: (doc) => outline(model(doc)),
    folding: (doc) => foldingRanges(model(doc)),
    close: (uri) => { models.delete(uri); },
  };
}
