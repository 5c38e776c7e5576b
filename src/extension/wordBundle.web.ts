// The Word bundle in the web build of the extension: part of the bundle (a web worker has no require).
import * as word from './docxExport';

export type WordBundle = typeof word;

export function loadWordBundle(): WordBundle {
  return word;
}

/** A web worker has no zlib: the export compresses with the bundle's own. */
export const platformDeflate: (() => import('../core/export/body').RawDeflate) | undefined = undefined;
