// Recognizes article references written in Chinese: 第5条 / 第五条, 第1款, 第2(d)款, (a)项, 第(一)目, lists and ranges, with 《公约》-style names.
import { aliasEndingAt } from './names';
import type { InstrumentMention, RawRef, Target, Unit } from './types';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic (half- or full-width) or Chinese numerals up to 999. */
export function zhNumber(s: string): number | null {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  let total = 0, cur = 0;
  for (const ch of s) {
    if (ch in DIGITS) cur = DIGITS[ch]!;
    else if (ch === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (ch === '百') { total += (cur || 1) * 100; cur = 0; }
    else return null;
  }
  return total + cur;
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

const N = '([0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})';
const S = '[ \\t]*';
const ARTICLE_HEAD = `第${S}${N}${S}(?=[条、和及或至到\\-–])`;
const NUM_Y = new RegExp(`${S}${N}`, 'y');
const SEP = new RegExp(`${S}(、|和|及|或|至|到|-|–)${S}`, 'y');
const TIAO = new RegExp(`${S}条`, 'y');
const DI = new RegExp(`${S}第`, 'y');
// (a), （三）, or one of the parenthesized ideographs ㈠…㈩ the PRC style writes items with
const PAREN = /[ \t]*(?:[(（][ \t]*([a-z]{1,2}|[ivx]{1,5}|[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*[)）]|([㈠-㈩]))/y;
const RANGE_TO = new RegExp(`${S}(?:至|到)${S}(?:第${S})?`, 'y');
const LIST_AND = new RegExp(`${S}(?:和|及|或|、)${S}(?:第${S})?`, 'y');
const KUAN = new RegExp(`${S}款`, 'y');
const XIANG = new RegExp(`${S}项`, 'y');
const MU = new RegExp(`${S}目`, 'y');

function at(t: string, p: number, re: RegExp): RegExpExecArray | null { re.lastIndex = p; return re.exec(t); }

/** A list of numbers each closed by `closer` or sharing one: 第5、6和23条, 第5条至第8条, 第5至8条; with where each stands. */
function numberList(t: string, p: number, closer: RegExp): { v: number[]; spans: { start: number; end: number }[]; end: number } | null {
  const v: number[] = [];
  const spans: { start: number; end: number }[] = [];
  let end = p;
  let pendingRange = false;
  for (;;) {
    const m = at(t, end, NUM_Y);
    if (!m) return null;
    const n = zhNumber(m[1]!);
    if (n === null) return null;
    const here = { start: end, end: NUM_Y.lastIndex };
    if (pendingRange && v.length && n > v[v.length - 1]! && n - v[v.length - 1]! <= 60) {
      // the elements of a range share its place: 第40条至第45条 is one finding when it runs past the end
      const span = { start: spans[spans.length - 1]!.start, end: here.end };
      spans[spans.length - 1] = span;
      for (let k = v[v.length - 1]! + 1; k <= n; k++) { v.push(k); spans.push(span); }
    } else { v.push(n); spans.push(here); }
    end = NUM_Y.lastIndex;
    const closed = at(t, end, closer);
    if (closed) end = closer.lastIndex;
    const sep = at(t, end, SEP);
    if (!sep) { if (!closed) return null; break; }
    // Continue only when another number (optionally with 第) follows the separator.
    let q = SEP.lastIndex;
    const di = at(t, q, DI);
    if (di) q = DI.lastIndex;
    if (!at(t, q, NUM_Y)) { if (!closed) return null; break; }
    pendingRange = sep[1] === '至' || sep[1] === '到' || sep[1] === '-' || sep[1] === '–';
    end = q;
  }
  return { v, spans, end };
}

/** One parenthesized or ordinal subdivision as a letter (项) or a Roman numeral (目). */
function groupValue(raw: string, level: 'letter' | 'roman'): string | null {
  if (/^[㈠-㈩]$/.test(raw)) raw = String(raw.charCodeAt(0) - 0x321f);
  if (/^[a-z]{1,2}$/.test(raw) && level === 'letter') return raw;
  if (/^[ivx]+$/.test(raw)) return raw;
  const n = zhNumber(raw);
  if (n === null || n < 1) return null;
  return level === 'letter' ? LETTERS[n - 1] ?? null : ROMAN[n] ?? null;
}

/** One subdivision closed by its word: (a)项, 第(a)项, 第一项, ㈢目. */
function groupAt(t: string, p: number, closer: RegExp, level: 'letter' | 'roman'): { v: string; end: number } | null {
  let q = p;
  if (at(t, q, DI)) q = DI.lastIndex;
  const paren = at(t, q, PAREN);
  const g = paren ?? at(t, q, NUM_Y);
  if (!g) return null;
  if (!at(t, paren ? PAREN.lastIndex : NUM_Y.lastIndex, closer)) return null;
  const v = groupValue(g[1] ?? g[2]!, level);
  return v ? { v, end: closer.lastIndex } : null;
}

/**
 * The last `c` among the `span` characters before `end`, or -1: a search back through a long line from each reference
 * is quadratic in a line of thousands of them.
 */
function lastWithin(text: string, c: string, end: number, span: number): number {
  const from = Math.max(0, end - span), i = text.slice(from, end).lastIndexOf(c);
  return i < 0 ? -1 : from + i;
}

/** The references whose 第 stands in [from, to) of `text` (the text before is read for the instrument's name). */
export function scanChinese(text: string, from = 0, to = text.length): RawRef[] {
  const out: RawRef[] = [];
  const head = new RegExp(ARTICLE_HEAD, 'g');
  head.lastIndex = from;
  for (let m = head.exec(text); m && m.index < to; m = head.exec(text)) {
    const start = m.index;
    const arts = numberList(text, start + 1, TIAO);
    if (!arts) continue;
    let end = arts.end;
    // The units belong to the last article of a list: 第6条、第8条和第10条第2款.
    const units: Unit[] = [];
    let unitSpans: { start: number; end: number }[] = [];
    const di = at(text, end, DI);
    if (di) {
      // 第1款 / 第2(d)款 / 第1、2款 / 第1款和第2款
      const q = DI.lastIndex;
      const paras = numberList(text, q, KUAN);
      if (paras) {
        for (const p of paras.v) units.push({ paragraph: p, groups: [] });
        unitSpans = paras.spans;
        end = paras.end;
      } else {
        // 第2(d)款: UN Chinese style with the subparagraph inside the 款
        const n = at(text, q, NUM_Y);
        if (n) {
          let r = NUM_Y.lastIndex;
          const groups: string[] = [];
          for (let g = at(text, r, PAREN); g; g = at(text, r, PAREN)) {
            const v = groupValue(g[1] ?? g[2]!, groups.length ? 'roman' : 'letter');
            if (!v) break;
            groups.push(v);
            r = PAREN.lastIndex;
          }
          if (groups.length && at(text, r, KUAN)) {
            units.push({ paragraph: zhNumber(n[1]!)!, groups });
            end = KUAN.lastIndex;
          }
        }
      }
    }
    // (a)项 / 第(a)项 / 第一项 / (a)项至(c)项, then (ii)目 / 第(一)目 / ㈢目, on a single unit (or on the article when it has no paragraphs)
    if (units.length <= 1) {
      for (const [level, closer] of [['letter', XIANG], ['roman', MU]] as const) {
        const g = groupAt(text, end, closer, level);
        if (!g) { if (level === 'letter') continue; break; }
        const u = units[0] ?? (units.push({ groups: [] }), units[0]!);
        if (level === 'roman' && u.groups.length === 0) break;
        const from = end;
        u.groups.push(g.v);
        end = g.end;
        // a range of subparagraphs: (a)项至(c)项
        const to = level === 'letter' && at(text, end, RANGE_TO) ? groupAt(text, RANGE_TO.lastIndex, closer, level) : null;
        if (to && /^[a-z]$/.test(g.v) && /^[a-z]$/.test(to.v) && to.v > g.v) {
          const base = units.pop()!;
          for (let c = g.v.charCodeAt(0); c <= to.v.charCodeAt(0); c++) units.push({ ...base, groups: [...base.groups.slice(0, -1), String.fromCharCode(c)] });
          unitSpans = units.map(() => ({ start: from, end: to.end }));
          end = to.end;
          break;
        }
        // a list of subparagraphs: (a)项和(b)项, (a)项、(c)项及(d)项
        if (level === 'letter') {
          const base = u;
          let listed = false;
          for (let sep = at(text, end, LIST_AND); sep; sep = at(text, end, LIST_AND)) {
            const next = groupAt(text, LIST_AND.lastIndex, closer, level);
            if (!next || !/^[a-z]{1,2}$/.test(next.v)) break;
            if (!listed) { unitSpans = [{ start: from, end }]; listed = true; }
            const at0 = LIST_AND.lastIndex;
            units.push({ ...base, groups: [...base.groups.slice(0, -1), next.v] });
            unitSpans.push({ start: at0, end: next.end });
            end = next.end;
          }
          if (listed) break;
        }
      }
    }
    // The instrument stands before 第: 《公约》第5条, 公约第5条, 本公约第5条; 《刑法》第212条 is domestic law.
    let b = start;
    while (b > 0 && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
    // A year or note in brackets may stand between the name and the article: 《刑法典》（2009年）第212条.
    if (text[b - 1] === '）' || text[b - 1] === ')') {
      const open = Math.max(lastWithin(text, '（', b - 1, 20), lastWithin(text, '(', b - 1, 20));
      if (open >= 0 && b - open <= 20) { b = open; while (b > 0 && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--; }
    }
    let instrument: InstrumentMention = { kind: 'none' };
    let refStart = start;
    let instrumentSpan: { start: number; end: number } | undefined;
    if (text[b - 1] === '》') {
      // No name of an instrument is near 200 characters long: the 《 is looked for no further back.
      const open = lastWithin(text, '《', b - 1, 200);
      const inner = open >= 0 ? text.slice(open + 1, b - 1) : '';
      const a = aliasEndingAt(inner, inner.length, 'zh');
      if (!a || a.text.length !== inner.length) { head.lastIndex = end; continue; }
      instrument = a.mention; refStart = open; instrumentSpan = { start: open, end: b };
    } else {
      const a = aliasEndingAt(text, b, 'zh');
      if (a) { instrument = a.mention; refStart = b - a.text.length; instrumentSpan = { start: refStart, end: b }; }
      else if (/[法律例典令规]$/.test(text.slice(Math.max(0, b - 1), b))) { head.lastIndex = end; continue; }
    }
    const last = arts.v.length - 1;
    const lastUnits = units.length ? units : [null];
    const targets: Target[] = [...arts.v.slice(0, last).map((n) => ({ article: n, unit: null })), ...lastUnits.map((u) => ({ article: arts.v[last]!, unit: u }))];
    const spans = targets.length > 1 ? [...arts.spans.slice(0, last), ...(unitSpans.length === lastUnits.length ? unitSpans : lastUnits.map(() => arts.spans[last]!))] : undefined;
    out.push({ start: refStart, end, lang: 'zh', instrument, instrumentSpan, targets, spans, single: targets.length === 1, form: 'zh', tail: undefined });
    head.lastIndex = end;
  }
  return out;
}
