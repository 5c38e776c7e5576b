// Drafts of ordinary prose for the benchmark: sentences of real text in each language poured into a draft's parts, so
// the tools are timed on text like what experts write, not only on the generated drafts' few repeated sentences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getArticle, INSTRUMENT_KEYS, type InstrumentKey } from '../src/core/domain/instruments';
import { PARTS } from '../src/core/domain/blueprint';
import { templateFor } from '../src/core/domain/templates';

export type ProseLanguage = 'en' | 'zh' | 'fr' | 'ru' | 'ar' | 'es';

const repo = join(__dirname, '..');
const BUNDLE: Record<ProseLanguage, string> = { en: 'bundle.l10n.json', zh: 'bundle.l10n.zh-cn.json', fr: 'bundle.l10n.fr.json', ru: 'bundle.l10n.ru.json', ar: 'bundle.l10n.ar.json', es: 'bundle.l10n.es.json' };

/**
 * Sentences of real text in the language: the project's own messages in it (written by people, in full sentences),
 * and for English also the licence texts every Debian machine carries (legal prose, the register of observations).
 */
function sentences(lang: ProseLanguage): string[] {
  const out: string[] = [];
  const bundle = JSON.parse(readFileSync(join(repo, 'l10n', BUNDLE[lang]), 'utf8')) as Record<string, string>;
  const values = lang === 'en' ? Object.keys(bundle) : Object.values(bundle);
  for (const v of values) {
    // Sentences only: not the messages about options, codes, file names or addresses.
    if (/--|@|[`{}<>|=\\/]|\.(?:md|docx|json|html)\b/.test(v.replace(/\{\d+\}/g, ''))) continue;
    const s = v.replace(/\{\d+\}/g, 'Arcadia').replace(/[*_[\]#~^"]/g, '').replace(/\s+/g, ' ').trim();
    if (s.length > 30) out.push(s);
  }
  const licences = '/usr/share/common-licenses';
  if (lang === 'en' && existsSync(licences)) {
    for (const f of readdirSync(licences)) {
      let text = '';
      try { text = readFileSync(join(licences, f), 'utf8'); } catch { continue; }
      for (const s of text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z])/)) {
        const c = s.replace(/[`*_[\]#<>{}|~^]/g, '').trim();
        if (c.length > 40 && c.length < 600) out.push(c);
      }
    }
  }
  return out;
}

/** A simple generator so that each seed gives another text (a cold run sees text it has never seen). */
function random(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

/**
 * Reference forms as each language's drafts write them ({a} an article, {p} a paragraph number): one in about three
 * paragraphs carries one, with numbers that exist or not, so reference checking is timed on the share of text it meets.
 */
const REFERENCES: Record<ProseLanguage, string[]> = {
  en: ['article {a} of the Convention', 'article {a}, paragraph {p} (a), of the Convention', 'paragraphs 1 and {p} of article {a}', 'articles {a} to {b} of the Convention', 'article {a} of the Trafficking in Persons Protocol'],
  zh: ['《公约》第{a}条', '《公约》第{a}条第{p}款', '第{a}条第{p}(a)款', '《公约》第{a}、{b}条', '《贩运人口议定书》第{a}条'],
  fr: ['l’article {a} de la Convention', 'le paragraphe {p} de l’article {a} de la Convention', 'l’alinéa a) du paragraphe {p} de l’article {a}', 'aux articles {a} à {b} de la Convention', 'l’article {a} du Protocole relatif à la traite des personnes'],
  es: ['el artículo {a} de la Convención', 'el párrafo {p} del artículo {a} de la Convención', 'artículo {a}, párrafo {p}, apartado a), de la Convención', 'los artículos {a} a {b} de la Convención', 'el artículo {a} del Protocolo contra la trata de personas'],
  ru: ['статьи {a} Конвенции', 'пункта {p} статьи {a} Конвенции', 'подпункт (a) пункта {p} статьи {a}', 'статьях {a}–{b} Конвенции', 'статьи {a} Протокола о торговле людьми'],
  ar: ['المادة {a} من الاتفاقية', 'الفقرة {p} من المادة {a} من الاتفاقية', 'الفقرة الفرعية (أ) من الفقرة {p} من المادة {a}', 'المواد من {a} إلى {b} من الاتفاقية', 'المادة {a} من بروتوكول الاتجار بالأشخاص'],
};

/** A draft of about `bytes` bytes of prose in `lang`: every article section, each part a few paragraphs of sentences. */
export function proseDraft(bytes: number, seed: number, lang: ProseLanguage, withReferences = false): string {
  const tpl = templateFor(lang);
  const pool = sentences(lang);
  const next = random(seed);
  const every: [InstrumentKey, number][] = INSTRUMENT_KEYS.filter((k) => k !== 'firearms').flatMap((k) => [...Array(k === 'untoc' ? 41 : k === 'tip' ? 20 : 25).keys()].map((i) => [k, i + 1] as [InstrumentKey, number]));
  const head = `---\ndocument: list-of-observations\nstate-under-review: State ${seed}\nreviewing-states: [Borealia, Calderra]\ncluster: 1\nparty-to: [untoc, tip, som]\nlanguages: [${lang}]\n---\n\n# ${tpl.title('list-of-observations', `State ${seed}`)}\n\n## ${tpl.introduction} {#introduction}\n\n`;
  const out: string[] = [head];
  let size = head.length * 2;
  const paragraph = () => {
    const n = 2 + Math.floor(next() * 5);
    let p = Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]!).join(lang === 'zh' ? '' : ' ');
    if (withReferences && next() < 0.35) {
      const forms = REFERENCES[lang];
      const a = 1 + Math.floor(next() * 44);
      const ref = forms[Math.floor(next() * forms.length)]!.replace('{a}', String(a)).replace('{b}', String(a + 2)).replace('{p}', String(1 + Math.floor(next() * 4)));
      p += lang === 'zh' ? `见${ref}。` : ` (${ref}).`;
    }
    out.push(p, '\n\n');
    size += Buffer.byteLength(p) + 2;
  };
  paragraph();
  let lastInst: InstrumentKey | null = null;
  for (let i = 0; size < bytes; i++) {
    const [k, a] = every[i % every.length]!;
    if (k !== lastInst) { out.push(`## ${tpl.instrument(k)} {#${k}}\n\n`); lastInst = k; }
    out.push(`### ${tpl.article(getArticle(k, a)!)} {#${k}-${a}}\n\n`);
    for (const p of PARTS) {
      out.push(`#### ${tpl.part[p.id]} {.${p.id}}\n\n`);
      for (let j = 0; j < 3 && size < bytes; j++) paragraph();
    }
  }
  return out.join('');
}
