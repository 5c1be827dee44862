import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOctoError } from '../../../src/platform/errors.ts';
import {
  dayNumberFromParts,
  fromDayNumber,
  partsFromDayNumber,
  weekdayOfDayNumber,
} from '../../../src/registry/deadlines/calendar-date.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatDateFr,
  isLeapYear,
  isoWeekday,
  normalizeIsoDate,
  parisDateOf,
} from '../../../src/registry/deadlines/index.ts';

describe('calendar days as integer day numbers', () => {
  it('agree with Date.UTC and round-trip for every day from 1583 to 2400', () => {
    for (let year = 1583; year <= 2400; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= daysInMonth(year, month); day += 1) {
          const n = dayNumberFromParts(year, month, day);
          const expected = Date.UTC(year, month - 1, day) / 86_400_000;
          if (n !== expected) assert.fail(`${year}-${month}-${day}: ${n} ≠ ${expected}`);
          const back = partsFromDayNumber(n);
          if (back.year !== year || back.month !== month || back.day !== day) assert.fail(`round trip of ${year}-${month}-${day}`);
          const weekday = new Date(expected * 86_400_000).getUTCDay() || 7;
          if (weekdayOfDayNumber(n) !== weekday) assert.fail(`weekday of ${year}-${month}-${day}`);
        }
      }
    }
    assert.equal(fromDayNumber(0), '1970-01-01');
  });

  it('knows leap years (Gregorian: 1900 and 2100 are not, 2000 and 2400 are)', () => {
    const table: Array<[number, boolean]> = [[1900, false], [2000, true], [2023, false], [2024, true], [2100, false], [2400, true]];
    for (const [year, leap] of table) assert.equal(isLeapYear(year), leap, String(year));
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2025, 2), 28);
    assert.equal(daysInMonth(2025, 4), 30);
  });
});

describe('parsing YYYY-MM-DD', () => {
  const invalid = [
    '2025-02-29', '2024-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '25-02-07', '2025-2-7',
    '07/02/2025', '1582-12-31', '', 'demain', '2025-02-07T00:00:00Z',
  ];
  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)} with a French message`, () => {
      assert.throws(() => normalizeIsoDate(text), (error: unknown) => {
        assert.ok(isOctoError(error));
        assert.equal(error.code, 'REGISTRY_DEADLINE_INVALID_DATE');
        assert.equal(error.frenchMessage, 'Date invalide : utilisez le format AAAA-MM-JJ (par exemple 2026-04-06).');
        return true;
      });
    });
  }
  it('accepts real days, including 29 February of a leap year, and trims spaces', () => {
    assert.equal(normalizeIsoDate('2024-02-29'), '2024-02-29');
    assert.equal(normalizeIsoDate(' 2025-02-07 '), '2025-02-07');
  });
});

describe('adding months de quantième à quantième (B2, month without that day → last day)', () => {
  const table: Array<[string, number, string]> = [
    ['2017-06-23', 2, '2017-08-23'],
    ['2023-05-15', 2, '2023-07-15'],
    ['2024-12-31', 2, '2025-02-28'], // 31 December + 2 months, common year
    ['2023-12-31', 2, '2024-02-29'], // leap year
    ['2023-12-29', 2, '2024-02-29'],
    ['2024-12-29', 2, '2025-02-28'],
    ['2099-12-31', 2, '2100-02-28'], // 2100 is not a leap year
    ['2399-12-31', 2, '2400-02-29'], // 2400 is
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-10-31', 4, '2026-02-28'],
    ['2027-10-31', 4, '2028-02-29'],
    ['2025-11-15', 2, '2026-01-15'], // year boundary
    ['2025-12-01', 1, '2026-01-01'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
  ];
  for (const [from, months, expected] of table) {
    it(`${from} + ${months} month(s) = ${expected}`, () => assert.equal(addMonths(from, months), expected));
  }
});

describe('adding days and counting days', () => {
  const table: Array<[string, number, string]> = [
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-01', 30, '2024-03-02'],
    ['2025-02-01', 30, '2025-03-03'],
    ['2025-03-30', 1, '2025-03-31'], // daylight-saving change day: no shift
    ['2025-10-26', 1, '2025-10-27'],
    ['2026-01-01', -1, '2025-12-31'],
  ];
  for (const [from, days, expected] of table) {
    it(`${from} + ${days} day(s) = ${expected}`, () => assert.equal(addDays(from, days), expected));
  }
  it('counts days across year ends and leap days', () => {
    assert.equal(daysBetween('2025-12-31', '2026-02-28'), 59);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2024-03-01', '2024-02-28'), -2);
  });
});

describe('French display of days', () => {
  const table: Array<[string, string]> = [
    ['2026-04-06', 'lundi 6 avril 2026'],
    ['2026-01-01', 'jeudi 1er janvier 2026'],
    ['2025-02-07', 'vendredi 7 février 2025'],
    ['2026-08-15', 'samedi 15 août 2026'],
    ['2026-11-01', 'dimanche 1er novembre 2026'],
    ['2025-12-24', 'mercredi 24 décembre 2025'],
  ];
  for (const [date, expected] of table) it(`${date} → ${expected}`, () => assert.equal(formatDateFr(date), expected));
  it('gives ISO weekdays', () => {
    assert.equal(isoWeekday('2025-02-07'), 5);
    assert.equal(isoWeekday('2023-07-16'), 7);
  });
});

describe('the day of an instant in metropolitan France', () => {
  const table: Array<[string, string]> = [
    ['2025-02-06T23:30:00Z', '2025-02-07'], // winter, UTC+1
    ['2025-02-06T22:59:59Z', '2025-02-06'],
    ['2025-07-14T22:30:00Z', '2025-07-15'], // summer, UTC+2
    ['2025-07-14T21:59:59Z', '2025-07-14'],
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ];
  for (const [instant, expected] of table) {
    it(`${instant} is ${expected} in Paris`, () => assert.equal(parisDateOf(new Date(instant)), expected));
  }
});
