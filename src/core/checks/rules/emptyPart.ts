// structure.empty-part: an observation part has no text (template hints in HTML comments do not count).
import type { RootContent } from 'mdast';
import { t } from '@vscode/l10n';
import { parseSection } from '../../draft/parseCache';
import type { Rule } from '../rule';
import { partName } from '../describe';

/** A node that carries no observation text: an HTML comment (the template's hints) or blank HTML. */
function isBlank(n: RootContent): boolean {
  return n.type === 'html' && /^\s*(<!--[\s\S]*?-->\s*)*$/.test(n.value);
}

/**
 * Decides from the text alone where that is certain (only comments and blanks left: empty; text and no markup
 * character: content) and asks the parser otherwise, so most parts of a large draft are never parsed for this.
 */
const THREAD_BLOCK = /^\{>>@[a-z0-9.]+ \|.*?(?:<<\}[ \t]*$|\r?\n[\s\S]*?^<<\}[ \t]*$)/gm;

function bodyHasContent(chunk: string, parse: (body: string) => boolean): boolean {
  const nl = chunk.indexOf('\n');
  // Template hints and comment threads are not observations.
  const rest = (nl < 0 ? '' : chunk.slice(nl + 1)).replace(/<!--[\s\S]*?-->/g, '').replace(THREAD_BLOCK, '');
  if (!/\S/.test(rest)) return false;
  if (!/[<`~\[\\&]/.test(rest)) return true;
  return parse(rest);
}

export const emptyPart: Rule = {
  code: 'structure.empty-part',
  defaultSeverity: 'warning',
  check({ model, info, report }) {
    for (const s of model.sections) {
      if (s.role !== 'part') continue;
      const chunks = model.sectionChunks(s);
      // Nested headings are content; the part's own heading is not.
      const hasContent = chunks.length > 1 || bodyHasContent(model.chunkText(chunks[0]!), (body) => parseSection(body).children.some((n) => !isBlank(n)));
      if (hasContent) continue;
      // While drafting an empty part is work still to do; at finalization it blocks.
      report(s, t('Part {0} is empty. Write the observations, or state that there are none.', partName(s.part!)), info.stage === 'finalization' ? 'error' : undefined);
    }
  },
};
