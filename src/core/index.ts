// The public surface of the pure core, by layer: what the extension, the CLI and the tests use, and nothing that needs an editor.
// The Word exporter and importer (export/docx.ts, word/index.ts) are imported from their own modules: they are loaded on first use.

// The analysis of a draft: one per document version, its cache and parser, and the service that hands them out.
export { createReviewService } from './service';
export type { ReviewService, TextDocumentLike } from './service';
export type { TextEdit } from './text/changes';
export { DraftAnalysis } from './draft/analysis';
export { createAnalysisEnv } from './draft/sectionCache';
export type { AnalysisEnv } from './draft/sectionCache';
export type { MarkdownParser } from './draft/parser';
export { DRAFT_MARKER, STATUSES } from './draft/frontMatter';
export type { Status } from './draft/frontMatter';
export { LineIndex } from './text/lines';
export type { Range } from './text/lines';

// Domain data: instruments, clusters, the blueprint, names and template texts.
export { getInstrument, INSTRUMENT_KEYS, isInstrumentKey, UN_LANGUAGES } from './domain/instruments';
export type { InstrumentKey } from './domain/instruments';
export { clusterLabel, CLUSTERS } from './domain/clusters';
export { isPartId, PARTS } from './domain/blueprint';
export type { DocumentKind } from './domain/blueprint';
export { instrumentName, statusLabel } from './domain/describe';
export { LANGUAGE_NAMES } from './domain/templates';

// Checks: the rule registry, findings, options.
export { checkModel, CODES, REGISTRY } from './checks/index';
export type { Finding, Severity, SeverityOverrides } from './checks/finding';
export type { CheckOptions } from './checks/options';

// Features over an analysis or a text: editing help, fixes, comments, assignments, comparison, deadlines.
export { completionsAt, definitionAt, hoverAt } from './refs/editing';
export { foldingRanges, outline } from './features/outline';
export type { OutlineSymbol } from './features/outline';
export { fixAll, fixesFor } from './features/fixes';
export { applyEdits, editsGive } from './features/edits';
export type { OffsetEdit } from './features/edits';
export { parseComments } from './comments/parse';
export type { CommentThread } from './comments/parse';
export { accept, acceptAll, addComment, authorLabel, cleanCopy, CommentError, deleteComment, deleteThread, editComment, parseAuthor, reject, rejectAll, reply, serializeBlock, setResolved, suggestChange, threadAuthor } from './comments/ops';
export type { OpContext } from './comments/ops';
export { markBidiBlocks, marksToHtml, withoutHeadingAttributes } from './comments/preview';
export { agreedCount, articleStatuses, proposeSplit, setStatusEdit, splitEdit } from './features/assignments';
export { agreedText, agreedVersion, agreements, fingerprint, isAgreed, sectionFingerprint, statusEdit } from './features/agreement';
export type { AgreementState, Agreer } from './features/agreement';
export type { ArticleStatus, SplitMethod } from './features/assignments';
export { compareTexts, differencesAsSuggestions, draftWithSuggestions, tokenize } from './features/compare';
export { newDraft, summaryFromList } from './features/skeleton';
export type { NewDraftOptions } from './features/skeleton';
export { countLength, proseOf } from './features/length';
export { deadlinesFrom } from './features/timeline';

// Policy on files: reading, writing, the export gate.
export { decodeDraft, DEFAULT_MAX_BYTES, kindOfError, readFailure, tooLarge, unreadablePath, utf8Length } from './files/input';
export type { Decoded, FileKind } from './files/input';
export { ReplaceError, replaceFile } from './files/replaceFile';
export type { ReplaceFs } from './files/replaceFile';
export { cleanExportBlockers } from './export/gate';
export { wordLockNames } from './export/wordLock';

// Outputs of many drafts: summaries, SARIF, the HTML report, the digest across reviews (its .docx and .xlsx writers are
// imported from output/digestFiles.ts: they need the docx and exceljs libraries).
export { summarizeBytes, summarizeDecoded, withCrossChecks } from './output/summary';
export type { DraftSummary } from './output/summary';
export { toSarif } from './output/sarif';
export { reportHtml } from './output/report';
export { digestCounts, digestCsv, digestEntries, digestHtml } from './output/digest';
export type { ArticleCount, DigestEntry, DigestOptions } from './output/digest';
