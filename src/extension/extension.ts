// Extension entry point: builds the core service and registers the thin VS Code adapters around it.
import * as vscode from 'vscode';
import { Steps } from './steps';
import * as l10n from '@vscode/l10n';
import { createReviewService, marksToHtml, withoutHeadingAttributes } from '../core/index';
import { ReviewComments, type ThreadSummary } from './comments';
import { Finalization } from './finalization';
import { Progress } from './progress';
import { registerExport } from './exportWord';
import { registerImport } from './importWord';
import { ConfigFiles } from './configFiles';
import { checkOptions, SECTION } from './config';
import { DiagnosticsManager } from './diagnostics';
import { newDraftCommand, type NewDraftArgs } from './newDraft';
import { registerProviders } from './providers';
import { registerDigest } from './digest';
import { createLog, registerLoggedCommand } from './log';

/** Set by the bundle's first line (scripts/build.mjs); absent when this module runs unbundled. */
declare const __reviewObsLoadStart: number | undefined;
/**
 * Time to run the bundle's modules, from its first line to here. Activation is this plus activate()'s own time, as
 * VS Code counts it (code loading + activate call); VS Code's work between the two is not the extension's.
 */
const loadMs = performance.now() - (typeof __reviewObsLoadStart === 'number' ? __reviewObsLoadStart : performance.now());

export interface ReviewObservationsApi {
  version: string;
  /** Milliseconds to load the bundle's modules plus those of activate() itself, for the benchmark. */
  activationMs: number;
  /** The comment threads shown for a document, as VS Code holds them (for tests and other extensions). */
  commentThreads(uri: vscode.Uri): ThreadSummary[];
  /** Hook of the built-in Markdown extension: comments and suggestions render as marks, not raw markup. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

interface MdState { src: string; tokens?: { type: string; attrSet(name: string, value: string): void }[] }
interface MarkdownIt { core: { ruler: { before(name: string, rule: string, f: (state: MdState) => void): void; push(rule: string, f: (state: MdState) => void): void } } }

export function activate(context: vscode.ExtensionContext): ReviewObservationsApi {
  const activateStart = performance.now();
  // The core's messages are translated through @vscode/l10n with the bundle VS Code picked for the UI language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // The configuration file of each draft's folder (upwards), under the settings.
  let diagnostics: DiagnosticsManager | undefined;
  const configs = new ConfigFiles(() => diagnostics?.recheckAll());
  // Drafts checked "as at finalization" (Check for finalization): their ordinary diagnostics follow the readiness check,
  // so each problem is shown once and follows edits, until "Check the draft" sets them back.
  const asAtFinalization = new Set<string>();
  const service = createReviewService({ getCheckOptions: (uri) => configs.options(vscode.Uri.parse(uri), { ...checkOptions(), ...(asAtFinalization.has(uri) ? { finalization: true } : {}) }) });
  // The edits of each change, told to the service before any other listener can ask for the new version: a version is
  // then compared with the last one analysed only where the edits were, not along the whole document.
  context.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => service.changed(e.document.uri.toString(), e.document.version,
    e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })))));
  const published = new DiagnosticsManager(service, context.extensionUri, configs);
  diagnostics = published;
  const log = createLog();
  log.info(`activated, version ${context.extension.packageJSON.version as string}`); // l10n-ignore: a log line for support
  const comments = new ReviewComments(service, log);
  context.subscriptions.push(
    log,
    configs,
    diagnostics,
    comments,
    new Finalization(context.extensionUri, log, configs, { modes: asAtFinalization, recheck: (d) => published.schedule(d, 0) }),
    new Progress(service, log),
    registerExport(log, configs),
    registerImport(log),
    registerDigest(log),
    ...registerProviders(service, (d) => published.findingOf(d)),
    registerLoggedCommand(log, 'reviewObservations.newList', (args?: NewDraftArgs) => newDraftCommand('list-of-observations', args, configs)),
    registerLoggedCommand(log, 'reviewObservations.newSummary', (args?: NewDraftArgs) => newDraftCommand('summary', args, configs)),
    registerLoggedCommand(log, 'reviewObservations.check', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return [];
      // The ordinary check again, not the finalization one.
      asAtFinalization.delete(doc.uri.toString());
      const findings = published.checkNow(doc);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      // Said where the eye is, even when the Problems panel was already open.
      const n = (s: string) => findings.filter((f) => f.severity === s).length;
      vscode.window.setStatusBarMessage(vscode.l10n.t('Draft checked: {0} error(s), {1} warning(s), {2} info.', n('error'), n('warning'), n('info')), 5000);
      return findings;
    }),
    registerLoggedCommand(log, 'reviewObservations.setIdentity', setIdentity),
  );
  return {
    version: context.extension.packageJSON.version as string,
    activationMs: loadMs + (performance.now() - activateStart),
    commentThreads: (uri) => comments.summary(uri),
    extendMarkdownIt(md) {
      md.core.ruler.before('normalize', 'review-observations', (state) => {
        // Only drafts carry our markup; other Markdown renders as it always did. A draft's headings show without the
        // attributes that tie them to their article and part.
        if (service.isDraft(state.src)) state.src = marksToHtml(withoutHeadingAttributes(state.src));
        else if (/\{(==|\+\+|--|~~|>>@)/.test(state.src)) state.src = marksToHtml(state.src);
      });
      // Right to left: VS Code's preview (1.100 and later) already gives every block dir="auto"; adding ours made it
      // "auto auto", which is invalid, so an English paragraph in an Arabic draft was laid out right to left.
      return md;
    },
  };
}

export function deactivate(): void {}

async function setIdentity(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  // Both questions in one box that stays open (and keeps the keyboard) between them, even over the Welcome page.
  const steps = new Steps();
  const name = await steps.text({ prompt: vscode.l10n.t('Your name, as co-reviewers will see it on your comments'), value: cfg.get<string>('author.name') ?? '' });
  const state = name === undefined ? undefined : await steps.text({ prompt: vscode.l10n.t('The State party you review for'), value: cfg.get<string>('author.state') ?? '' });
  steps.dispose();
  if (name === undefined || state === undefined) return;
  await cfg.update('author.name', name.trim(), vscode.ConfigurationTarget.Global);
  await cfg.update('author.state', state.trim(), vscode.ConfigurationTarget.Global);
}
