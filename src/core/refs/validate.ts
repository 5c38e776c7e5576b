// Checks a cited article and unit against the treaty data and says, in words, what exists instead.
import { t } from '@vscode/l10n';
import { getArticle, getInstrument, type InstrumentKey } from '../domain/instruments';
import { instrumentName, unitLabel } from '../domain/describe';
import type { ResolvedRef } from './resolve';
import type { SectionCache } from '../draft/sectionCache';
import { unitToken, type Target } from './types';

export type Missing = { level: 'article' | 'paragraph' | 'subparagraph'; message: string };

function listing(items: string[]): string {
  return items.length <= 8 ? items.join(', ') : `${items.slice(0, 4).join(', ')} … ${items.slice(-2).join(', ')}`;
}

/**
 * missingUnit for each target of a reference, remembered in the service's cache with its (shared) list of targets:
 * references citing the same units share one list (refs/extract.ts), so three rules and the hover share one verdict.
 */
export function missingForRef(r: ResolvedRef, cache: SectionCache): (Missing | null)[] {
  if (!r.instrument) return [];
  let byInstrument = cache.missingPerTargets.get(r.targets);
  if (!byInstrument) cache.missingPerTargets.set(r.targets, (byInstrument = {}));
  return (byInstrument[r.instrument] ??= r.targets.map((t) => missingUnit(r.instrument!, t, cache)));
}

/** Null when the article and unit exist; otherwise the first level that does not, with the units that do. */
export function missingUnit(k: InstrumentKey, target: Target, cache?: SectionCache): Missing | null {
  // A draft cites the same few units thousands of times; the data never changes while the service lives.
  const key = `${k}|${target.article}|${target.unit ? unitToken(target.unit) : ''}`;
  let v = cache?.missing.get(key);
  if (v === undefined) {
    v = computeMissing(k, target);
    if (cache) {
      if (cache.missing.size > 50_000) cache.missing.clear();
      cache.missing.set(key, v);
    }
  }
  return v;
}

function computeMissing(k: InstrumentKey, target: Target): Missing | null {
  const name = instrumentName(k);
  const a = getArticle(k, target.article);
  if (!a) {
    const n = getInstrument(k).articles.size;
    return { level: 'article', message: t('The {0} has no article {1}; it has articles 1 to {2}.', name, target.article, n) };
  }
  const u = target.unit;
  if (!u) return null;
  if (a.refs.includes(unitToken(u))) return null;
  if (u.paragraph !== undefined) {
    const paras = a.refs.filter((r) => /^\d+$/.test(r));
    if (!paras.length) {
      const subs = a.refs.filter((r) => /^\([a-z]+\)$/.test(r));
      return { level: 'paragraph', message: subs.length
        ? t('Article {0} of the {1} has no numbered paragraphs; cite its subparagraphs, e.g. "article {0}, subparagraph {2}".', a.number, name, subs[0]!)
        : t('Article {0} of the {1} has no paragraphs; cite the article as a whole.', a.number, name) };
    }
    if (!paras.includes(String(u.paragraph))) {
      return { level: 'paragraph', message: t('Article {0} of the {1} has no paragraph {2}; its paragraphs are {3}.', a.number, name, u.paragraph, listing(paras)) };
    }
  } else if (!a.refs.some((r) => r.startsWith('('))) {
    return { level: 'subparagraph', message: t('Article {0} of the {1} has no subparagraphs outside its numbered paragraphs; name the paragraph, e.g. "paragraph 1 ({2})".', a.number, name, u.groups[0] ?? 'a') };
  }
  // The deepest existing prefix tells which subdivision is wrong and what its siblings are.
  for (let i = 1; i <= u.groups.length; i++) {
    const prefix = unitToken({ paragraph: u.paragraph, groups: u.groups.slice(0, i - 1) });
    const here = unitToken({ paragraph: u.paragraph, groups: u.groups.slice(0, i) });
    if (a.refs.includes(here)) continue;
    const siblings = a.refs.filter((r) => r.startsWith(prefix) && /^\([a-z]+\.?\)$/.test(r.slice(prefix.length)) && r !== prefix).map((r) => r.slice(prefix.length));
    const where = `${t('Article {0}', a.number)}${prefix ? unitLabel({ paragraph: u.paragraph, groups: u.groups.slice(0, i - 1) }) : ''}`;
    return { level: 'subparagraph', message: siblings.length
      ? t('{0} of the {1} has no subdivision ({2}); it has {3}.', where, name, u.groups[i - 1]!, listing(siblings))
      : t('{0} of the {1} has no subdivisions; cite it without ({2}).', where, name, u.groups[i - 1]!) };
  }
  return null;
}

