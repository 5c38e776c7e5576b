// ref.no-such-article / ref.no-such-paragraph / ref.no-such-subparagraph: a reference cites what the treaty does not have.
import { t } from '@vscode/l10n';
import { missingForRef, type Missing } from '../../refs/validate';
import type { SectionRule } from '../rule';

function existenceRule(level: Missing['level'], summary: string): SectionRule {
  return {
    code: `ref.no-such-${level}`,
    scope: 'section',
    perReference: true,
    summary,
    defaultSeverity: 'error',
    check({ refs, model, report }) {
      for (const r of refs) {
        const misses = missingForRef(r, model.env.cache);
        // Made at the first miss: most references miss nothing.
        let reported: Set<string> | undefined;
        misses.forEach((miss, i) => {
          if (!miss || miss.level !== level) return;
          // In a list or a range the finding goes on the element that is wrong ("articles 5, 6 and 44": on "44"); the
          // elements of one range share their place, so a range past the end is one finding.
          const el = r.raw.spans?.[i];
          const at = el ? { start: r.start - r.raw.start + el.start, end: r.start - r.raw.start + el.end } : r;
          const key = `${at.start}:${at.end}`;
          if (reported?.has(key)) return;
          (reported ??= new Set()).add(key);
          // Precision first: with the instrument only implied, "article 212" more likely cites domestic law than
          // mistypes the treaty, so it is only a note; a named instrument makes it an error.
          if (r.explicit) report(at, miss.message);
          else report(at, t('{0} (No instrument is named, so the section\'s is assumed; if this cites domestic law, name the law.)', miss.message), 'info');
        });
      }
    },
  };
}

export const refNoSuchArticle = existenceRule('article', 'A reference cites an article the instrument does not have.');
export const refNoSuchParagraph = existenceRule('paragraph', 'A reference cites a paragraph the article does not have, or a numbered paragraph in an article that has none.');
export const refNoSuchSubparagraph = existenceRule('subparagraph', 'A reference cites a subparagraph (a), (b)… or an item (i), (ii)… that does not exist.');
