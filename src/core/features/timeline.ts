// Indicative deadlines of a country review's steps, and when each recorded step was (or is) due.
import type { DateField, ReviewInfo } from '../draft/frontMatter';
import { daysInMonth } from '../text/dates';

export type StepId = 'focal-point' | 'experts' | 'self-assessment' | 'feedback';
export interface Deadline { from: DateField; done: DateField; weeks?: number; months?: number }
export type Deadlines = Record<StepId, Deadline>;

/**
 * Defaults from UNODC's public descriptions of the process (shared/domain/blueprint.md §3): focal point within
 * 2 weeks and governmental experts within 4 weeks of the start, the self-assessment within 6 months, the written
 * feedback within 6 months of receiving it. They are indicative and configurable, never hard rules.
 */
export const DEFAULT_DEADLINES: Deadlines = {
  'focal-point': { from: 'review-start', done: 'focal-point-appointed', weeks: 2 },
  experts: { from: 'review-start', done: 'experts-appointed', weeks: 4 },
  'self-assessment': { from: 'review-start', done: 'questionnaire-received', months: 6 },
  feedback: { from: 'questionnaire-received', done: 'feedback-sent', months: 6 },
};

/**
 * The deadlines of a configuration (file, settings or flags): each step's period replaces its default's, the rest of
 * the step (which dates it runs from and to) stays. The one merge of periods over the defaults.
 */
export function deadlinesFrom(periods: Partial<Record<string, { weeks?: number; months?: number }>> | undefined): Partial<Deadlines> {
  const out: Partial<Deadlines> = {};
  for (const [k, v] of Object.entries(periods ?? {})) {
    if (!v || !(k in DEFAULT_DEADLINES) || (typeof v.weeks !== 'number' && typeof v.months !== 'number')) continue;
    out[k as StepId] = { ...DEFAULT_DEADLINES[k as StepId], weeks: v.weeks, months: v.months };
  }
  return out;
}

/**
 * The date a period after `date`. Months keep the day of the month, clamped to the month's last day: six months after
 * 31 August is 28 February, not 3 March (setUTCMonth would overflow into the next month).
 */
export function addPeriod(date: string, d: Pick<Deadline, 'weeks' | 'months'>): string {
  const x = new Date(`${date}T00:00:00Z`);
  if (d.months) {
    const day = x.getUTCDate();
    x.setUTCDate(1);
    x.setUTCMonth(x.getUTCMonth() + d.months);
    x.setUTCDate(Math.min(day, daysInMonth(x.getUTCFullYear(), x.getUTCMonth() + 1)));
  }
  if (d.weeks) x.setUTCDate(x.getUTCDate() + 7 * d.weeks);
  return x.toISOString().slice(0, 10);
}
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface StepStatus { step: StepId; due: string; done: string | null; overdueDays: number; lateDays: number; deadline: Deadline }

/** Each step whose starting date is recorded: when it was due, whether it is done, how late or overdue. */
export function timeline(info: ReviewInfo, today: string, overrides: Partial<Deadlines> = {}): StepStatus[] {
  const out: StepStatus[] = [];
  for (const step of Object.keys(DEFAULT_DEADLINES) as StepId[]) {
    const deadline = overrides[step] ?? DEFAULT_DEADLINES[step];
    const from = info.dates[deadline.from];
    if (!from) continue;
    const due = addPeriod(from, deadline);
    const done = info.dates[deadline.done] ?? null;
    out.push({ step, due, done, deadline, overdueDays: done ? 0 : Math.max(0, daysBetween(due, today)), lateDays: done ? Math.max(0, daysBetween(due, done)) : 0 });
  }
  return out;
}
