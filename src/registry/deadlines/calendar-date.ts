// Plain calendar days, written `YYYY-MM-DD`, with exact integer arithmetic.
//
// A legal deadline is a day, not an instant: "received on 7 February" has no hour and no time
// zone. So no `Date` object is ever involved here (local-time `Date` arithmetic shifts days
// around midnight and daylight-saving changes). A day is handled as its day number — the count
// of days since 1970-01-01 in the proleptic Gregorian calendar — and converted with the
// civil-from-days / days-from-civil algorithms (pure integer arithmetic, exact for any year).

import { OctoError } from '../../platform/errors.ts';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MIN_YEAR = 1583; // first full Gregorian year
export const MAX_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Throws REGISTRY_DEADLINE_INVALID_YEAR unless `year` is an integer in [1583, 9999]. */
export function assertYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new OctoError('REGISTRY_DEADLINE_INVALID_YEAR', `Invalid year ${String(year)}`, { value: year });
  }
  return year;
}

/** Days since 1970-01-01 of a (year, month 1–12, day) triple. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** (year, month 1–12, day) of a day number. */
export function partsFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses `YYYY-MM-DD` (a real calendar day, year 1583–9999); throws REGISTRY_DEADLINE_INVALID_DATE. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } {
  const match = typeof text === 'string' ? ISO_DATE.exec(text.trim()) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new OctoError('REGISTRY_DEADLINE_INVALID_DATE', `Invalid calendar date ${JSON.stringify(text)}`, { value: text });
}

/** Validates and normalises (trims) a `YYYY-MM-DD` day. */
export function normalizeIsoDate(text: string): IsoDate {
  const { year, month, day } = parseIsoDate(text);
  return formatIsoDate(year, month, day);
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatIsoDate(year, month, day);
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds calendar months "de quantième à quantième": same day of the month, `months` later.
 * When that month has no such day (31 → April, 29–31 → February), the result is the **last day
 * of that month**: 31 December 2024 + 2 months = 28 February 2025; 31 December 2023 + 2 months
 * = 29 February 2024. Source: legal-rules.md B2 "Month end" (wiki Ouvre-boîte; same wording as
 * Code de procédure civile art. 641 al. 2 "à défaut d'un quantième identique, le délai expire
 * le dernier jour du mois"); listed as unconfirmed for the CRPA in legal-rules.md H3.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

/**
 * The calendar day an instant falls on in metropolitan France (Europe/Paris), for callers that
 * start from a timestamp (e.g. "today", or the moment an e-mail was received). Uses the IANA
 * zone through Intl, never the process's local time zone.
 */
export function parisDateOf(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate(get('year'), get('month'), get('day'));
}

const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const MONTHS_FR = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

/** "lundi 6 avril 2026", "jeudi 1er janvier 2026". */
export function formatDateFr(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const weekday = WEEKDAYS_FR[weekdayOfDayNumber(dayNumberFromParts(year, month, day)) - 1];
  return `${weekday} ${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}
