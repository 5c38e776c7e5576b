// Quick fixes for structure findings: insert a missing article section or part, as one minimal insertion each.
import { t } from '@vscode/l10n';
import { partOrder, isPartId, type PartId } from '../domain/blueprint';
import { articleName, partName } from '../domain/describe';
import { instrumentOrder, isInstrumentKey, type InstrumentKey } from '../domain/instruments';
import type { DraftAnalysis, Section } from '../draft/analysis';
import { eolOf, type OffsetEdit } from './edits';
import { type Conflict } from '../comments/parse';
import type { Finding } from '../checks/finding';
import { articleSection, instrumentSection, partSection } from './skeleton';
import { templateFor } from '../domain/templates';

export interface Fix {
  title: string;
  code: string;
  edit: OffsetEdit;
  /** Depth of what is inserted: at one point, a part (completing the section before) goes before an article, an article before an instrument. */
  rank: number;
  /** For a new instrument section: which article it was opened for, so fix-all can open it once for all of them. */
  opens?: { instrument: InstrumentKey; article: number };
}

export function fixesFor(model: DraftAnalysis, f: Finding): Fix[] {
  const d = f.data;
  if (f.code === 'comment.merge-conflict') {
    const at = model.lines.offsetAt(f.range.start);
    const c = model.comments.conflicts.find((x) => x.start === at);
    return c?.onlyBlocks ? [{ title: t('Keep both sides (comments only)'), code: f.code, edit: keepBoth(model.text, c), rank: 0 }] : [];
  }
  if (f.code === 'ref.non-canonical' && d?.replacement !== undefined) {
    const start = model.lines.offsetAt(f.range.start), end = model.lines.offsetAt(f.range.end);
    return [{ title: t('Rewrite as "{0}"', d.replacement), code: f.code, edit: { start, end, newText: d.replacement }, rank: 0 }];
  }
  if (!d || !isInstrumentKey(d.instrument) || d.article === undefined) return [];
  if (f.code === 'structure.empty-part') {
    // One fix per empty part named (the part of an error at finalization, or each empty part of the article's note).
    const art = model.findArticle(d.instrument, d.article);
    const parts = art?.children.filter((c) => c.role === 'part' && model.isEmptyPart(c) && (!d.part || c.part === d.part)) ?? [];
    const none = templateFor(lang(model)[0] ?? 'en').none;
    const eol = eolOf(model.text);
    return parts.map((p) => ({
      title: t('State that there is nothing under {0}: "{1}"', partName(p.part!), none[p.part!]), code: f.code, rank: 0,
      edit: { start: p.heading.end, end: p.heading.end, newText: `${eol}${eol}${none[p.part!]}` },
    }));
  }
  if (f.code === 'structure.missing-article') {
    const edit = insertArticle(model, d.instrument, d.article);
    return edit ? [{ title: t('Insert a section for {0}', articleName(d.instrument, d.article)), code: f.code, ...edit }] : [];
  }
  if (f.code === 'structure.missing-part' && d.part && isPartId(d.part)) {
    const art = model.findArticle(d.instrument, d.article);
    const edit = art && insertPart(model, art, d.part);
    return edit ? [{ title: t('Insert part {0}', partName(d.part)), code: f.code, edit, rank: 0 }] : [];
  }
  return [];
}

/** All fixes for a set of findings as non-overlapping edits: insertions at one point are merged in structural order. */
export function fixAll(model: DraftAnalysis, findings: readonly Finding[]): OffsetEdit[] {
  const byPlace = new Map<number, Fix[]>();
  const rewrites: OffsetEdit[] = [];
  for (const f of findings) {
    // Stating that a part has nothing to report is the author's call, one part at a time: never done for all at once.
    if (f.code === 'structure.empty-part') continue;
    for (const fix of fixesFor(model, f)) {
      // Rewrites replace the text of one reference; references never overlap, so they stand alone.
      if (fix.edit.start !== fix.edit.end) rewrites.push(fix.edit);
      else byPlace.set(fix.edit.start, [...(byPlace.get(fix.edit.start) ?? []), fix]);
    }
  }
  return [...rewrites, ...[...byPlace.entries()].map(([at, fixes]) => {
    // Several articles of an instrument that has no section yet: one instrument section holding all of them.
    const opened = new Map<InstrumentKey, number[]>();
    const merged: Fix[] = [];
    for (const f of fixes) {
      if (!f.opens) { merged.push(f); continue; }
      if (!opened.has(f.opens.instrument)) merged.push(f);
      opened.set(f.opens.instrument, [...(opened.get(f.opens.instrument) ?? []), f.opens.article]);
    }
    const text = (f: Fix) => (f.opens ? block(model, at, instrumentSection(f.opens.instrument, opened.get(f.opens.instrument)!, lang(model))).newText : f.edit.newText);
    // stable sort: within one rank, findings keep document order (articles ascending, parts in blueprint order)
    return { start: at, end: at, newText: merged.sort((a, b) => a.rank - b.rank).map(text).join('') };
  })];
}

function lang(model: DraftAnalysis): readonly string[] { return model.info?.languages ?? ['en']; }

function block(model: DraftAnalysis, at: number, lines: string[], level?: { from: number; to: number }): OffsetEdit {
  const eol = eolOf(model.text);
  let body = lines.map((l) => (level && l.startsWith('#') ? shiftLevel(l, level.to - level.from) : l)).join(eol);
  if (!body.endsWith(eol)) body += eol;
  // At the very end of a file that lacks a final line break, start on a fresh line.
  const needsBreak = at === model.text.length && at > 0 && !/\n$/.test(model.text);
  return { start: at, end: at, newText: (needsBreak ? eol + eol : '') + body };
}

function shiftLevel(line: string, by: number): string {
  const m = /^(#+)/.exec(line)!;
  return '#'.repeat(Math.max(1, Math.min(6, m[1]!.length + by))) + line.slice(m[1]!.length);
}

function insertArticle(model: DraftAnalysis, k: InstrumentKey, n: number): Pick<Fix, 'edit' | 'rank' | 'opens'> | null {
  const inst = model.sections.find((s) => s.role === 'instrument' && s.instrument === k);
  if (!inst) {
    // No section for the instrument yet: add it, in blueprint order, before the next instrument or at the end.
    const next = model.sections.find((s) => s.role === 'instrument' && instrumentOrder(s.instrument!) > instrumentOrder(k));
    return { edit: block(model, next ? next.heading.start : model.text.length, instrumentSection(k, [n], lang(model))), rank: 2, opens: { instrument: k, article: n } };
  }
  const later = inst.children.find((c) => c.role === 'article' && c.instrument === k && c.article! > n);
  // Template headings are ## / ###; keep the draft's own levels.
  const level = { from: 3, to: inst.heading.level + 1 };
  return { edit: block(model, later ? later.heading.start : inst.end, articleSection(k, n, lang(model)), level), rank: 1 };
}

function insertPart(model: DraftAnalysis, art: Section, p: PartId): OffsetEdit | null {
  const later = art.children.find((c) => c.role === 'part' && partOrder(c.part!) > partOrder(p));
  return block(model, later ? later.heading.start : art.end, partSection(p, lang(model)), { from: 4, to: art.heading.level + 1 });
}

/** One edit over the conflict: both sides' comment lines kept, one after the other, the conflict lines gone. */
function keepBoth(text: string, c: Conflict): OffsetEdit {
  const eol = eolOf(text);
  const side = (r: [number, number]) => text.slice(r[0], r[1]).replace(/(\r?\n)+$/, '');
  const kept = [side(c.ours), side(c.theirs)].filter(Boolean).join(eol);
  return { start: c.start, end: c.end, newText: kept };
}
