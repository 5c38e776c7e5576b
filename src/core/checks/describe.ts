// Names of instruments, articles and parts as messages show them (English UN citation style).
import { templateFor } from '../templates';
import type { PartId } from '../blueprint';
import type { InstrumentKey } from '../domain/instruments';
import { instrumentWord } from '../draft/frontMatter';

export function articleName(k: InstrumentKey, n: number): string {
  return `article ${n} of the ${instrumentWord(k)}`;
}
export function partName(p: PartId): string {
  return `"${templateFor('en').part[p]}"`;
}
