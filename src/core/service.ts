// The language service: one entry point for adapters (extension, CLI, tests), caching one model per document version.
import { checkModel, type CheckOptions } from './checks/index';
import { DRAFT_MARKER } from './draft/frontMatter';
import { DraftModel } from './draft/model';
import type { Finding } from './finding';
import { foldingRanges, outline, type Fold, type OutlineSymbol } from './outline';

export interface TextDocumentLike { readonly uri: string; readonly version: number; getText(): string }

export interface ReviewService {
  /** Whether a Markdown text is a review draft at all (front matter naming a document kind). */
  isDraft(text: string): boolean;
  model(doc: TextDocumentLike): DraftModel;
  check(doc: TextDocumentLike): Finding[];
  outline(doc: TextDocumentLike): OutlineSymbol[];
  folding(doc: TextDocumentLike): Fold[];
  /** Forget a closed document. */
  close(uri: string): void;
}

/** The options of a document's check: the adapter's settings merged with the document's configuration file. */
export interface ServiceOptions { getCheckOptions?: (uri: string) => CheckOptions }

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
  const models = new Map<string, { version: number; model: DraftModel }>();
  const model = (doc: TextDocumentLike): DraftModel => {
    const hit = models.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.model;
    const m = DraftModel.parse(doc.getText(), hit?.model);
    models.set(doc.uri, { version: doc.version, model: m });
    return m;
  };
  // Diagnostics, code actions and the progress view all ask for the same version's findings: one check serves them.
  const checked = new WeakMap<DraftModel, { options: string; findings: Finding[] }>();
  const check = (doc: TextDocumentLike): Finding[] => {
    const m = model(doc);
    const opts = options.getCheckOptions?.(doc.uri);
    const key = JSON.stringify(opts ?? null);
    const hit = checked.get(m);
    if (hit && hit.options === key) return hit.findings;
    const findings = checkModel(m, opts);
    checked.set(m, { options: key, findings });
    return findings;
  };
  return {
    isDraft,
    model,
    check,
    outline: (doc) => outline(model(doc)),
    folding: (doc) => foldingRanges(model(doc)),
    close: (uri) => { models.delete(uri); },
  };
}
