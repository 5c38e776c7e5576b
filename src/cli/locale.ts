// Picks the CLI's message language (--lang, else the environment's locale) and loads its translation bundle.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';

/** Bundle suffixes shipped in l10n/ (VS Code's locale ids); English is the source and has no bundle. */
const BUNDLES: Record<string, string> = { zh: 'zh-cn', fr: 'fr', es: 'es', ru: 'ru', ar: 'ar' };

/**
 * The UN language for messages: the first language given to --lang, else LC_ALL, LC_MESSAGES, LANG
 * (POSIX order of precedence). "zh_CN.UTF-8" → zh, "fr-CA" → fr; anything else → en.
 */
export function messageLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromArg = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice(7) : argv[i + 1];
  const raw = fromArg?.split(',')[0] ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  const lang = raw.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
  return Object.hasOwn(BUNDLES, lang) ? lang : 'en';
}

/** Makes t() answer in `lang`; a missing bundle leaves the English messages (never an error). */
export function useMessageLanguage(lang: string, l10nDir: string): void {
  const suffix = BUNDLES[lang];
  const file = suffix ? join(l10nDir, `bundle.l10n.${suffix}.json`) : '';
  const contents = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as l10n.l10nJsonFormat) : {};
  useMessages(contents);
  language = Object.keys(contents).length ? lang : 'en';
}

let language = 'en';
/** The language the messages are in: what an HTML page written in it declares as its own. */
export function currentLanguage(): string { return language; }

let current: l10n.l10nJsonFormat = {};
/** The bundle in use, handed to worker threads so their findings speak the same language. */
export function currentMessages(): l10n.l10nJsonFormat { return current; }
export function useMessages(contents: l10n.l10nJsonFormat): void {
  current = contents;
  l10n.config({ contents });
}
