// structure.empty-part: observation parts with no text yet — one note per article while drafting, an error per part at finalization.
import { t } from '@vscode/l10n';
import type { DocumentRule } from '../rule';
import { articleName, partName } from '../../domain/describe';
import { chunkHasContent } from '../../draft/analysis';

export const emptyPart: DocumentRule = {
  code: 'structure.empty-part',
  scope: 'document',
  summary: 'An observation part has no text.',
  escalates: true,
  defaultSeverity: 'info',
  // Which parts are empty is all it reads of the text.
  chunkKey: chunkHasContent,
  check({ model, info, report }) {
    for (const a of model.articleSections()) {
      if (!a.instrument || a.article === undefined) continue;
      const parts = a.children.filter((c) => c.role === 'part');
      const empty = parts.filter((p) => model.isEmptyPart(p));
      if (!empty.length) continue;
      const article = articleName(a.instrument, a.article);
      const data = { instrument: a.instrument, article: a.article };
      if (info.stage === 'finalization') {
        // At finalization every empty part blocks the draft, each at its own heading.
        for (const p of empty) report(p, t('{0}: part {1} is empty. Write the observations, or state that there are none.', cap(article), partName(p.part!)), undefined, { ...data, part: p.part });
        continue;
      }
      // While drafting an empty part is work still to do, not a problem: one note per article, naming the parts.
      report(a, t('{0}: {1} of {2} parts empty ({3}). Write them, or state that there are none.', cap(article), empty.length, parts.length, empty.map((p) => partName(p.part!)).join(', ')), undefined, data);
    }
  },
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
