// French public holidays (jours fériés), legal-rules.md B4.
//
// National list, Code du travail L3133-1 (11 days): 1 January, Easter Monday, 1 May, 8 May,
// Ascension (Easter + 39), Whit Monday (Easter + 50), 14 July, 15 August, 1 November,
// 11 November, 25 December. Whit Monday stays a holiday in the calendar even where it is worked
// as the "journée de solidarité" (B4 note).
// Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle), Code du travail L3134-13: + Good Friday
// (Easter − 2) and + 26 December (B4, secondary; Good Friday is applied everywhere in the three
// départements, as is the general practice).
// The current list is applied to every year (no historical variants); overseas abolition days
// (L3422-2) are not included (their dates are partly unconfirmed, legal-rules.md H4).

import {
  assertYear,
  dayNumberFromParts,
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  type IsoDate,
} from './calendar-date.ts';

export interface CalendarOptions {
  /** Add the Alsace-Moselle holidays (Good Friday, 26 December). Default false. */
  alsaceMoselle?: boolean;
}

export type HolidayKey =
  | 'new_year'
  | 'good_friday'
  | 'easter_monday'
  | 'labour_day'
  | 'victory_1945'
  | 'ascension'
  | 'whit_monday'
  | 'national_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice_1918'
  | 'christmas'
  | 'saint_stephen';

export interface Holiday {
  date: IsoDate;
  /** French name, e.g. "Lundi de Pâques". */
  name: string;
  key: HolidayKey;
  /** True for the two days that are holidays only in Alsace-Moselle. */
  alsaceMoselleOnly: boolean;
}

export const HOLIDAY_NAMES_FR: Readonly<Record<HolidayKey, string>> = {
  new_year: 'Jour de l’an',
  good_friday: 'Vendredi saint',
  easter_monday: 'Lundi de Pâques',
  labour_day: 'Fête du Travail',
  victory_1945: 'Victoire 1945',
  ascension: 'Ascension',
  whit_monday: 'Lundi de Pentecôte',
  national_day: 'Fête nationale',
  assumption: 'Assomption',
  all_saints: 'Toussaint',
  armistice_1918: 'Armistice 1918',
  christmas: 'Noël',
  saint_stephen: 'Saint-Étienne',
};

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). 2025 → 2025-04-20, 2026 → 2026-04-05, 2027 → 2027-03-28.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

const cache = new Map<string, readonly Holiday[]>();

/** The public holidays of `year`, in date order, each with its French name. */
export function frenchHolidays(year: number, options: CalendarOptions = {}): Holiday[] {
  assertYear(year);
  const alsaceMoselle = options.alsaceMoselle === true;
  const cacheKey = `${year}:${alsaceMoselle}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached.map((h) => ({ ...h }));

  const easter = parseIsoDate(easterSunday(year));
  const easterDay = dayNumberFromParts(easter.year, easter.month, easter.day);
  const fixed = (month: number, day: number) => formatIsoDate(year, month, day);
  const fromEaster = (offset: number) => fromDayNumber(easterDay + offset);

  const entries: Array<[IsoDate, HolidayKey, boolean]> = [
    [fixed(1, 1), 'new_year', false],
    [fromEaster(1), 'easter_monday', false],
    [fixed(5, 1), 'labour_day', false],
    [fixed(5, 8), 'victory_1945', false],
    [fromEaster(39), 'ascension', false],
    [fromEaster(50), 'whit_monday', false],
    [fixed(7, 14), 'national_day', false],
    [fixed(8, 15), 'assumption', false],
    [fixed(11, 1), 'all_saints', false],
    [fixed(11, 11), 'armistice_1918', false],
    [fixed(12, 25), 'christmas', false],
  ];
  if (alsaceMoselle) {
    entries.push([fromEaster(-2), 'good_friday', true], [fixed(12, 26), 'saint_stephen', true]);
  }
  // ISO dates of one year sort correctly as strings. Ascension can fall on 1 or 8 May (e.g.
  // 2008-05-01): both entries are kept, they name the same day.
  const holidays = entries
    .map(([date, key, alsaceMoselleOnly]) => ({ date, key, name: HOLIDAY_NAMES_FR[key], alsaceMoselleOnly }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(cacheKey, holidays);
  return holidays.map((h) => ({ ...h }));
}

/** The holiday(s) falling on `date`, or an empty list. */
export function holidaysOn(date: IsoDate, options: CalendarOptions = {}): Holiday[] {
  const { year, month, day } = parseIsoDate(date);
  const normalized = formatIsoDate(year, month, day);
  return frenchHolidays(year, options).filter((h) => h.date === normalized);
}

export function isHoliday(date: IsoDate, options: CalendarOptions = {}): boolean {
  return holidaysOn(date, options).length > 0;
}

/** French name of the holiday on `date` ("Ascension / Fête du Travail" when two coincide), or null. */
export function holidayName(date: IsoDate, options: CalendarOptions = {}): string | null {
  const names = holidaysOn(date, options).map((h) => h.name);
  return names.length ? names.join(' / ') : null;
}
