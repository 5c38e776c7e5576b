// Which written dates name a day or a moment that exists: drafts are typed by hand and merged from two clocks.

/** YYYY-MM-DD naming a day that exists: 2021-02-30 and 2023-13-01 do not. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  // The month's length worked out, not a Date made and read back: every thread line's stamp is checked at each scan.
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The days of month `mo` (1–12) of year `y` in the proleptic Gregorian calendar, as JavaScript's Date counts them. */
export function daysInMonth(y: number, mo: number): number {
  if (mo !== 2) return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** YYYY-MM-DDTHH:MM:SSZ naming a moment that exists (a comment's stamp): 2026-13-45T99:99:99Z does not. */
export function isUtcMoment(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(s);
  return !!m && isCalendarDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}
