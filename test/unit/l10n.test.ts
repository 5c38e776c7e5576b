// Localization: no user-facing string bypasses l10n, and every bundle translates every message into the six UN languages.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with scripts/l10n.mjs
import { extractBundle, placeholders, scanFile, sourceFiles } from '../../scripts/l10n-scan.mjs';
import { main, type Io } from '../../src/cli/main';
import { messageLanguage, useMessageLanguage } from '../../src/cli/locale';
import { LANGUAGE_NAMES } from '../../src/core/index';

const root = join(__dirname, '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;
/** VS Code's locale ids for the five translated languages. */
const LOCALES = ['zh-cn', 'fr', 'es', 'ru', 'ar'];

describe('strings shown to users go through localization', () => {
  it('finds no literal message outside t() in the sources', () => {
    const bypasses = sourceFiles([join(root, 'src')]).flatMap((f: string) => scanFile(f).bypasses);
    expect(bypasses).toEqual([]);
  });
  it('catches a bypass when one is written (the scan can fail)', () => {
    const { bypasses, keys } = scanFile('planted.ts', [
      "void vscode.window.showErrorMessage('The draft could not be saved.');",
      "report(r, { message: `Article ${n} is missing.` });",
      "throw new UsageError('--jobs takes a number.');",
      "void vscode.window.showInformationMessage(t('Saved {0}.', name));",
      "const x = { label: 'Arcadia' }; // l10n-ignore: an example",
    ].join('\n'));
    expect(bypasses.map((b: { where: string }) => b.where)).toEqual(['planted.ts:1', 'planted.ts:2', 'planted.ts:3']);
    expect(keys).toEqual(['Saved {0}.']);
  });
  it('keeps l10n/bundle.l10n.json equal to the messages in the sources (run npm run l10n)', () => {
    expect(json('l10n/bundle.l10n.json')).toEqual(extractBundle([join(root, 'src')]));
  });
  it('every contributed title, description and label in package.json is a %key% of package.nls.json', () => {
    const manifest = json('package.json');
    const nls = json('package.nls.json');
    const literal: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        if (['title', 'description', 'markdownDescription', 'label', 'name', 'contextualTitle', 'category'].includes(k) && typeof x === 'string') {
          const m = /^%(.+)%$/.exec(x);
          // the product's name is a name, never translated
          if (!m && x !== 'Review Observations') literal.push(`${path}.${k}: ${x}`);
          else if (!m) continue;
          else expect(nls, `${path}.${k}`).toHaveProperty([m[1]!]);
        } else walk(x, `${path}.${k}`);
      }
    };
    walk(manifest.contributes, 'contributes');
    for (const k of ['displayName', 'description']) expect(manifest[k]).toMatch(/^%.+%$/);
    expect(literal).toEqual([]);
    // the language setting lists languages by their own names, which are never translated
    const langSetting = (manifest.contributes as { configuration: { properties: Record<string, { enumDescriptions?: string[] }> } }).configuration.properties['reviewObservations.defaultLanguage']!;
    expect(langSetting.enumDescriptions).toEqual(Object.values(LANGUAGE_NAMES));
  });
});

describe.each(LOCALES)('the %s translation', (locale) => {
  const check = (source: Record<string, unknown>, translated: Record<string, unknown>) => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort());
    for (const [k, v] of Object.entries(source)) {
      const tr = translated[k];
      expect(typeof tr === 'string' && tr.trim().length > 0, k).toBe(true);
      expect(placeholders(tr as string), k).toEqual(placeholders(v as string));
      // command ids, setting names and quoted codes must survive translation
      for (const code of (v as string).match(/`[^`]+`|\b(?:reviewObservations|review-obs)[\w.-]*|--[a-z][\w-]*/g) ?? []) expect(tr as string, k).toContain(code);
    }
  };
  it('of the manifest has every key of package.nls.json, with the same placeholders', () => {
    check(json('package.nls.json'), json(`package.nls.${locale}.json`));
  });
  it('of the messages has every key of l10n/bundle.l10n.json, with the same placeholders', () => {
    check(json('l10n/bundle.l10n.json'), json(`l10n/bundle.l10n.${locale}.json`));
  });
  it('is not a copy of the English', () => {
    const source = json('l10n/bundle.l10n.json');
    const translated = json(`l10n/bundle.l10n.${locale}.json`);
    const same = Object.keys(source).filter((k) => source[k] === translated[k] && /\p{L}{4,}/u.test(k));
    // a few messages are only names or syntax; anything more is an untranslated bundle
    expect(same.length).toBeLessThan(Object.keys(source).length * 0.05);
  });
});

describe('the command line speaks the chosen language', () => {
  const run = (argv: string[]) => {
    const out: string[] = [], err: string[] = [];
    const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), cwd: root };
    const code = main(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('picks --lang first, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(messageLanguage(['check', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('fr');
    expect(messageLanguage(['check', '--lang=ru'], {})).toBe('ru');
    expect(messageLanguage(['new', '--lang', 'zh,en'], {})).toBe('zh');
    expect(messageLanguage(['check'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(messageLanguage(['check'], { LC_ALL: 'ar_EG.UTF-8', LANG: 'fr_FR' })).toBe('ar');
    expect(messageLanguage(['check'], { LC_MESSAGES: 'es_ES', LANG: 'fr_FR' })).toBe('es');
    expect(messageLanguage(['check'], { LANG: 'C.UTF-8' })).toBe('en');
    expect(messageLanguage(['check'], { LANG: 'de_DE' })).toBe('en');
  });
  it.each([
    ['zh', 'examples/does-not-exist.md', '没有'],
    ['fr', 'examples/does-not-exist.md', 'fichier'],
    ['ar', 'examples/does-not-exist.md', 'ملف'],
  ])('answers in %s, and accepts --lang on any command', (lang, file, word) => {
    try {
      useMessageLanguage(lang, join(root, 'l10n'));
      const r = run(['check', file, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(word);
      expect(r.err).toContain(file);
    } finally {
      useMessageLanguage('en', join(root, 'l10n'));
    }
    expect(run(['check', 'examples/does-not-exist.md']).err).toContain('no such file or directory');
  });
  it('translates the findings themselves', () => {
    try {
      useMessageLanguage('zh', join(root, 'l10n'));
      const r = run(['check', 'test/fixtures/structure.draft.md']);
      expect(r.out).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      useMessageLanguage('en', join(root, 'l10n'));
    }
  });
  it('writes the secretariat\'s HTML report in the chosen language, right to left in Arabic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ro-report-'));
    try {
      for (const [lang, words] of [['fr', 'Projets d’examen : rapport de préparation'], ['ar', 'مسودات الاستعراض']] as const) {
        useMessageLanguage(lang, join(root, 'l10n'));
        const out = join(dir, `${lang}.html`);
        expect(await main(['report', 'examples', '-o', out], { out: () => undefined, err: () => undefined, cwd: root })).toBe(0);
        const html = readFileSync(out, 'utf8');
        expect(html).toContain(words);
        expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(html).not.toContain('readiness report');
      }
    } finally {
      useMessageLanguage('en', join(root, 'l10n'));
    }
  });
});

describe('a message formatted many times in one check', () => {
  it('fills the translated message\'s holes, in the translation\'s order', async () => {
    const l10n = await import('@vscode/l10n');
    const { formatter, HOLES } = await import('../../src/core/text/messages');
    l10n.config({ contents: { 'Suggested {0} by {1}: accept or reject it.': '{1} a proposé une {0} : acceptez-la ou rejetez-la.' } });
    try {
      const f = formatter(l10n.t('Suggested {0} by {1}: accept or reject it.', HOLES[0], HOLES[1]));
      expect(f('insertion', 'Li Wei')).toBe('Li Wei a proposé une insertion : acceptez-la ou rejetez-la.');
      expect(f('deletion', 'Ana')).toBe('Ana a proposé une deletion : acceptez-la ou rejetez-la.');
    } finally {
      l10n.config({ contents: {} });
    }
    expect(formatter('no holes')()).toBe('no holes');
  });
});
