// The New list of observations / New summary commands: a short wizard, then the core writes the skeleton.
import * as vscode from 'vscode';
import type { ReviewConfig } from '../core/config/config';
import type { ConfigFiles } from './configFiles';
import {
  CLUSTERS, clusterLabel, instrumentName, DRAFT_MARKER, LANGUAGE_NAMES, UN_LANGUAGES, getInstrument, INSTRUMENT_KEYS, newDraft, summaryFromList,
  type DocumentKind, type InstrumentKey, type NewDraftOptions,
} from '../core/index';
import { defaultLanguage } from './config';
import { Steps } from './steps';

/** Arguments a test or another extension can pass to skip the wizard. */
export interface NewDraftArgs { options?: NewDraftOptions; fromListUri?: string; targetUri?: string }

const t = vscode.l10n.t;

export async function newDraftCommand(kind: DocumentKind, args?: NewDraftArgs, configs?: ConfigFiles): Promise<vscode.Uri | undefined> {
  let text: string | undefined;
  try {
    if (args?.options) text = newDraft({ ...args.options, kind });
    else if (args?.fromListUri) text = summaryFromList((await vscode.workspace.openTextDocument(vscode.Uri.parse(args.fromListUri))).getText());
    else if (kind === 'summary' && activeList()) {
      const pick = await vscode.window.showQuickPick([
        { label: t('From the open list of observations'), from: true },
        { label: t('Blank summary'), from: false },
      ], { title: t('New summary') });
      if (!pick) return undefined;
      text = pick.from ? summaryFromList(activeList()!.getText()) : await wizard(kind);
    } else {
      // The official articles of the cluster, when the workspace's configuration file has them.
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const clusters = folder ? (await configs?.load(vscode.Uri.joinPath(folder, 'new.md')))?.config.clusters : undefined;
      text = await wizard(kind, clusters);
    }
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return undefined;
  }
  if (text === undefined) return undefined;
  let target = args?.targetUri ? vscode.Uri.parse(args.targetUri) : undefined;
  if (!target && !args) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: kind === 'summary' ? t('Save the new summary') : t('Save the new list of observations'),
      filters: { Markdown: ['md'] },
      defaultUri: folder ? vscode.Uri.joinPath(folder, kind === 'summary' ? 'summary.md' : 'list-of-observations.md') : undefined,
    });
    if (!target) return undefined;
  }
  if (target) {
    // Never overwrite: the save dialog already asked; a programmatic target must be new.
    if (args?.targetUri && (await exists(target))) {
      void vscode.window.showErrorMessage(t('{0} already exists; nothing was written.', target.fsPath));
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
    return target;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc);
  return doc.uri;
}

function activeList(): vscode.TextDocument | undefined {
  const d = vscode.window.activeTextEditor?.document;
  return d && d.languageId === 'markdown' && DRAFT_MARKER.exec(d.getText(new vscode.Range(0, 0, 40, 0)))?.[1] === 'list-of-observations' ? d : undefined;
}

async function exists(u: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(u); return true; } catch { return false; }
}

async function wizard(kind: DocumentKind, clusters?: ReviewConfig['clusters']): Promise<string | undefined> {
  // One box for every question, open from the first to the last (see steps.ts): the keyboard never leaves it.
  const steps = new Steps();
  try {
    return await ask(steps, kind, clusters);
  } finally {
    steps.dispose();
  }
}

async function ask(steps: Steps, kind: DocumentKind, clusters?: ReviewConfig['clusters']): Promise<string | undefined> {
  const title = kind === 'summary' ? t('New summary') : t('New list of observations');
  const state = await steps.text({ title, prompt: t('State party under review'), placeHolder: 'Arcadia', // l10n-ignore: an example name
    validate: (v) => (v.trim() ? undefined : t('Name the State party under review.')) });
  if (!state) return undefined;
  const reviewers = await steps.text({
    title, prompt: t('Reviewing States parties, separated by commas'), placeHolder: 'Borealia, Calderra', // l10n-ignore: example names
    validate: (v) => (v.split(',').filter((s) => s.trim()).length >= 2 ? undefined : t('Name both reviewing States parties.')),
  });
  if (!reviewers) return undefined;
  const lang = defaultLanguage();
  const cluster = await steps.pick(CLUSTERS.map((c) => ({ label: clusterLabel(c, lang), n: c.number })), { title, placeHolder: t('Thematic cluster under review') });
  if (!cluster) return undefined;
  const instruments = await steps.pickMany(
    INSTRUMENT_KEYS.map((k) => ({ label: instrumentName(k), description: getInstrument(k).fullName(lang) ?? '', key: k, picked: k !== 'firearms' })),
    { title, placeHolder: t('Instruments the State party under review is party to') },
  );
  if (!instruments?.length) return undefined;
  // Languages by their own names (never translated), in UN order; a second language makes the headings bilingual.
  const names = LANGUAGE_NAMES;
  // The default language first, so Enter through the wizard gives a draft in it (then the others in UN order).
  const order = [lang, ...UN_LANGUAGES.filter((l) => l !== lang)].filter((l) => (UN_LANGUAGES as readonly string[]).includes(l));
  const first = await steps.pick(order.map((l) => ({ label: names[l as keyof typeof names], lang: l as string })), { title, placeHolder: t('Language of the review (the headings are written in it)') });
  if (!first) return undefined;
  const second = await steps.pick(
    [{ label: t('None'), lang: '' }, ...UN_LANGUAGES.filter((l) => l !== first.lang).map((l) => ({ label: names[l], lang: l as string }))],
    { title, placeHolder: t('Second language of the review, if any (the headings become bilingual)') },
  );
  if (!second) return undefined;
  const languages = { langs: second.lang ? [first.lang, second.lang] : [first.lang] };
  const partyTo: InstrumentKey[] = instruments.map((i) => i.key);
  if (!partyTo.includes('untoc')) partyTo.unshift('untoc');
  const lists = clusters?.[String(cluster.n) as '1'];
  return newDraft({
    kind, stateUnderReview: state.trim(), cluster: cluster.n, partyTo, languages: languages.langs,
    ...(lists ? { articles: Object.fromEntries(partyTo.filter((k) => lists[k]?.length).map((k) => [k, [...lists[k]!].sort((a, b) => a - b)])) } : {}),
    reviewingStates: reviewers.split(',').map((s) => s.trim()).filter(Boolean).map((s) => ({ state: s, instruments: partyTo })),
  });
}
