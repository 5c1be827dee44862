import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOctoError } from '../../../src/platform/errors.ts';
import {
  easterSunday,
  frenchHolidays,
  holidayName,
  isHoliday,
  isoWeekday,
  addDays,
} from '../../../src/registry/deadlines/index.ts';

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  // B4 oracles (2025–2027) plus well-known dates, including the earliest (22 March) and the
  // latest (25 April) possible Easter.
  const table: Array<[number, string]> = [
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ];
  for (const [year, expected] of table) it(`${year} → ${expected}`, () => assert.equal(easterSunday(year), expected));

  it('is always a Sunday between 22 March and 25 April (1583–4099)', () => {
    for (let year = 1583; year < 4100; year += 1) {
      const easter = easterSunday(year);
      if (isoWeekday(easter) !== 7) assert.fail(`${easter} is not a Sunday`);
      const monthDay = easter.slice(5);
      if (monthDay < '03-22' || monthDay > '04-25') assert.fail(`${easter} out of range`);
    }
  });

  it('refuses years outside the Gregorian range', () => {
    for (const year of [1582, 10000, 2025.5, Number.NaN]) {
      assert.throws(() => easterSunday(year), (e: unknown) => isOctoError(e) && e.code === 'REGISTRY_DEADLINE_INVALID_YEAR');
    }
  });
});

describe('French public holidays (B4, Code du travail L3133-1)', () => {
  it('2026: the eleven national days, in order, with their French names', () => {
    assert.deepEqual(
      frenchHolidays(2026).map(({ date, name }) => ({ date, name })),
      [
        { date: '2026-01-01', name: 'Jour de l’an' },
        { date: '2026-04-06', name: 'Lundi de Pâques' },
        { date: '2026-05-01', name: 'Fête du Travail' },
        { date: '2026-05-08', name: 'Victoire 1945' },
        { date: '2026-05-14', name: 'Ascension' },
        { date: '2026-05-25', name: 'Lundi de Pentecôte' },
        { date: '2026-07-14', name: 'Fête nationale' },
        { date: '2026-08-15', name: 'Assomption' },
        { date: '2026-11-01', name: 'Toussaint' },
        { date: '2026-11-11', name: 'Armistice 1918' },
        { date: '2026-12-25', name: 'Noël' },
      ],
    );
  });

  // B4 computed oracles: Good Friday (Alsace-Moselle), Easter Monday, Ascension, Whit Monday.
  const movable: Array<[number, string, string, string, string]> = [
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17'],
  ];
  for (const [year, goodFriday, easterMonday, ascension, whitMonday] of movable) {
    it(`${year}: Easter Monday ${easterMonday}, Ascension ${ascension}, Whit Monday ${whitMonday}, Good Friday ${goodFriday} only in Alsace-Moselle`, () => {
      const national = frenchHolidays(year);
      const byKey = (key: string, list = national) => list.find((h) => h.key === key)?.date;
      assert.equal(byKey('easter_monday'), easterMonday);
      assert.equal(byKey('ascension'), ascension);
      assert.equal(byKey('whit_monday'), whitMonday);
      assert.equal(byKey('good_friday'), undefined);
      assert.equal(national.length, 11);
      const alsace = frenchHolidays(year, { alsaceMoselle: true });
      assert.equal(alsace.length, 13);
      assert.equal(byKey('good_friday', alsace), goodFriday);
      assert.equal(byKey('saint_stephen', alsace), `${year}-12-26`);
      assert.equal(isHoliday(goodFriday), false);
      assert.equal(isHoliday(goodFriday, { alsaceMoselle: true }), true);
    });
  }

  it('Whit Monday stays a holiday (journée de solidarité or not)', () => {
    assert.equal(holidayName('2026-05-25'), 'Lundi de Pentecôte');
  });

  it('Alsace-Moselle adds Good Friday and 26 December, named, and keeps the list sorted', () => {
    const list = frenchHolidays(2026, { alsaceMoselle: true });
    assert.deepEqual(
      list.filter((h) => h.alsaceMoselleOnly).map(({ date, name }) => ({ date, name })),
      [
        { date: '2026-04-03', name: 'Vendredi saint' },
        { date: '2026-12-26', name: 'Saint-Étienne' },
      ],
    );
    assert.deepEqual(list.map((h) => h.date), [...list.map((h) => h.date)].sort());
    assert.equal(holidayName('2026-12-26'), null);
    assert.equal(holidayName('2026-12-26', { alsaceMoselle: true }), 'Saint-Étienne');
  });

  it('keeps both names when Ascension falls on 1 May (2008)', () => {
    assert.equal(holidayName('2008-05-01'), 'Fête du Travail / Ascension');
    assert.equal(frenchHolidays(2008).length, 11);
  });

  it('every year has the fixed days and the movable days at the right distance from Easter', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const list = frenchHolidays(year);
      const easter = easterSunday(year);
      const dates = new Set(list.map((h) => h.date));
      for (const md of ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']) {
        if (!dates.has(`${year}-${md}`)) assert.fail(`${year}-${md} missing`);
      }
      for (const offset of [1, 39, 50]) if (!dates.has(addDays(easter, offset))) assert.fail(`${year} Easter+${offset}`);
      if (dates.has(addDays(easter, -2))) assert.fail(`${year}: Good Friday is not national`);
    }
  });

  it('returns copies: callers cannot corrupt the cached calendar', () => {
    const first = frenchHolidays(2026);
    first[0]!.date = '2026-06-01';
    first.pop();
    assert.equal(frenchHolidays(2026)[0]!.date, '2026-01-01');
    assert.equal(frenchHolidays(2026).length, 11);
  });
});
