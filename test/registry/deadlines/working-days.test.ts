import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  sameOrNextWorkingDay,
  workingDaysBetween,
} from '../../../src/registry/deadlines/index.ts';

describe('working days: Monday–Friday minus public holidays (B5)', () => {
  const table: Array<[string, boolean, boolean, string]> = [
    // date, national, Alsace-Moselle, why
    ['2025-02-07', true, true, 'Friday'],
    ['2025-02-08', false, false, 'Saturday'],
    ['2025-02-09', false, false, 'Sunday'],
    ['2025-05-01', false, false, 'Fête du Travail, Thursday'],
    ['2025-05-08', false, false, 'Victoire 1945, Thursday'],
    ['2025-12-25', false, false, 'Noël'],
    ['2025-12-26', true, false, 'Saint-Étienne, Alsace-Moselle only'],
    ['2025-04-18', true, false, 'Good Friday, Alsace-Moselle only'],
    ['2026-05-25', false, false, 'Whit Monday'],
    ['2026-01-02', true, true, 'ordinary Friday'],
  ];
  for (const [date, national, alsace, why] of table) {
    it(`${date} (${why}): ${national ? 'worked' : 'not worked'} nationally, ${alsace ? 'worked' : 'not worked'} in Alsace-Moselle`, () => {
      assert.equal(isWorkingDay(date), national);
      assert.equal(isWorkingDay(date, { alsaceMoselle: true }), alsace);
    });
  }
});

describe('adding working days (A9 with the B5 oracles)', () => {
  const table: Array<{ from: string; days: number; alsace?: boolean; expected: string; source: string }> = [
    { from: '2025-02-07', days: 1, expected: '2025-02-10', source: 'B5: AEE of Friday 7 Feb 2025' },
    { from: '2025-02-07', days: 10, expected: '2025-02-21', source: 'B5: ARE of Friday 7 Feb 2025' },
    { from: '2025-04-30', days: 1, expected: '2025-05-02', source: 'B5: 1 May skipped' },
    { from: '2025-04-30', days: 10, expected: '2025-05-16', source: 'B5: 1 and 8 May skipped' },
    { from: '2025-12-24', days: 1, expected: '2025-12-26', source: 'B5: general France' },
    { from: '2025-12-24', days: 1, alsace: true, expected: '2025-12-29', source: 'B5: Alsace-Moselle, 26 Dec' },
    { from: '2025-12-24', days: 10, expected: '2026-01-09', source: 'B5: ARE over the year end' },
    { from: '2025-12-24', days: 10, alsace: true, expected: '2026-01-12', source: 'derived: Alsace-Moselle ARE' },
    { from: '2025-04-17', days: 1, expected: '2025-04-18', source: 'derived: Good Friday worked' },
    { from: '2025-04-17', days: 1, alsace: true, expected: '2025-04-22', source: 'derived: Good Friday + Easter Monday' },
    { from: '2025-02-08', days: 1, expected: '2025-02-10', source: 'derived: receipt on a Saturday' },
    { from: '2025-02-10', days: 0, expected: '2025-02-10', source: 'zero days' },
    { from: '2025-02-10', days: -1, expected: '2025-02-07', source: 'backwards over a weekend' },
  ];
  for (const { from, days, alsace, expected, source } of table) {
    it(`${from} + ${days} working day(s)${alsace ? ' in Alsace-Moselle' : ''} = ${expected} (${source})`, () => {
      assert.equal(addWorkingDays(from, days, { alsaceMoselle: alsace === true }), expected);
    });
  }

  it('next working day and same-or-next working day', () => {
    assert.equal(nextWorkingDay('2025-02-07'), '2025-02-10');
    assert.equal(nextWorkingDay('2025-02-10'), '2025-02-11');
    assert.equal(sameOrNextWorkingDay('2025-02-10'), '2025-02-10');
    assert.equal(sameOrNextWorkingDay('2012-03-17'), '2012-03-19'); // B3: CE 13 May 2015
    assert.equal(sameOrNextWorkingDay('2025-12-26', { alsaceMoselle: true }), '2025-12-29');
  });

  it('counts working days in (from, to]', () => {
    assert.equal(workingDaysBetween('2025-02-07', '2025-02-21'), 10);
    assert.equal(workingDaysBetween('2025-04-30', '2025-05-16'), 10);
    assert.equal(workingDaysBetween('2025-12-24', '2026-01-09', { alsaceMoselle: true }), 9);
    assert.equal(workingDaysBetween('2025-02-21', '2025-02-07'), 0);
  });

  it('refuses a fractional count', () => {
    assert.throws(() => addWorkingDays('2025-02-07', 1.5), RangeError);
  });
});
