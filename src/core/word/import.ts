// Import from Word: the comments and changes of a returned .docx become threads and suggestions of the draft.
//
// The export is deterministic, so the import re-runs it (projectExport) and gets, for every character of every Word
// paragraph it wrote, the draft offset it came from. The returned file's text (every character labelled as it stood,
// inserted or deleted with tracking) is compared with it word by word; what differs, and every comment and change
// Word recorded, is placed back at the draft offsets. Exported threads come back under their own ids: a comment is
// known by its author, date and text, a suggestion by its tracked change's author and date.
import { t } from '@vscode/l10n';
import { compareTexts } from '../features/compare';
import { align } from './align';
import { withoutInsertions } from './base';
import { exportedText, type Exported } from './exported';
import { accept, authorLabel, blockText, cleanCopy, eventText, isoSeconds, paragraphEnd, parseAuthor, randomId, reject, reply, setResolved, type Author, type OpContext } from '../comments/ops';
import { parseComments, type CommentsModel } from '../comments/parse';
import { placeThreads, suggestionKind, type NewThread } from '../comments/place';
import { applyEdits, eolOf } from '../features/edits';
import { DraftAnalysis } from '../draft/analysis';
import { projectExport } from '../export/docx';
import { blankLines, hasBlankLine } from '../text/lines';
import { firstReached } from '../text/search';
import { FINGERPRINT_PROPERTY, LINE_BREAK, MODE_PROPERTY, OBJECT, sourceFingerprint, type ExportedComment, type Projection } from '../export/projection';
import { CharKind, readDocx, WordFileError, type ReturnedComment, type ReturnedDocument, type ReturnedText } from './read';

export { WordFileError } from './read';

export interface ImportOptions {
  /** Who made the edits Word did not track (and resolved threads, which Word does not sign). */
  author?: Author;
  /** Place what can be placed although the file was not exported from this draft's text. */
  force?: boolean;
  now?: () => Date;
  newId?: (length: number) => string;
}

/** Something from Word the import could not put where it stood: kept as a point comment at the nearest place. */
export interface Unplaced { what: string; reason: string; line: number }

export interface ImportSummary {
  comments: number; replies: number; resolved: number; reopened: number;
  trackedChanges: number; untrackedChanges: number; accepted: number; rejected: number;
}

export interface ImportResult {
  text: string;
  summary: ImportSummary;
  unplaced: Unplaced[];
  /** Set when the file was not exported from this very text (only with `force`). */
  matchedByText: boolean;
}

interface Reply { author: Author; date: string; body: string; event: 'resolved' | null }

/** A change found between the exported and the returned text, in exported positions. */
interface Change { eStart: number; eEnd: number; newText: string; by: number | 'untracked'; rPos: number }

function isoDate(s: string): string | null {
  const d = new Date(s);
  return s && !Number.isNaN(d.getTime()) ? isoSeconds(d) : null;
}

const commentKey = (author: string, date: string | null, body: string) => `${author}\u0000${date ?? ''}\u0000${body.replace(/\s+/g, ' ').trim()}`;

export async function importDocx(draft: string, bytes: Uint8Array, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  const doc = await readDocx(bytes, name);
  const mode = doc.properties.get(MODE_PROPERTY) === 'clean' ? 'clean' : 'with-changes';
  const fingerprint = doc.properties.get(FINGERPRINT_PROPERTY);
  // What was exported: this very draft, or the text the file carries when the draft has changed since (the experts
  // go on writing while the State reads). Either is known by the fingerprint the export recorded.
  let exported: string | null = null;
  if (fingerprint !== undefined) {
    if (fingerprint === sourceFingerprint(draft)) exported = draft;
    else {
      const source = await doc.source();
      if (source !== null && sourceFingerprint(source) === fingerprint) exported = source;
    }
  }
  if (exported !== null && exported !== draft && !options.force && !sameDraft(exported, draft)) {
    throw new WordFileError(t('{0} was exported from another draft (another document or another State under review). Import it into that draft, or with --force.', name));
  }
  if (exported === null && !options.force) {
    throw new WordFileError(fingerprint === undefined
      ? t("{0} was not exported from a draft (it carries no {1} property): it may be a State's own document. To place its comments and changes by matching the text, import it with --force.", name, FINGERPRINT_PROPERTY)
      : t('{0} was exported from another version of this draft (or from another draft). Import it into the draft as it was exported (for example its git revision), or with --force to place its comments and changes by matching the text.', name));
  }
  // A clean copy was exported without the marks: its text is what the returned file is compared with.
  const base = mode === 'clean' ? cleanCopy(exported ?? draft) : exported ?? draft;
  // The draft the file was exported from was told by its fingerprint: the projection need not compute it again.
  const proj = projectExport(base, { mode: 'with-changes' }, base === exported ? fingerprint : undefined);
  return new Importer(base, draft, proj, doc, options, exported === null).run();
}

/**
 * Whether two texts are versions of one draft: the same kind of document on the same State's review, or, without a
 * readable front matter, texts that share most of their words (marks and threads left aside).
 */
function sameDraft(a: string, b: string): boolean {
  const ia = DraftAnalysis.parse(a).info, ib = DraftAnalysis.parse(b).info;
  if (ia && ib) return ia.kind === ib.kind && ia.stateUnderReview === ib.stateUnderReview;
  const ca = cleanCopy(a), cb = cleanCopy(b);
  let changed = 0;
  for (const h of compareTexts(ca, cb)) changed += Math.max(h.oldEnd - h.oldStart, h.newEnd - h.newStart);
  return changed / Math.max(1, ca.length) <= 0.5;
}

class Importer {
  private readonly comments: CommentsModel;
  private readonly eol: string;
  private readonly ctx: Required<Pick<OpContext, 'now' | 'newId'>>;
  private readonly unplaced: Unplaced[] = [];
  private readonly summary: ImportSummary = { comments: 0, replies: 0, resolved: 0, reopened: 0, trackedChanges: 0, untrackedChanges: 0, accepted: 0, rejected: 0 };
  private readonly threads: NewThread[] = [];
  /** Author and date of every suggestion of the draft, as the export wrote them on its tracked changes. */
  private readonly suggestionStamps: Set<string>;
  /** Ranges taken by a new thread, so two never overlap. */
  private readonly taken: { start: number; end: number }[] = [];

  /**
   * `draft` is the text that was exported, which every position of the comparison refers to; `target` is the draft as
   * it is now, where the import writes (the same string unless the experts changed it since the export).
   */
  constructor(private readonly draft: string, private readonly target: string, private readonly proj: Projection, private readonly doc: ReturnedDocument,
    private readonly options: ImportOptions, private readonly matchedByText: boolean) {
    this.comments = parseComments(draft);
    this.suggestionStamps = new Set(this.comments.threads.filter((t) => t.kind !== 'comment').map((t) => {
      const root = t.blocks.find((b) => b.id === t.id);
      return `${root?.author ?? 'Unknown'}\u0000${isoDate(root?.date ?? '') ?? '1970-01-01T00:00:00Z'}`;
    }));
    this.eol = eolOf(draft);
    this.ctx = { now: options.now ?? (() => new Date()), newId: options.newId ?? randomId };
  }

  private stamp(): string { return isoSeconds(this.ctx.now()); }

  /** The author of the edits Word did not sign: the one given, else the file's last editor. */
  private untrackedAuthor(): Author {
    if (this.options.author) return this.options.author;
    if (this.doc.lastModifiedBy) return parseAuthor(this.doc.lastModifiedBy);
    throw new WordFileError(t('The returned file has edits that were not tracked, and it does not say who made them: give their author with --author "NAME (STATE)".'));
  }

  run(): ImportResult {
    const known = this.knownComments();
    const decisions = new Map<string, 'accept' | 'reject'>();
    const body = exportedText(this.proj.body);
    for (const [e, r] of [[body, this.doc.body], [exportedText(this.proj.notes), this.doc.notes]] as const) {
      this.compare(e, r, decisions, known);
    }
    // A comment anchored nowhere the import reads (a text box, a header): kept at the end of the draft.
    for (const c of this.doc.comments) {
      if (known.has(c.id) || this.newThreadOf.has(c.id) || this.placedAsReply.has(c.id) || this.replyTo.has(c.id) || this.importedBefore.has(c.id) || c.parentParaId) continue;
      this.cannot(body, body.text.length - 1, { author: parseAuthor(c.author || 'Unknown'), date: isoDate(c.date) ?? this.stamp() }, t('comment by {0}', c.author || t('an unnamed author')), t('it is anchored outside the text of the draft'), c.body);
    }
    // First the new threads, placed at offsets of the draft (carried onto its later text when it changed since the
    // export); then what addresses threads by id.
    let text = this.target === this.draft
      ? applyEdits(this.draft, placeThreads(this.draft, this.threads))
      : applyEdits(this.target, placeThreads(this.target, this.rebased()));
    for (const [id, d] of decisions) {
      if (!parseComments(text).threads.some((th) => th.id === id)) {
        this.unplaced.push({ what: t('thread @{0}', id), reason: t('it was {0} in Word, but the draft no longer has it', d === 'accept' ? t('accepted') : t('rejected')), line: 0 });
        continue;
      }
      text = applyEdits(text, d === 'accept' ? accept(text, id) : reject(text, id));
      this.summary[d === 'accept' ? 'accepted' : 'rejected']++;
    }
    text = this.threadUpdates(text, known);
    // Nothing is written unless it reads back: the marks the import wrote must all parse as threads.
    const before = this.comments.problems.length, after = parseComments(text).problems.length;
    if (after > before) throw new WordFileError(t('The import would leave {0} broken comment mark(s) in the draft; nothing was written. Please report this file.', after - before));
    return { text, summary: this.summary, unplaced: this.unplaced, matchedByText: this.matchedByText };
  }

  /**
   * The new threads moved from the exported text onto the draft as it is now. A thread on text the experts changed
   * since the export cannot be placed there: it becomes a point comment where that change ends, and is reported.
   */
  private rebased(): NewThread[] {
    const hunks = compareTexts(this.draft, this.target);
    const ends = hunks.map((h) => h.oldEnd);
    /** The target offset of an exported offset outside every change: shifted by the changes before it. */
    const map = (o: number): number => {
      let lo = 0, hi = ends.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid]! <= o) lo = mid + 1; else hi = mid; }
      const h = hunks[lo - 1];
      return h ? o - h.oldEnd + h.newEnd : o;
    };
    const inside = (lo: number, hi: number) => hunks.find((h) => (lo === hi ? h.oldStart < lo && lo < h.oldEnd : h.oldStart < hi && h.oldEnd > lo));
    const now = parseComments(this.target);
    const out: NewThread[] = [];
    for (const th of this.threads) {
      const h = inside(th.start, th.end) ?? (th.linesAt !== undefined ? inside(th.linesAt, th.linesAt) : undefined);
      const moved = { ...th, start: map(th.start), end: map(th.end), ...(th.linesAt !== undefined ? { linesAt: map(th.linesAt) } : {}) };
      if (!h && !clashes(this.target, now, moved.start, moved.end, out)) { out.push(moved); continue; }
      // The first line of the thread names it; the place is where the draft's own change ends.
      const at = h ? h.newEnd : moved.end;
      const what = th.kind === 'comment' ? t('comment') : t('suggestion');
      this.unplaced.push({ what, reason: t('the draft changed there since the export'), line: lineOf(this.target, at) });
      const first = th.lines[0]!.replace(/<<\}$/, ` [${t('From Word, not placed where it stood: {0} ({1})', th.kind === 'comment' ? what : `${what}: "${short(th.newText || this.draft.slice(th.start, th.end))}"`, t('the draft changed there since the export'))}]<<}`);
      const point = nearestSafe(this.target, now, at);
      if (point >= 0) out.push({ ...th, kind: 'comment', start: point, end: point, newText: '', lines: [first, ...th.lines.slice(1)] });
    }
    return out;
  }

  /** The threads the draft has now, by what they are: kind, first comment's author, date and text, the text marked. */
  private existing: Set<string> | null = null;
  private already(kind: NewThread['kind'], who: { author: Author; date: string }, body: string, marked: string): boolean {
    const key = (k: string, author: string, date: string, b: string, m: string) => [k, author, date, b.replace(/\s+/g, ' ').trim(), m].join('\u0000');
    if (!this.existing) {
      this.existing = new Set();
      for (const th of parseComments(this.target).threads) {
        const root = th.blocks.find((b) => b.id === th.id);
        if (!root || !th.mark) continue;
        const m = th.kind === 'replacement' ? `${th.mark.text}\u0000${th.mark.newText ?? ''}` : th.mark.text;
        this.existing.add(key(th.kind, root.author, root.date, root.body, m));
      }
    }
    return this.existing.has(key(kind, authorLabel(who.author), who.date, body, marked));
  }

  // ---- comments ---------------------------------------------------------------------------------------------------

  /** Returned comments that the export wrote, by their Word id: the thread and block they are. */
  private knownComments(): Map<string, ExportedComment> {
    const byKey = new Map<string, ExportedComment[]>();
    for (const c of this.proj.comments) {
      const k = commentKey(c.author, isoDate(c.date), c.body);
      byKey.set(k, [...(byKey.get(k) ?? []), c]);
    }
    const out = new Map<string, ExportedComment>();
    const left: ReturnedComment[] = [];
    for (const r of this.doc.comments) {
      const c = byKey.get(commentKey(r.author, isoDate(r.date), r.body))?.shift();
      if (c) out.set(r.id, c); else left.push(r);
    }
    // A word processor may drop a date it cannot show (an anonymous note's): then the author and text must do.
    const taken = new Set(out.values());
    for (const r of left) {
      const c = this.proj.comments.find((x) => !taken.has(x) && x.author === r.author && commentKey('', null, x.body) === commentKey('', null, r.body) && (!isoDate(r.date) || x.date.startsWith('1970-')));
      if (c) { out.set(r.id, c); taken.add(c); }
    }
    return out;
  }

  /** Replies to exported threads, resolved and reopened threads. */
  private threadUpdates(text0: string, known: Map<string, ExportedComment>): string {
    let text = text0;
    const byPara = new Map(this.doc.comments.filter((c) => c.paraId).map((c) => [c.paraId!, c]));
    const threadOf = (c: ReturnedComment, seen = 0): string | null => {
      const k = known.get(c.id);
      if (k) return k.threadId;
      const parent = c.parentParaId ? byPara.get(c.parentParaId) : undefined;
      if (parent && seen < 50) return threadOf(parent, seen + 1) ?? this.newThreadOf.get(parent.id) ?? null;
      return this.replyTo.get(c.id) ?? null;
    };
    const done = new Map<string, boolean>();
    for (const c of this.doc.comments) {
      const tid = threadOf(c);
      if (!tid) continue;
      if (c.done) done.set(tid, true); else if (!done.has(tid)) done.set(tid, false);
      if (known.has(c.id) || this.newThreadOf.has(c.id) || this.placedAsReply.has(c.id)) continue;
      if (!this.proj.comments.some((x) => x.threadId === tid)) continue; // a new thread's replies were written with it
      const date = isoDate(c.date);
      const label = authorLabel(parseAuthor(c.author || 'Unknown'));
      const th = parseComments(text).threads.find((x) => x.id === tid);
      // A reply imported before (the same file again) is in the thread already.
      if (th?.blocks.some((b) => b.author === label && b.date === (date ?? '') && b.body.replace(/\s+/g, ' ').trim() === c.body.replace(/\s+/g, ' ').trim())) continue;
      text = applyEdits(text, reply(text, tid, c.body, { author: parseAuthor(c.author || 'Unknown'), now: () => new Date(date ?? this.stamp()), newId: this.ctx.newId }));
      if (!date) this.unplaced.push({ what: t('reply by {0}', c.author || t('an unnamed author')), reason: t('its date is missing or malformed: the import time was used'), line: 0 });
      this.summary.replies++;
    }
    const present = new Set([...known.values()].map((k) => k.threadId));
    const exportedThreads = new Map<string, boolean>();
    for (const c of this.proj.comments) exportedThreads.set(c.threadId, c.resolved);
    for (const [tid, wasResolved] of exportedThreads) {
      if (!present.has(tid)) {
        this.unplaced.push({ what: t('thread @{0}', tid), reason: t('its comments were deleted in Word; the thread is kept in the draft'), line: 0 });
        continue;
      }
      const now = done.get(tid) ?? false;
      if (now === wasResolved) continue;
      const th = parseComments(text).threads.find((t) => t.id === tid);
      if (!th || th.kind !== 'comment') continue; // a suggestion's fate is its acceptance, not a resolve
      text = applyEdits(text, setResolved(text, tid, now, { author: this.resolver(), now: this.ctx.now, newId: this.ctx.newId }));
      this.summary[now ? 'resolved' : 'reopened']++;
    }
    return text;
  }

  /** New Word comments that became new threads, by Word id → thread id; replies placed with them. */
  private readonly newThreadOf = new Map<string, string>();
  private readonly placedAsReply = new Set<string>();
  /** New Word comments the draft has from an earlier import of the same file. */
  private readonly importedBefore = new Set<string>();
  /** New comments that answer an exported thread without saying so (LibreOffice writes no reply links). */
  private readonly replyTo = new Map<string, string>();

  // ---- text -------------------------------------------------------------------------------------------------------

  /** Whether a tracked change in the file is one of the exported suggestions: its author and date are a thread's. */
  private ours(rev: number): boolean {
    const rv = this.doc.revisions[rev];
    if (!rv) return false;
    const date = isoDate(rv.date);
    // No date (an undated suggestion is exported without one; exports before 2026-12-03 wrote 1970) leaves the author to tell.
    if (!date || date.startsWith('1970-')) return this.suggestionStamps.has(`${rv.author}\u00001970-01-01T00:00:00Z`);
    return this.suggestionStamps.has(`${rv.author}\u0000${date}`);
  }

  private compare(e: Exported, r: ReturnedText, decisions: Map<string, 'accept' | 'reject'>, known: Map<string, ExportedComment>): void {
    // The returned text as it stood before Word's tracked insertions (its tracked deletions are still there): what the
    // exported text is compared with. What differs was edited without tracking.
    const { text: base, toReturned: baseToR, fromReturned: rToBase, inserted } = withoutInsertions(r, (rev) => !this.ours(rev));
    // First what became of the exported suggestions: accepted in Word, their text is plain; rejected, it is gone.
    const first = align(e.text, base);
    const evidence = new Map<number, { accepted: number; rejected: number; pending: number }>();
    const ev = (ti: number, k: 'accepted' | 'rejected' | 'pending') => {
      let v = evidence.get(ti);
      if (!v) evidence.set(ti, (v = { accepted: 0, rejected: 0, pending: 0 }));
      v[k]++;
    };
    for (let k = 0; k < e.stretches.count; k++) {
      const ti = e.stretchThread(k);
      if (ti < 0) continue;
      const ek = e.stretchKind(k);
      for (let i = e.stretches.start(k); i < e.stretches.end(k); i++) {
        const bi = first.aToB.at(i)!;
        const ri = bi >= 0 ? baseToR.at(bi)! : -1;
        if (ri < 0) ev(ti, ek === CharKind.Inserted ? 'rejected' : 'accepted');
        else if (r.kindAt(ri) === CharKind.Normal) ev(ti, ek === CharKind.Inserted ? 'accepted' : 'rejected');
        else if (r.kindAt(ri) === ek && this.ours(r.revAt(ri)!)) ev(ti, 'pending');
        else ev(ti, 'rejected');
      }
    }
    const decided = new Map<number, 'accept' | 'reject'>();
    for (const [ti, v] of evidence) {
      if (v.pending) continue;
      if (v.accepted && !v.rejected) decided.set(ti, 'accept');
      else if (v.rejected && !v.accepted) decided.set(ti, 'reject');
    }
    // A replacement's old and new text read as one word ("thisthat"): compare it accepted, and rejected, instead.
    const open = [...evidence.keys()].filter((ti) => !decided.has(ti) && !evidence.get(ti)!.pending);
    if (open.length) {
      const all = (d: 'accept' | 'reject') => new Map(open.map((ti) => [ti, d] as const));
      const kept = (d: 'accept' | 'reject', kind: number) => {
        // With its threads kept, the decided text's stretches are the exported ones they came from.
        const x = e.withDecisions(all(d), true);
        const al = align(x.text, base).aToB;
        const out = new Map<number, { n: number; ok: number }>();
        for (let k = 0; k < x.stretches.count; k++) {
          const th = x.stretchThread(k);
          if (x.stretchKind(k) !== kind || !open.includes(th)) continue;
          const v = out.get(th) ?? { n: 0, ok: 0 };
          for (let j = x.stretches.start(k); j < x.stretches.end(k); j++) {
            v.n++;
            const bj = al.at(j)!;
            if (bj >= 0 && r.kindAt(baseToR.at(bj)!) === CharKind.Normal) v.ok++;
          }
          out.set(th, v);
        }
        return out;
      };
      const inserted = kept('accept', CharKind.Inserted), deleted = kept('reject', CharKind.Deleted);
      for (const ti of open) {
        const ins = inserted.get(ti), del = deleted.get(ti);
        const acceptedFits = ins && ins.ok === ins.n, rejectedFits = del && del.ok === del.n;
        if (acceptedFits && !rejectedFits) decided.set(ti, 'accept');
        else if (rejectedFits && !acceptedFits) decided.set(ti, 'reject');
      }
    }
    for (const [ti, d] of decided) decisions.set(e.threads[ti]!, d);
    // Then the exported text as those decisions leave it, compared again: what still differs was edited in Word.
    e = e.withDecisions(decided);
    const { aToB: eToB, bToA: bToE, hunks } = align(e.text, base);
    /** The exported position of a base position: just after the base character before it. */
    const eOfBase = (p: number): number => {
      const i = bToE.lastMapped(p);
      return i < 0 ? 0 : bToE.at(i)! + 1;
    };
    const changes: Change[] = [];
    // Aligned text: tracked deletions made in Word (none to look for when the returned text has no deleted character).
    for (let i = 0, n = r.has(CharKind.Deleted) ? e.text.length : 0; i < n; i++) {
      if (e.threadAt(i)! >= 0) continue;
      const bi = eToB.at(i)!;
      const ri = bi >= 0 ? baseToR.at(bi)! : -1;
      if (ri < 0 || r.kindAt(ri) !== CharKind.Deleted || this.ours(r.revAt(ri)!)) continue;
      const rev = r.revAt(ri)!;
      const last = changes[changes.length - 1];
      if (last && last.by === rev && last.eEnd === i && !last.newText) last.eEnd = i + 1;
      else changes.push({ eStart: i, eEnd: i + 1, newText: '', by: rev, rPos: ri });
    }
    // What the comparison found changed: text edited without tracking.
    for (const h of hunks) {
      let from = h.oldStart;
      for (let i = h.oldStart; i <= h.oldEnd; i++) {
        // Exported suggestions' text inside the hunk is evidence, not a change of its own.
        if (i < h.oldEnd && e.threadAt(i)! < 0) continue;
        if (i > from) changes.push({ eStart: from, eEnd: i, newText: '', by: 'untracked', rPos: baseToR.at(h.newStart) ?? r.text.length });
        from = i + 1;
      }
      // Only text that stood as plain text: a tracked deletion of text added without tracking leaves nothing.
      let added = '';
      for (let j = h.newStart; j < h.newEnd; j++) if (r.kindAt(baseToR.at(j)!) === CharKind.Normal) added += base[j];
      if (!added) continue;
      const prev = changes[changes.length - 1];
      if (prev && prev.by === 'untracked' && !prev.newText && prev.eEnd === h.oldEnd && h.oldEnd > h.oldStart) prev.newText = added;
      else changes.push({ eStart: h.oldEnd, eEnd: h.oldEnd, newText: added, by: 'untracked', rPos: baseToR.at(h.newStart) ?? r.text.length });
    }
    // Word's tracked insertions, one per run of one revision at one place (stretches of it one after another are one).
    for (let k = 0; k < inserted.length;) {
      const first = inserted[k]!;
      let text = '';
      let j = k;
      while (j < inserted.length && inserted[j]!.at === first.at && inserted[j]!.rev === first.rev && (j === k || inserted[j]!.r === inserted[j - 1]!.r + inserted[j - 1]!.n)) { text += r.text.slice(inserted[j]!.r, inserted[j]!.r + inserted[j]!.n); j++; }
      const at = eOfBase(first.at);
      changes.push({ eStart: at, eEnd: at, newText: text, by: first.rev, rPos: first.r });
      k = j;
    }
    changes.sort((a, b) => a.eStart - b.eStart || a.eEnd - b.eEnd || a.rPos - b.rPos);
    // A tracked deletion followed by a tracked insertion by the same person at its end is a replacement.
    const merged: Change[] = [];
    for (const c of changes) {
      const prev = merged[merged.length - 1];
      if (prev && prev.by !== 'untracked' && prev.by === c.by && !prev.newText && c.eStart === prev.eEnd && c.eStart === c.eEnd) { prev.newText = c.newText; continue; }
      merged.push({ ...c });
    }
    for (const c of merged) this.placeChange(e, c);
    const exportedAt = (rp: number) => eOfBase(rToBase.at(Math.min(rp, r.text.length))!);
    // Word's tracked formatting (bold, a style, an indent) has no place in a draft whose formatting is its Markdown:
    // it is kept as a comment by its author after the paragraph's text, one per paragraph and person (a State that
    // makes every reference bold gets a comment a paragraph, not one a word), and reported, so nobody's change vanishes.
    const formatted = new Map<string, { at: number; rev: number; texts: string[] }>();
    for (const f of r.formatChanges) {
      if (this.ours(f.rev)) continue;
      const at = exportedAt(f.end);
      const key = `${e.paraAt(Math.max(0, at - 1)) ?? -1}\u0000${f.rev}`;
      const group = formatted.get(key) ?? { at, rev: f.rev, texts: [] };
      group.texts.push(`"${short(r.text.slice(f.start, f.end).replaceAll(LINE_BREAK, ' ').replaceAll(OBJECT, ''))}"`);
      group.at = Math.max(group.at, at);
      formatted.set(key, group);
    }
    for (const { at, rev, texts } of formatted.values()) {
      this.cannot(e, at, this.who(rev), t('formatting of {0}', texts.join(', ')), t('a draft takes its formatting from its Markdown, not from Word: make the change in the draft if it is wanted'));
    }
    this.placeComments(e, r, exportedAt, known);
  }

  /** Author and date of a change. */
  private who(by: number | 'untracked'): { author: Author; date: string; tracked: boolean } {
    if (by === 'untracked') return { author: this.untrackedAuthor(), date: this.stamp(), tracked: false };
    const rv = this.doc.revisions[by]!;
    return { author: parseAuthor(rv.author || 'Unknown'), date: isoDate(rv.date) ?? this.stamp(), tracked: true };
  }

  /** Turns a change at exported positions into a suggestion at draft offsets, or a point comment saying what it was. */
  private placeChange(e: Exported, c: Change): void {
    const who = this.who(c.by);
    let newText = c.newText;
    let p = c.eStart;
    if (c.eStart === c.eEnd) {
      // A paragraph added before another reads as its text and a break at that paragraph's start: it is a paragraph after the one before.
      if (newText.endsWith('\n') && p > 0 && e.srcAt(p - 1) === -2) { p--; newText = `\n${newText.slice(0, -1)}`; }
      const where = this.insertionPoint(e, p, newText);
      if (!where) return this.cannot(e, p, who, t('insertion of "{0}"', short(newText)), t('there is no draft text at that place'));
      this.add({ kind: 'insertion', start: where.at, end: where.at, newText: where.text, ...(where.linesAt !== undefined ? { linesAt: where.linesAt } : {}) }, who, e, p, t('insertion of "{0}"', short(newText)));
      return;
    }
    // A deletion (or replacement): the draft text of its characters, paragraph by paragraph.
    const pieces: [number, number, number][] = []; // [draft start, draft end, exported position]
    for (let i = c.eStart; i < c.eEnd; i++) {
      const s = e.srcAt(i)!;
      if (s < 0) continue;
      const last = pieces[pieces.length - 1];
      if (last && e.paraAt(i) === e.paraAt(last[2])) last[1] = s + 1;
      else pieces.push([s, s + 1, i]);
    }
    if (!pieces.length) {
      if (newText) this.placeChange(e, { ...c, eStart: c.eEnd, newText });
      return;
    }
    pieces.forEach(([s, end, i], k) => {
      const text = k === pieces.length - 1 ? newText.replace(/\n/g, this.eol + this.eol) : '';
      this.add({ kind: suggestionKind(s, end, text), start: s, end, newText: text }, who, e, i, text ? t('replacement of "{0}"', short(this.draft.slice(s, end))) : t('deletion of "{0}"', short(this.draft.slice(s, end))));
    });
  }

  /** Where an insertion at exported position `p` goes in the draft, and its text there. */
  private insertionPoint(e: Exported, p: number, text: string): { at: number; text: string; linesAt?: number } | null {
    const eol = this.eol;
    if (text.startsWith('\n')) {
      // New paragraphs after paragraph `pi`: after its block (and its thread lines), never on a heading's line.
      const pi = p > 0 ? e.paraAt(p - 1)! : -1;
      const block = pi >= 0 ? e.paragraphs[pi]! : null;
      if (!block || block.blockEnd < 0) return null;
      const content = text.slice(1).replace(/\n/g, eol + eol);
      const end = paragraphEnd(this.draft, block.blockEnd);
      const lastLine = this.draft.slice(this.draft.lastIndexOf('\n', end - 1) + 1, end);
      if (!/^\s{0,3}(#|\{>>@|```|~~~|[-*+] |\d+[.)] )/.test(lastLine) && !/<<\}\s*$/.test(lastLine)) return { at: end, text: eol + eol + content };
      // A heading, a thread line or a fence ends there: the marks go on the blank line after it, the break inside them.
      if (this.draft.startsWith(eol + eol, end)) return { at: end + eol.length, text: eol + content + eol, linesAt: end + eol.length };
      return null;
    }
    const inner = text.replace(/\n/g, eol + eol);
    const sameParagraph = (i: number) => i >= 0 && i < e.text.length && e.srcAt(i)! >= 0 && (p === i || e.paraAt(i) === e.paraAt(p) || e.paraAt(i) === e.paraAt(Math.max(0, p - 1)));
    let at = -1;
    if (p > 0 && e.srcAt(p - 1)! >= 0 && sameParagraph(p - 1)) at = e.srcAt(p - 1)! + 1;
    else {
      // At a paragraph's start (after its number): before its first draft character.
      for (let i = p; i < e.text.length && e.srcAt(i) !== -2; i++) if (e.srcAt(i)! >= 0) { at = e.srcAt(i)!; break; }
    }
    if (at < 0) return null;
    // Never inside a mark: after it.
    for (const m of this.comments.marks) if (at > m.start && at < m.end) at = m.end;
    return { at, text: inner };
  }

  /** Places a new thread, or says why not: 'already' when the draft has it from an earlier import of the same file. */
  private add(th0: Omit<NewThread, 'id' | 'lines'>, who: { author: Author; date: string; tracked: boolean }, e: Exported, p: number, what: string, body = '', replies: Reply[] = []): 'added' | 'already' | 'kept' {
    const th = { ...th0 };
    // A code span holds no mark: a point inside one moves after it; a comment takes the whole span; a change of all
    // its text changes the whole span; a change of part of it cannot be written.
    for (const [a, b] of this.proj.codeSpans) {
      if (th.start === th.end) { if (th.start > a && th.start < b) th.start = th.end = b; continue; }
      if (th.start >= b || th.end <= a || (th.start <= a && th.end >= b)) continue;
      const fence = /^`+/.exec(this.draft.slice(a, b))![0].length;
      if (th.kind === 'comment' || (th.start <= a + fence && th.end >= b - fence)) { th.start = Math.min(th.start, a); th.end = Math.max(th.end, b); continue; }
      this.cannot(e, p, who, what, t('it changes part of a code span'), body);
      return 'kept';
    }
    let lo = th.start, hi = th.end;
    if (clashes(this.draft, this.comments, lo, hi, this.taken)) {
      // A comment on words that hold a suggestion (the reviewer commented, then typed in the same words) cannot mark
      // them, as marks do not nest; it stands as a point comment right after them, with its text, when a point can
      // stand there (not inside or against another mark), and it is reported.
      if (th.kind !== 'comment' || hi === lo || crossesLines(this.draft, this.comments, lo, hi) || !this.pointFree(hi)) { this.cannot(e, p, who, what, t('it overlaps a comment or suggestion of the draft, or crosses a paragraph'), body); return 'kept'; }
      this.unplaced.push({ what, reason: t('its text holds a comment or suggestion: it is a point comment after that text'), line: lineOf(this.draft, hi) });
      th.start = th.end = lo = hi;
    }
    // Imported before (the same file imported again): the draft has it already.
    if (this.already(th.kind, who, body, th.kind === 'insertion' ? th.newText : th.kind === 'replacement' ? `${this.draft.slice(lo, hi)}\u0000${th.newText}` : this.draft.slice(lo, hi))) return 'already';
    const id = this.ctx.newId(8);
    const lines = [blockText(id, who.author, who.date, body), ...replies.map((r) => {
      const bid = `${id}.${this.ctx.newId(4)}`;
      return r.event ? eventText(bid, r.author, r.date, r.event) : blockText(bid, r.author, r.date, r.body);
    })];
    this.threads.push({ ...th, id, lines });
    this.taken.push({ start: lo, end: hi });
    if (th.kind !== 'comment') this.summary[who.tracked ? 'trackedChanges' : 'untrackedChanges']++;
    return 'added';
  }

  /** Whether a point comment can stand at `at`: not in or at the edge of a mark, a thread line or what this import adds. */
  private pointFree(at: number): boolean {
    // A brace on either side is a mark's edge (a point there would read as that mark's thread, or run into it).
    return !clashes(this.draft, this.comments, at, at, this.taken) && this.draft[at - 1] !== '}' && this.draft[at] !== '{'
      && !this.taken.some((x) => x.start === at || x.end === at);
  }

  /** What cannot be placed becomes a point comment at the end of the nearest paragraph's text, and is reported. */
  private cannot(e: Exported, p: number, who: { author: Author; date: string }, what: string, reason: string, body = ''): void {
    const at = this.nearestPoint(e, p);
    this.unplaced.push({ what, reason, line: at < 0 ? 0 : lineOf(this.draft, at) });
    if (at < 0) return;
    const note = `[${t('From Word, not placed where it stood: {0} ({1})', body ? `${what}: ${body}` : what, reason)}]`;
    if (this.already('comment', who, note, '')) return;
    const id = this.ctx.newId(8);
    this.threads.push({ id, kind: 'comment', start: at, end: at, newText: '', lines: [blockText(id, who.author, who.date, note)] });
    this.taken.push({ start: at, end: at });
  }

  /** The end of the visible text of the paragraph at (or before) exported position `p`, outside every mark. */
  private nearestPoint(e: Exported, p: number): number {
    for (let i = Math.min(p, e.text.length - 1); i >= 0; i--) {
      if (e.srcAt(i)! < 0) continue;
      let at = e.srcAt(i)! + 1;
      // The end of that paragraph's text.
      for (let j = i + 1; j < e.text.length && e.srcAt(j) !== -2; j++) if (e.srcAt(j)! >= 0) at = e.srcAt(j)! + 1;
      for (const m of this.comments.marks) if (at > m.start && at < m.end) at = m.end;
      if (!this.taken.some((x) => at > x.start && at < x.end)) return at;
    }
    return -1;
  }

  private placeComments(e: Exported, r: ReturnedText, toE: (rPos: number) => number, known: Map<string, ExportedComment>): void {
    const anchors = new Map<string, { start?: number; end?: number; ref?: number }>();
    for (const a of r.anchors) {
      const v = anchors.get(a.comment) ?? {};
      if (v[a.kind] === undefined) v[a.kind] = a.pos;
      anchors.set(a.comment, v);
    }
    const byPara = new Map(this.doc.comments.filter((c) => c.paraId).map((c) => [c.paraId!, c]));
    // Where each exported thread's first comment stands in the returned file, for replies LibreOffice does not link.
    const threadRange = new Map<string, string>();
    for (const c of this.doc.comments) {
      const k = known.get(c.id);
      const a = anchors.get(c.id);
      if (!k || !a || k.blockId !== k.threadId) continue;
      const s = a.start ?? a.ref, en = a.end ?? a.ref;
      threadRange.set(`${s}:${en}`, k.threadId);
      threadRange.set(`${en}:${en}`, k.threadId);
    }
    const roots: ReturnedComment[] = [];
    const repliesOf = new Map<string, ReturnedComment[]>();
    for (const c of this.doc.comments) {
      if (known.has(c.id)) continue;
      const a = anchors.get(c.id);
      if (!a) continue; // in the other part (body or footnotes)
      const parent = c.parentParaId ? byPara.get(c.parentParaId) : undefined;
      if (parent) { repliesOf.set(parent.id, [...(repliesOf.get(parent.id) ?? []), c]); continue; }
      const s = a.start ?? a.ref!, en = a.end ?? a.ref!;
      const tid = threadRange.get(`${s}:${en}`);
      if (tid) { this.replyTo.set(c.id, tid); continue; }
      roots.push(c);
    }
    for (const c of roots) {
      const a = anchors.get(c.id)!;
      const rs = a.start ?? a.ref!, re = a.end ?? a.ref!;
      const eS = toE(rs), eE = Math.max(eS, toE(re));
      const date = isoDate(c.date);
      const who = { author: parseAuthor(c.author || 'Unknown'), date: date ?? this.stamp(), tracked: true };
      const replies = (repliesOf.get(c.id) ?? []).flatMap((x) => this.replies(x, repliesOf));
      if (c.done) replies.push({ author: this.resolver(), date: this.stamp(), body: '', event: 'resolved' });
      let s = -1, en = -1;
      for (let i = eS; i < eE; i++) if (e.srcAt(i)! >= 0) { if (s < 0) s = e.srcAt(i)!; en = e.srcAt(i)! + 1; }
      const what = t('comment by {0}', c.author || t('an unnamed author'));
      if (!date) this.unplaced.push({ what, reason: t('its date is missing or malformed: the import time was used'), line: 0 });
      const before = this.threads.length;
      let placed: 'added' | 'already' | 'kept' = 'kept';
      const cut = s >= 0 ? this.firstParagraphEnd(s, en) : -1;
      if (cut > s) {
        placed = this.add({ kind: 'comment', start: s, end: cut, newText: '' }, who, e, eS, what, c.body, replies);
        // A comment over several paragraphs (a mark stays within one) marks its words in the first, and says so.
        if (cut < en && placed === 'added') this.unplaced.push({ what, reason: t('it ran over more than one paragraph: it marks its words in the first'), line: lineOf(this.draft, s) });
      } else {
        const at = this.insertionPoint(e, eS, 'x');
        if (at) placed = this.add({ kind: 'comment', start: at.at, end: at.at, newText: '' }, who, e, eS, what, c.body, replies);
        else this.cannot(e, eS, who, what, t('the text it was on is not in the draft'), c.body);
      }
      if (placed === 'already') { this.importedBefore.add(c.id); continue; }
      if (this.threads.length > before) {
        this.newThreadOf.set(c.id, this.threads[this.threads.length - 1]!.id);
        this.summary.comments++;
        this.summary.replies += replies.filter((x) => !x.event).length;
      }
    }
  }

  /**
   * Where the paragraph holding draft offset `s` ends before `en`: at a blank line or the draft's thread line after its
   * text, its trailing spaces left out; `en` when the stretch stays in that paragraph.
   */
  private firstParagraphEnd(s: number, en: number): number {
    let cut = en;
    const blank = blankLines().exec(this.draft.slice(s, en));
    if (blank) cut = s + blank.index;
    // The first of the draft's thread lines after `s` (they are in text order), when it comes before the cut.
    const blocks = this.comments.blocks, k = firstReached(0, blocks.length, (j) => blocks[j]!.start > s);
    if (k < blocks.length && blocks[k]!.start < cut) cut = blocks[k]!.removeStart;
    if (cut === en) return en;
    while (cut > s && /[ \t\r\n]/.test(this.draft[cut - 1]!)) cut--;
    return cut;
  }

  /** A new comment's replies, in Word's order, each with its own author and date. */
  private replies(c: ReturnedComment, repliesOf: Map<string, ReturnedComment[]>, depth = 0): Reply[] {
    this.placedAsReply.add(c.id);
    const own: Reply = { author: parseAuthor(c.author || 'Unknown'), date: isoDate(c.date) ?? this.stamp(), body: c.body, event: null };
    return [own, ...(depth < 50 ? (repliesOf.get(c.id) ?? []).flatMap((x) => this.replies(x, repliesOf, depth + 1)) : [])];
  }

  /** Word does not say who resolved a comment: the importing user, else the file's last editor. */
  private resolver(): Author {
    return this.options.author ?? (this.doc.lastModifiedBy ? parseAuthor(this.doc.lastModifiedBy) : { name: 'Word' });
  }
}

/** Whether [lo, hi) would overlap a mark or thread line of `model`, cross a blank line, or touch another new thread. */
function clashes(text: string, model: CommentsModel, lo: number, hi: number, taken: readonly { start: number; end: number }[]): boolean {
  return model.marks.some((m) => (lo < m.end && hi > m.start) || (lo === hi && lo > m.start && lo < m.end))
    || model.blocks.some((b) => lo === hi && lo > b.start && lo <= b.end)
    || crossesLines(text, model, lo, hi)
    || taken.some((x) => (lo < x.end && hi > x.start) || (lo === hi && lo > x.start && lo < x.end) || (x.start === x.end && x.start > lo && x.start < hi));
}

/** Whether a stretch holds a thread's line or crosses a paragraph: what no mark may span, whatever else is there. */
function crossesLines(text: string, model: CommentsModel, lo: number, hi: number): boolean {
  return model.blocks.some((b) => lo < b.end && hi > b.start) || (hi > lo && hasBlankLine(text.slice(lo, hi)));
}

/**
 * The end of the nearest line of text at or before `at` where a point comment can stand: not in the front matter, a
 * heading, a fence or code, a thread line, nor inside a mark.
 */
function nearestSafe(text: string, model: CommentsModel, at: number): number {
  const fm = /^---\r?\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const bodyStart = fm ? fm[0].length : 0;
  const code: [number, number][] = [];
  for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm)) code.push([m.index!, m.index! + m[0].length]);
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  for (;;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    if (start < bodyStart) return -1;
    const ok = /\S/.test(line) && !/^\s{0,3}(?:#|---|\{>>@|```|~~~)/.test(line) && !code.some(([a, b]) => start >= a && start < b) && !clashes(text, model, lineEnd, lineEnd, []);
    if (ok) return lineEnd;
    if (start === 0) return -1;
    end = start - 1;
  }
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

