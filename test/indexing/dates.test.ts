import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFields, findDates, parseFrenchDate } from '../../src/indexing/index.ts';
import { one, only } from './helpers.ts';

describe('parseFrenchDate', () => {
  const cases: Array<[string, string | null]> = [
    ['14 novembre 2026', '2026-11-14'],
    ['1er sept. 2026', '2026-09-01'],
    ['1er septembre 2026', '2026-09-01'],
    ['Le mer. 13 mars 2019', '2019-03-13'],
    ['le 4juin 2017', '2017-06-04'],
    ['14/11/2026', '2026-11-14'],
    ['14.11.2026', '2026-11-14'],
    ['14-11-2026', '2026-11-14'],
    ['2026-11-14', '2026-11-14'],
    ['Lyon, le 3 février 2026', '2026-02-03'],
    ['Lyon, le 3 fevrier 2026', '2026-02-03'],
    ['le 2 août 2026', '2026-08-02'],
    ['le 12 déc. 2025', '2025-12-12'],
    ['November 7, 2016', '2016-11-07'],
    ['September 3, 2019', '2019-09-03'],
    ['3 September 2019', '2019-09-03'],
    ['02 Juillet 2015', '2015-07-02'],
    ['le ler octobre 2025', '2025-10-01'], // OCR reads "1er" as "ler"
    ['29/02/2024', '2024-02-29'],
  ];
  for (const [text, iso] of cases) {
    it(`${text} -> ${iso}`, () => assert.equal(parseFrenchDate(text)?.iso, iso));
  }

  const invalid = ['31/02/2026', '29/02/2026', '32 janvier 2026', '00/10/2026', '14/13/2026', '7 sept personnes'];
  for (const text of invalid) {
    it(`rejects ${text}`, () => assert.equal(parseFrenchDate(text), null));
  }

  it('keeps a year-less date partial, without inventing a year', () => {
    const d = parseFrenchDate('le 19 novembre');
    assert.deepEqual([d?.iso, d?.year, d?.day, d?.month], [null, null, 19, 11]);
  });

  it('does not read phone numbers, IBAN groups or SIRET as dates', () => {
    for (const s of ['01.23.45.67.89', '01 23 45 67 89', 'FR76 1007 1130 0000 0010 2006 780', 'SIRET : 45239273100025', '12.05.26.14.30']) {
      assert.deepEqual(findDates(s), [], s);
    }
  });
});

describe('letter date selection', () => {
  const letter = (lines: string[], receivedAt?: string) => extractFields({ pages: [lines.join('\n')], receivedAt });

  it('prefers the "<place>, le <date>" line over a birth date and body dates', () => {
    const f = letter([
      'Jeanne MARTIN', '12 rue des Lilas', '69003 LYON', '',
      'Le 2 mars 2026 j\'ai écrit à vos services.',
      'Lyon, le 1er sept. 2026', '',
      'Madame, je sollicite un extrait d\'acte pour mon fils né le 14/11/2010.',
      'Votre courrier du 12 août 2026 restait sans réponse.',
    ]);
    assert.equal(one(f, 'letter_date')?.normalized, '2026-09-01');
    const others = only(f, 'other_date');
    assert.equal(others.find((d) => d.normalized === '2010-11-14')?.details?.role, 'birth');
    assert.equal(others.find((d) => d.normalized === '2026-08-12')?.details?.role, 'referenced');
  });

  it('reports roles: received, deadline, period', () => {
    const f = letter(['Reçu le : 15/02/2019', 'Merci de répondre avant le 30 avril 2019.', 'Location du 1er mars 2019 au 31 mars 2019.']);
    const role = (iso: string) => only(f, 'other_date').find((d) => d.normalized === iso)?.details?.role;
    assert.equal(role('2019-02-15'), 'received');
    assert.equal(role('2019-04-30'), 'deadline');
    assert.equal(role('2019-03-01'), 'period_start');
    assert.equal(role('2019-03-31'), 'period_end');
    assert.equal(one(f, 'letter_date'), undefined);
  });

  it('never gives a year-less letter date an invented year', () => {
    const f = letter(['Pierre BRUNEL', '5 allée des Pommiers', '', 'à Lyon, le 19 novembre', '', 'Madame,', 'Le 3 mai 2025 vous avez été élue.']);
    assert.equal(one(f, 'letter_date'), undefined);
    const partial = only(f, 'other_date').find((d) => d.value === '19 novembre');
    assert.equal(partial?.normalized, null);
    assert.equal(partial?.details?.partial, true);
    assert.ok(partial!.confidence <= 0.4);
  });

  it('rejects a letter date later than the reception date', () => {
    const f = letter(['Lyon, le 3 février 2027', '', 'Madame,'], '2026-02-04T09:00:00Z');
    assert.equal(one(f, 'letter_date'), undefined);
    assert.equal(only(f, 'other_date')[0]?.details?.role, 'implausible_letter_date');
    const ok = letter(['Lyon, le 3 février 2026', '', 'Madame,'], '2026-02-04T09:00:00Z');
    assert.equal(one(ok, 'letter_date')?.normalized, '2026-02-03');
  });

  it('picks the English "<place>, <date>" line over a header date', () => {
    const f = letter(['Derek Jeter', '123 Elm Ave.', 'November 7, 2016', '', 'Mr. M. Leaf', 'Hemptown, September 3, 2019', '', 'Dear Mr. Leaf,']);
    assert.equal(one(f, 'letter_date')?.normalized, '2019-09-03');
  });

  it('reports offsets into the original page text', () => {
    const page = 'Objet :\u00a0test\nParis,\u00a0le\u200b 14\u00a0novembre 2026\n';
    const d = one(extractFields({ pages: [page] }), 'letter_date')!;
    assert.equal(page.slice(d.start, d.end), '14\u00a0novembre 2026');
  });
});
