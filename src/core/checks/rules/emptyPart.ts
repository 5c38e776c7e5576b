// structure.empty-part: an observation part has no text (template hints in HTML comments do not count).
import { t } from '@vscode/l10n';
import type { Rule } from '../rule';
import { partName } from '../../describe';


const THREAD_BLOCK = /^\{>>@[a-z0-9.]+ \|.*?<<\}[ \t]*$/gm;

/**
 * A part is empty when nothing but whitespace is left once template hints and comment threads are removed: the
 * parser agrees in every case (an HTML comment is the only block it reads as blank), so it is not asked here.
 * A test keeps the two in agreement.
 */
function bodyHasContent(chunk: string): boolean {
  const nl = chunk.indexOf('\n');
  const rest = (nl < 0 ? '' : chunk.slice(nl + 1)).replace(/<!--[\s\S]*?-->/g, '').replace(THREAD_BLOCK, '');
  return /\S/.test(rest);
}

export const emptyPart: Rule = {
  code: 'structure.empty-part',
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const s of model.sections) {
      if (s.role !== 'part') continue;
      const chunks = model.sectionChunks(s);
      // Nested headings are content; the part's own heading is not.
      const hasContent = chunks.length > 1 || bodyHasContent(model.chunkText(chunks[0]!));
      if (hasContent) continue;
      // While drafting an empty part is work still to do; at finalization it blocks.
      report(s, t('Part {0} is empty. Write the observations, or state that there are none.', partName(s.part!)), info.stage === 'finalization' ? 'error' : undefined);
    }
  },
};
