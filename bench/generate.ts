// Generates realistic drafts for the benchmark: English and Chinese, references, comment threads, suggestions, footnotes.
import { getArticle, INSTRUMENT_KEYS, type InstrumentKey } from '../src/core/domain/instruments';
import { PARTS } from '../src/core/domain/blueprint';
import { templateFor } from '../src/core/domain/templates';

const EN = [
  'The reviewing experts noted that section {n} of the Criminal Code covers the conduct described in article 5, paragraph 1 (a) (i), of the Convention.',
  'Arcadia reported {n} investigations and {m} convictions between 2017 and 2021, as required by art. 6(1)(b) of the Convention.',
  'The offence applies to the laundering of proceeds of any serious crime, consistent with article 6, paragraph 2 (b), and articles 5, 6 and 23 of the Convention.',
  'The experts recommend reviewing the overt-act requirement in the light of paragraph 3 of article 5 of the Convention.',
];
const ZH = [
  '审议专家注意到，《刑法典》第{n}条涵盖了《公约》第5条第1(a)款所述的行为。',
  '阿卡迪亚报告2017年至2021年间共进行{n}项侦查，{m}项定罪，符合第6条第2(b)款的要求。',
  '鼓励阿卡迪亚根据《公约》第23条审查妨害司法罪的适用范围。',
];

/** A draft of about `bytes` bytes; `seed` makes every section's text different from another seed's. */
export function generateDraft(bytes: number, seed = 0, lang: 'en' | 'zh' = 'en'): string {
  const tpl = templateFor(lang);
  const every: [InstrumentKey, number][] = INSTRUMENT_KEYS.filter((k) => k !== 'firearms').flatMap((k) => [...Array(k === 'untoc' ? 41 : k === 'tip' ? 20 : 25).keys()].map((i) => [k, i + 1] as [InstrumentKey, number]));
  // A small draft covers few articles; a large one all 86 articles of the Convention and two Protocols, with longer parts.
  const perArticle = 5 * (lang === 'zh' ? 150 : 190) + 150;
  const all = every.slice(0, Math.max(1, Math.min(every.length, Math.floor(bytes / perArticle))));
  const articlesOf = (k: InstrumentKey) => all.filter(([x]) => x === k).map(([, n]) => n);
  const head = `---\ndocument: list-of-observations\nstate-under-review: State ${seed}\nreviewing-states: [Borealia, Calderra]\ncluster: 1\nparty-to: [untoc, tip, som]\nlanguages: [${lang}]\narticles:\n  untoc: [${articlesOf('untoc').join(', ')}]\n  tip: [${articlesOf('tip').join(', ')}]\n  som: [${articlesOf('som').join(', ')}]\n---\n\n# ${tpl.title('list-of-observations', `State ${seed}`)}\n\n## ${tpl.introduction} {#introduction}\n\nIntroduction ${seed}.\n\n`;
  // Paragraphs per part chosen so that the whole reaches the size asked for.
  const perPara = lang === 'zh' ? 150 : 190;
  const parts = all.length * PARTS.length;
  const paras = Math.max(1, Math.round((bytes - head.length - all.length * 120) / parts / perPara));
  const out: string[] = [head];
  let n = 0, thread = 0, lastInst: InstrumentKey | null = null;
  for (const [k, a] of all) {
    if (k !== lastInst) { out.push(`## ${tpl.instrument(k)} {#${k}}\n\n`); lastInst = k; }
    out.push(`### ${tpl.article(getArticle(k, a)!)} {#${k}-${a}}\n\n`);
    for (const p of PARTS) {
      out.push(`#### ${tpl.part[p.id]} {.${p.id}}\n\n`);
      for (let i = 0; i < paras; i++) {
        n++;
        const src = lang === 'zh' ? ZH : EN;
        let para = `${src[n % src.length]!.replace('{n}', String(200 + (n % 97))).replace('{m}', String(n % 13))} (${seed}-${n})`;
        if (n % 11 === 0) { // a comment thread with a reply
          // A fixed-width counter: padding the end made threads 3, 108 and 3888 share an id.
          const id = `t${seed.toString(36)}${(thread++).toString(36).padStart(6, '0')}`;
          para = para.replace(/(\S+)$/, `{==$1==}{>>@${id}<<}`) + `\n{>>@${id} | Ana Pérez (Borealia) | 2026-11-23T09:00:00Z | Is this figure confirmed?<<}\n{>>@${id}.r1 | Li Wei (Calderra) | 2026-11-23T10:00:00Z | Yes, by the 2022 statistics.<<}`;
        } else if (n % 13 === 0) { // a suggested replacement
          const id = `s${seed.toString(36)}${(thread++).toString(36).padStart(6, '0')}`;
          para = para.replace(/^(\S+)/, `{~~$1~>${lang === 'zh' ? '此外，' : 'Moreover,'}~~}{>>@${id}<<}`) + `\n{>>@${id} | Li Wei (Calderra) | 2026-11-23T10:00:00Z<<}`;
        } else if (n % 17 === 0) para += `[^f${seed}x${n}]\n\n[^f${seed}x${n}]: Source: national statistics ${n}.`;
        out.push(para, '\n\n');
      }
    }
  }
  return out.join('');
}
