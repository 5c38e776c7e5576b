// The provisional blueprint: document kinds, the observation parts of an article section and their order.
// The official blueprint (annex to COP resolution 10/1) was not obtained; these parts are the elements UNODC
// publicly names for a list of observations. Keep every use of them going through this module so the real
// blueprint can replace it in one place.

export type DocumentKind = 'list-of-observations' | 'summary';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['list-of-observations', 'summary'];

export type PartId = 'implementation' | 'gaps' | 'good-practices' | 'suggestions' | 'technical-assistance';

export interface PartSpec { readonly id: PartId; readonly required: boolean }

/** Parts of an article section, in blueprint order. */
export const PARTS: readonly PartSpec[] = [
  { id: 'implementation', required: true },
  { id: 'gaps', required: true },
  { id: 'good-practices', required: true },
  { id: 'suggestions', required: true },
  { id: 'technical-assistance', required: true },
];

export function isPartId(s: string): s is PartId {
  return PARTS.some((p) => p.id === s);
}
export function partOrder(id: PartId): number {
  return PARTS.findIndex((p) => p.id === id);
}

/** Id of the introduction section, written as `{#introduction}` on its heading. */
export const INTRODUCTION_ID = 'introduction';
