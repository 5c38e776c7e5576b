// review-obs new: a new list of observations from flags, or a summary from a list.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '@vscode/l10n';
import { INSTRUMENT_KEYS, isInstrumentKey, newDraft, summaryFromList, UN_LANGUAGES, type InstrumentKey, type NewDraftOptions } from '../../core/index';
import { readDraft } from '../batch';
import { ConfigFiles } from '../config';
import { printOrWrite, UsageError, type Io } from '../io';

export function create(args: string[], io: Io): number | Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false,
    options: {
      kind: { type: 'string', default: 'list' }, state: { type: 'string' }, reviewer: { type: 'string', multiple: true },
      cluster: { type: 'string' }, 'party-to': { type: 'string' }, lang: { type: 'string', default: 'en' },
      group: { type: 'string' }, start: { type: 'string' }, articles: { type: 'string' }, from: { type: 'string' },
      output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false },
    },
  });
  let text: string;
  if (values.from) {
    const src = resolve(io.cwd, values.from);
    if (!existsSync(src)) throw new UsageError(t('no such file: {0}', values.from));
    const decoded = readDraft(src);
    if (!decoded.ok) throw new UsageError(`${values.from}: ${decoded.finding.message}`);
    text = summaryFromList(decoded.text);
  } else {
    const kind = values.kind === 'list' || values.kind === 'list-of-observations' ? 'list-of-observations'
      : values.kind === 'summary' ? 'summary' : null;
    if (!kind) throw new UsageError(t('--kind must be "list" or "summary".'));
    if (!values.state?.trim()) throw new UsageError(t('--state NAME (the State party under review) is required.'));
    const partyTo = instruments(values['party-to'] ?? '', '--party-to');
    if (!partyTo.length) throw new UsageError(t('--party-to untoc[,tip,som,firearms] is required.'));
    const reviewers = (values.reviewer ?? []).map((r) => {
      const [state, list] = r.split(':');
      if (!state?.trim()) throw new UsageError(t('--reviewer needs a State name, not "{0}".', r));
      return { state: state.trim(), instruments: list ? instruments(list, '--reviewer') : partyTo };
    });
    if (reviewers.length < 2) throw new UsageError(t('give the two reviewing States parties: --reviewer NAME --reviewer NAME.'));
    const cluster = Number(values.cluster);
    if (![1, 2, 3, 4].includes(cluster)) throw new UsageError(t('--cluster must be 1, 2, 3 or 4.'));
    const languages = (values.lang ?? 'en').split(',').map((s) => s.trim());
    for (const l of languages) if (!(UN_LANGUAGES as readonly string[]).includes(l)) throw new UsageError(t('--lang takes UN language codes ({0}), not "{1}".', UN_LANGUAGES.join(', '), l));
    const opts: NewDraftOptions = { kind, stateUnderReview: values.state.trim(), reviewingStates: reviewers, cluster, partyTo, languages };
    if (values.group) {
      const g = Number(values.group);
      if (![1, 2, 3].includes(g)) throw new UsageError(t('--group must be 1, 2 or 3.'));
      opts.group = g;
    }
    if (values.start) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start)) throw new UsageError(t('--start must be a date YYYY-MM-DD.'));
      opts.reviewStart = values.start;
    }
    if (values.articles) opts.articles = parseArticles(values.articles);
    else {
      // The secretariat's official articles of the cluster, when the configuration of the target's folder has them.
      const lists = new ConfigFiles().forFile(resolve(io.cwd, values.output ?? 'draft.md'))?.config.clusters?.[String(cluster) as '1'];
      if (lists) opts.articles = Object.fromEntries(partyTo.filter((k) => lists[k]?.length).map((k) => [k, [...lists[k]!].sort((a, b) => a - b)]));
    }
    text = newDraft(opts);
  }
  return printOrWrite(text, values.output, values.force, io);
}

function instruments(list: string, flag: string): InstrumentKey[] {
  const out: InstrumentKey[] = [];
  for (const s of list.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!isInstrumentKey(s)) throw new UsageError(t('{0}: unknown instrument "{1}"; use {2}.', flag, s, INSTRUMENT_KEYS.join(', ')));
    out.push(s);
  }
  return out;
}

function parseArticles(spec: string): Partial<Record<InstrumentKey, number[]>> {
  const out: Partial<Record<InstrumentKey, number[]>> = {};
  for (const part of spec.split('/')) {
    const [k, nums] = part.split(':');
    const key = instruments(k ?? '', '--articles')[0];
    if (!key || nums === undefined) throw new UsageError(t('--articles takes INSTRUMENT:N,N/INSTRUMENT:N, not "{0}".', part));
    out[key] = nums.split(',').filter(Boolean).map((n) => {
      if (!/^\d+$/.test(n.trim())) throw new UsageError(t('--articles: "{0}" is not an article number.', n));
      return Number(n);
    });
  }
  return out;
}
