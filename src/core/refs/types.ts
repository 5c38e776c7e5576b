// What a recognized treaty reference is: where it stands, which instrument it names, which articles and units it cites.
import type { InstrumentKey } from '../domain/instruments';

/** A paragraph and/or parenthesized subdivisions: "1 (a) (ii)" → { paragraph: 1, groups: ['a', 'ii'] }. */
export interface Unit { paragraph?: number; groups: string[] }

export interface Target { article: number; unit: Unit | null }

/** How the instrument was given: named in the text, "the Protocol" (which one depends on context), or not at all. */
export type InstrumentMention = { kind: 'named'; key: InstrumentKey } | { kind: 'protocol' } | { kind: 'none' };

export interface RawRef {
  /** Offsets relative to the scanned text. */
  start: number;
  end: number;
  lang: 'en' | 'zh' | 'fr' | 'es' | 'ru' | 'ar';
  instrument: InstrumentMention;
  /** Where the instrument's name stands, when it is named. */
  instrumentSpan?: { start: number; end: number };
  targets: Target[];
  /** Where each target's element stands, when there are several ("articles 5, 6 and 44": the error goes on "44"). */
  spans?: readonly { start: number; end: number }[];
  /** Where the link to the instrument begins (", of the Convention"), when one is named after the units. */
  tail?: number;
  /** A single article (with at most one unit): the only shape whose citation style is checked. */
  single: boolean;
  /** Which way round it is written: the article first ("article 5, paragraph 1") or the smallest unit first ("paragraph 1 of article 5"). */
  form: 'article-first' | 'paragraph-first' | 'zh';
}

/** The data's token for a unit: '1', '1(a)', '1(a)(ii)', '(a)', '(c)(i)'. */
export function unitToken(u: Unit): string {
  return `${u.paragraph ?? ''}${u.groups.map((g) => `(${g})`).join('')}`;
}

/** A unit in English citation style, with its leading comma: ", paragraph 1 (a) (ii)" or ", subparagraph (a)". */
export function unitPhrase(u: Unit): string {
  const groups = u.groups.map((g) => `(${g})`).join(' ');
  if (u.paragraph === undefined) return `, subparagraph ${groups}`;
  return `, paragraph ${u.paragraph}${groups ? ` ${groups}` : ''}`;
}
