// Written dates that exist: the month lengths worked out agree with JavaScript's calendar on every YYYY-MM-DD.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isUtcMoment } from '../../src/core/text/dates';

/** The day as JavaScript's Date reads it back (setUTCFullYear: Date.UTC takes years 0–99 for 1900–1999). */
function existsByDate(y: number, mo: number, d: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('calendar dates', () => {
  it('exist exactly when the calendar has them, for any four-digit year and any two-digit month and day', () => {
    // Months and days near their ends most of the time, where the calendars can disagree.
    const month = fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }));
    const day = fc.oneof(fc.integer({ min: 27, max: 32 }), fc.integer({ min: 0, max: 99 }));
    const year = fc.oneof(fc.constantFrom(1900, 2000, 2024, 2100, 2400, 0, 4, 100), fc.integer({ min: 0, max: 9999 }));
    fc.assert(fc.property(year, month, day, (y, mo, d) => {
      expect(isCalendarDate(`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`)).toBe(existsByDate(y, mo, d));
    }), { numRuns: 5000 });
  });
  it('the leap days and month ends drafts meet', () => {
    expect(['2024-02-29', '2000-02-29', '2021-04-30', '2021-12-31', '2021-01-31'].map(isCalendarDate)).toEqual([true, true, true, true, true]);
    expect(['2023-02-29', '1900-02-29', '2100-02-29', '2021-02-30', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '2021-1-01'].map(isCalendarDate)).toEqual([false, false, false, false, false, false, false, false, false]);
    expect(isUtcMoment('2026-02-29T10:00:00Z')).toBe(false);
    expect(isUtcMoment('2028-02-29T23:59:59Z')).toBe(true);
  });
});
