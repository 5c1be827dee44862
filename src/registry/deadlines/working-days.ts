// Working days ("jours ouvrés"), legal-rules.md A9 and B5.
//
// The CRPA does not define "jour ouvré"; we use its usual meaning (B5, practice): Monday to
// Friday, minus the public holidays of holidays.ts (B4), with the Alsace-Moselle extras when the
// service is located there. Counting starts the day after the event: "1 jour ouvré après le
// vendredi 7 février 2025" is Monday 10 February 2025.

import {
  fromDayNumber,
  partsFromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
} from './calendar-date.ts';
import { frenchHolidays, type CalendarOptions } from './holidays.ts';

const holidaySets = new Map<string, ReadonlySet<number>>();

function holidayDayNumbers(year: number, options: CalendarOptions): ReadonlySet<number> {
  const key = `${year}:${options.alsaceMoselle === true}`;
  let set = holidaySets.get(key);
  if (!set) {
    set = new Set(frenchHolidays(year, options).map((h) => toDayNumber(h.date)));
    holidaySets.set(key, set);
  }
  return set;
}

function isWorkingDayNumber(dayNumber: number, options: CalendarOptions): boolean {
  if (weekdayOfDayNumber(dayNumber) >= 6) return false;
  return !holidayDayNumbers(partsFromDayNumber(dayNumber).year, options).has(dayNumber);
}

/** Monday–Friday and not a public holiday (B4/B5). */
export function isWorkingDay(date: IsoDate, options: CalendarOptions = {}): boolean {
  return isWorkingDayNumber(toDayNumber(date), options);
}

/**
 * The working day that comes `count` working days after `date` (count ≥ 0). `date` itself
 * never counts; with count 0 the date is returned unchanged. A negative count goes backwards.
 * Examples (B5): 2025-02-07 + 1 → 2025-02-10; 2025-02-07 + 10 → 2025-02-21;
 * 2025-04-30 + 1 → 2025-05-02 (1 May).
 */
export function addWorkingDays(date: IsoDate, count: number, options: CalendarOptions = {}): IsoDate {
  if (!Number.isInteger(count)) throw new RangeError(`addWorkingDays: count must be an integer, got ${count}`);
  let day = toDayNumber(date);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  while (left > 0) {
    day += step;
    if (isWorkingDayNumber(day, options)) left -= 1;
  }
  return fromDayNumber(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  return addWorkingDays(date, 1, options);
}

/** `date` itself when it is a working day, otherwise the next working day (B3 extension rule). */
export function sameOrNextWorkingDay(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  return isWorkingDay(date, options) ? fromDayNumber(toDayNumber(date)) : nextWorkingDay(date, options);
}

/** Number of working days in the interval (from, to] — 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, options: CalendarOptions = {}): number {
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= end; day += 1) {
    if (isWorkingDayNumber(day, options)) count += 1;
  }
  return count;
}
