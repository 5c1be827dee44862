// Real letters of the shared corpus (expected values from corpus/MANIFEST.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFixture, fixturePages, one, only } from './helpers.ts';

const BOTH = (base: string) => [`${base}.txt`, `${base}.layout.txt`];

describe('corpus: born-digital letters (plain and -layout text)', () => {
  for (const file of BOTH('maarch-courrier-entrant-demandes-interventions')) {
    it(`${file}: sender, date, subject after U+200B`, () => {
      const f = extractFixture(file);
      const sender = one(f, 'sender')!;
      assert.equal(sender.value, 'Bernard PASCONTENT');
      assert.deepEqual(sender.details?.addressLines, ['3 bis rue Papin', '75003 PARIS']);
      assert.equal(sender.details?.postcode, '75003');
      assert.ok(sender.confidence >= 0.8);
      assert.equal(one(f, 'letter_date')?.normalized, '2021-02-26');
      const subject = one(f, 'subject')!;
      assert.equal(subject.value, "Demandes d'interventions");
      // Offsets point into the original text, which still holds the U+200B and the curly apostrophe.
      assert.equal(fixturePages(file)[0].slice(subject.start, subject.end), 'Demandes d\u2019interventions');
      const paris = only(f, 'postal_code_city').find((p) => p.details?.postcode === '75003')!;
      assert.equal(paris.details?.verified, true);
    });
  }

  for (const file of BOTH('maarch-courrier-sortant-demande-kbis')) {
    it(`${file}: reference and subject, but no letter date (left blank)`, () => {
      const f = extractFixture(file);
      assert.equal(one(f, 'letter_date'), undefined);
      assert.deepEqual(only(f, 'other_date'), []);
      assert.equal(one(f, 'subject')?.value, 'Demande de Kbis');
      assert.equal(one(f, 'reference')?.value, 'MAARCH/2021D/1');
      assert.equal(one(f, 'phone')?.normalized, '+33147245159');
      const sender = one(f, 'sender')!;
      assert.equal(sender.value, 'Hôtel de Ville');
      assert.equal(sender.details?.signatory, 'Patricia PETIT');
    });
  }

  for (const file of BOTH('maarchparaph-demande_subvention')) {
    it(`${file}: date, subject, organisation sender signed by a person`, () => {
      const f = extractFixture(file);
      assert.equal(one(f, 'letter_date')?.normalized, '2018-11-23');
      assert.equal(one(f, 'subject')?.value, 'demande de subvention');
      const sender = one(f, 'sender')!;
      assert.equal(sender.value, 'Jokkolabs Nanterre');
      assert.equal(sender.details?.postcode, '92000');
      assert.equal(sender.details?.phone, '+33147245159');
      assert.equal(sender.details?.signatory, 'Carole COTIN');
      const postal = only(f, 'postal_code_city');
      assert.deepEqual(postal.filter((p) => p.details?.verified).map((p) => p.details?.postcode), ['92000']);
      assert.ok(postal.find((p) => p.details?.postcode === '99000')!.confidence <= 0.3, '99000 is fictitious');
    });
  }

  for (const file of BOTH('maarchparaph-etat_civil')) {
    it(`${file}: letter date is not the birth date`, () => {
      const f = extractFixture(file);
      assert.equal(one(f, 'letter_date')?.normalized, '2019-03-13');
      const birth = only(f, 'other_date').find((d) => d.normalized === '1986-07-23');
      assert.equal(birth?.details?.role, 'birth');
      const sender = one(f, 'sender')!;
      assert.equal(sender.value, 'PELLE Martin Donald');
      assert.deepEqual(sender.details?.addressLines, ['17 rue de la Demande']);
    });
  }

  for (const file of BOTH('maarchparaph-petition_square_carre')) {
    it(`${file}: "4juin 2017" beats the petition date`, () => {
      const f = extractFixture(file);
      assert.equal(one(f, 'letter_date')?.normalized, '2017-06-04');
      assert.ok(one(f, 'letter_date')!.confidence >= 0.9);
      assert.ok(only(f, 'other_date').some((d) => d.normalized === '2017-05-29'));
      assert.equal(one(f, 'subject')?.value, 'Pétition pour la survie du square Carré');
      assert.equal(one(f, 'sender')?.value, 'DUPONT Jacques');
    });
  }

  for (const file of BOTH('maarchparaph-facture')) {
    it(`${file}: invoice number and date, customer block not taken as sender`, () => {
      const f = extractFixture(file);
      const invoice = only(f, 'reference').find((r) => r.details?.kind === 'invoice_number');
      assert.equal(invoice?.value, '15719');
      assert.equal(one(f, 'letter_date')?.normalized, '2017-03-02');
      assert.ok(!only(f, 'reference').some((r) => r.value === '02/03/2017'));
      assert.equal(one(f, 'sender'), undefined);
      assert.ok(!only(f, 'phone').some((p) => p.normalized?.includes('4523927')), 'SIRET is not a phone');
    });
  }

  for (const file of BOTH('maarchparaph-ar_sva')) {
    it(`${file}: registration number, received date, deadline, two pages`, () => {
      const f = extractFixture(file);
      const reg = one(f, 'reference')!;
      assert.deepEqual([reg.value, reg.details?.kind], ['SVA/2019A/12122', 'registration_number']);
      assert.equal(one(f, 'letter_date')?.normalized, '2019-02-20');
      const role = (iso: string) => only(f, 'other_date').find((d) => d.normalized === iso)?.details?.role;
      assert.equal(role('2019-02-15'), 'received');
      assert.equal(role('2019-03-22'), 'deadline');
      assert.match(one(f, 'subject')!.value, /^Accusé de Réception de votre demande .* d'acceptation$/);
      const email = one(f, 'email')!;
      assert.deepEqual([email.normalized, email.page], ['ddt@maarch-les-bains.fr', 1]);
      assert.equal(one(f, 'sender')?.value, 'VILLE DE MAARCH-LES-BAINS');
    });
  }

  for (const file of BOTH('invoice2data-free_fiber')) {
    it(`${file}: postcodes (incl. CEDEX), invoice date and number`, () => {
      const f = extractFixture(file);
      const vil = only(f, 'postal_code_city').find((p) => p.details?.postcode === '69100')!;
      assert.deepEqual([vil.normalized, vil.details?.verified, vil.details?.inseeCode], ['69100 Villeurbanne', true, '69266']);
      assert.ok(only(f, 'postal_code_city').some((p) => p.value === '75371 Paris Cedex 08'));
      assert.equal(one(f, 'letter_date')?.normalized, '2015-07-02');
      assert.equal(one(f, 'letter_date')?.value, '02 Juillet 2015');
      assert.equal(only(f, 'reference').find((r) => r.details?.kind === 'invoice_number')?.value, '562044387');
      assert.equal(one(f, 'sender')?.value, 'Free Service Abonné');
    });
  }

  for (const file of BOTH('maarchparaph-inscription_ecole')) {
    it(`${file}: e-mail and deadline of a filled form`, () => {
      const f = extractFixture(file);
      assert.ok(only(f, 'email').some((e) => e.normalized === 'eric@mackin.fr'));
      const deadline = only(f, 'other_date').find((d) => d.normalized === '2016-06-01');
      assert.equal(deadline?.details?.role, 'deadline');
      assert.equal(one(f, 'letter_date'), undefined);
    });
  }

  for (const file of BOTH('lataupe-RIB_AMU')) {
    it(`${file}: no phone invented from RIB/IBAN digits, no sender`, () => {
      const f = extractFixture(file);
      assert.deepEqual(only(f, 'phone'), []);
      assert.deepEqual(only(f, 'letter_date'), []);
      assert.equal(one(f, 'sender'), undefined);
    });
  }
});

describe('corpus: letters-text', () => {
  it('felicitations: "le 19 novembre" gives no letter date and no invented year', () => {
    const f = extractFixture('maarchparaph-felicitations.txt');
    assert.equal(one(f, 'letter_date'), undefined);
    const partial = one(f, 'other_date')!;
    assert.deepEqual([partial.value, partial.normalized, partial.details?.partial], ['19 novembre', null, true]);
    assert.equal(one(f, 'sender')?.value, 'Pierre BRUNEL');
  });

  it('ar_derogation: reference split over three layout lines, letter date, subject', () => {
    const f = extractFixture('maarchparaph-ar_derogation.txt');
    assert.equal(one(f, 'reference')?.value, 'PJS/2019A/1234');
    assert.equal(one(f, 'letter_date')?.normalized, '2019-02-20');
    assert.equal(one(f, 'subject')?.value, 'Réponse à votre demande');
    assert.equal(only(f, 'other_date').find((d) => d.normalized === '2019-02-15')?.details?.role, 'referenced');
    // "prévue le 28 juin": year unknown, so no normalized value.
    assert.equal(only(f, 'other_date').find((d) => d.value === '28 juin')?.normalized, null);
  });

  for (const file of ['maarchparaph-demande_derogation.txt', 'maarchparaph-sva_route_66.txt']) {
    it(`${file}: citizen sender with phone, no Objet line`, () => {
      const f = extractFixture(file);
      const sender = one(f, 'sender')!;
      assert.equal(sender.value, 'Bernard PASCONTENT');
      assert.equal(sender.details?.phone, '+33608090755');
      assert.ok(sender.confidence >= 0.85, 'signature corroborates the block');
      assert.equal(one(f, 'letter_date')?.normalized, '2019-02-15');
      assert.equal(one(f, 'subject'), undefined);
    });
  }
});
