// Table-driven tests of subject, references, e-mails, phones and postcodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFields, lookupPostcode, normalizeFrenchPhone } from '../../src/indexing/index.ts';
import { one, only } from './helpers.ts';

const fieldsOf = (text: string) => extractFields({ pages: [text] });

describe('subject', () => {
  const cases: Array<[string, string]> = [
    ['Objet : Demande de Kbis', 'Demande de Kbis'],
    ['OBJET: Demande de subvention', 'Demande de subvention'],
    ['Objet :\u200bDemandes d\u2019interventions', "Demandes d'interventions"],
    ['Objet\u00a0:\u00a0\u00a0Renouvellement du titre de séjour', 'Renouvellement du titre de séjour'],
    ['Obj. : Permis de construire', 'Permis de construire'],
    ['Objet : Demande de renouvellement de la convention de\nsubvention pour l\'année 2027\n\nMadame,', "Demande de renouvellement de la convention de subvention pour l'année 2027"],
    ['Objet : Demande de renouvel-\nlement de la convention\n\nMadame,', 'Demande de renouvellement de la convention'],
    ['Objet :\n\nAccusé de réception de votre demande\n\nMonsieur,', 'Accusé de réception de votre demande'],
    ['Objet : Demande de Kbis\nDemande de renseignements', 'Demande de Kbis'],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text.slice(0, 40)), () => assert.equal(one(fieldsOf(text), 'subject')?.value, expected));
  }
  it('finds nothing without an Objet line, and nothing for an empty form field', () => {
    assert.equal(one(fieldsOf('Madame,\nJe vous écris au sujet de ma demande.'), 'subject'), undefined);
    assert.equal(one(fieldsOf('Expéditeur:\nObjet:\nDestinataires:\n'), 'subject'), undefined);
  });
  it('uses the e-mail Subject header when the text has no Objet line', () => {
    const f = extractFields({ pages: ['Bonjour,\nvoici ma demande.'], email: { subject: 'TR: Demande de rendez-vous' } });
    const s = one(f, 'subject')!;
    assert.deepEqual([s.value, s.page, s.start, s.end], ['Demande de rendez-vous', null, 0, 0]);
  });
});

describe('references', () => {
  const cases: Array<[string, string, string]> = [
    ['N/Réf. : DRCL/BCL/2026-0142', 'DRCL/BCL/2026-0142', 'our_reference'],
    ['N/Ref : 2026-118', '2026-118', 'our_reference'],
    ['Nos réf. : PREF69/SG/77', 'PREF69/SG/77', 'our_reference'],
    ['V/Réf. : AB-2026-9', 'AB-2026-9', 'your_reference'],
    ['Vos références : CERFA-13750*05 n°4411', 'CERFA-13750', 'your_reference'],
    ['Réf. : 2026/DDT/501', '2026/DDT/501', 'reference'],
    ['Référence courrier : PJS/2019A/1234', 'PJS/2019A/1234', 'reference'],
    ["N° d'enregistrement : SVA/2019A/12122", 'SVA/2019A/12122', 'registration_number'],
    ['Dossier n° 2026-00042', '2026-00042', 'file_number'],
    ['Facture n°15719', '15719', 'invoice_number'],
    ['FACTURE N° : F20260023', 'F20260023', 'invoice_number'],
    ['N° de facture : FA-2026-77', 'FA-2026-77', 'invoice_number'],
  ];
  for (const [text, value, kind] of cases) {
    it(text, () => {
      const r = one(fieldsOf(text), 'reference');
      assert.equal(r?.value, value);
      assert.equal(r?.details?.kind, kind);
    });
  }
  it('ignores labels without a value with digits, and table headers', () => {
    for (const text of ['V/Réf. : votre courrier', 'Références     Désignation     Quantité', 'SALES REF 2547', 'préférence 12', "Cette requête est l'ensemble de références : q1 = {a}"]) {
      assert.deepEqual(only(fieldsOf(text), 'reference'), [], text);
    }
  });
});

describe('e-mail addresses', () => {
  it('finds and lowercases addresses, without trailing punctuation', () => {
    const f = only(fieldsOf('Adresse électronique : Eric.Mackin@Mairie-Lyon.fr .\nou ddt@maarch-les-bains.fr.'), 'email');
    assert.deepEqual(f.map((e) => e.normalized), ['eric.mackin@mairie-lyon.fr', 'ddt@maarch-les-bains.fr']);
  });
  it('ignores placeholders made of dots', () => {
    assert.deepEqual(only(fieldsOf('Adresse électronique :………@..........'), 'email'), []);
  });
});

describe('phones', () => {
  const cases: Array<[string, string | null]> = [
    ['01 23 45 67 89', '+33123456789'],
    ['01.23.45.67.89', '+33123456789'],
    ['01-23-45-67-89', '+33123456789'],
    ['0123456789', '+33123456789'],
    ['+33 1 23 45 67 89', '+33123456789'],
    ['+33 (0)1 23 45 67 89', '+33123456789'],
    ['0033 1 23 45 67 89', '+33123456789'],
    ['0800 12 34 56', '+33800123456'],
    ['0 800 123 456', '+33800123456'],
    ['06.08.09.07.55', '+33608090755'],
  ];
  for (const [text, e164] of cases) {
    it(`Tél : ${text}`, () => assert.equal(one(fieldsOf(`Tél : ${text}`), 'phone')?.normalized, e164));
  }
  it('shows the number in international form', () => {
    assert.equal(one(fieldsOf('Standard : 04 72 61 60 60'), 'phone')?.value, '+33 4 72 61 60 60');
  });
  it('does not invent phones from SIRET, IBAN, RIB, dates or amounts', () => {
    const text = [
      'SIRET : 45239273100025', 'IBAN FR76 1007 1130 0000 0010 2006 780', 'RIB 10071 13000 00001020067 80',
      'le 14.11.2026', 'total 1 234 567 890,00 €', 'n° TVA FR 86452392731', 'Code : 0123456789123',
    ].join('\n');
    assert.deepEqual(only(fieldsOf(text), 'phone'), []);
  });
  it('normalizeFrenchPhone', () => {
    assert.equal(normalizeFrenchPhone('04 72 61 60 60'), '+33472616060');
    assert.equal(normalizeFrenchPhone('12 34 56 78 90'), null);
    assert.equal(normalizeFrenchPhone('+33 0 1 23'), null);
  });
});

describe('postcodes', () => {
  const cases: Array<[string, string | null, boolean]> = [
    ['69003 LYON', '69003 Lyon', true],
    ['75003 PARIS', '75003 Paris', true],
    ['92000 Nanterre', '92000 Nanterre', true],
    ['69100 VILLEURBANNE', '69100 Villeurbanne', true],
    ['13001 Marseille', '13001 Marseille', true],
    ['42100 St-Étienne', '42100 Saint-Étienne', true],
  ];
  for (const [text, normalized, verified] of cases) {
    it(text, () => {
      const p = one(fieldsOf(`3 rue X\n${text}`), 'postal_code_city')!;
      assert.equal(p.normalized, normalized);
      assert.equal(p.details?.verified, verified);
      assert.ok(p.confidence >= 0.9);
      assert.match(String(p.details?.inseeCode), /^\d[\dAB]\d{3}$/);
    });
  }
  it('checks a CEDEX city inside its department', () => {
    const p = one(fieldsOf('75371 Paris Cedex 08'), 'postal_code_city')!;
    assert.equal(p.value, '75371 Paris Cedex 08');
    assert.equal(p.details?.cedex, true);
    assert.equal(p.details?.cityMatches, true);
    assert.ok(p.confidence < 0.9 && p.confidence >= 0.6);
  });
  it('gives a fictitious postcode a low confidence and verified=false', () => {
    const p = one(fieldsOf('BP 175, 99000 MAARCH LES BAINS Cedex'), 'postal_code_city')!;
    assert.equal(p.details?.verified, false);
    assert.equal(p.normalized, null);
    assert.ok(p.confidence <= 0.3);
  });
  it('lowers confidence when the city does not match the code', () => {
    const p = one(fieldsOf('69003 MARSEILLE'), 'postal_code_city')!;
    assert.equal(p.details?.verified, false);
    assert.ok(p.confidence <= 0.5);
  });
  it('does not read amounts as postcodes', () => {
    assert.deepEqual(only(fieldsOf('une subvention de 10 000 euros\ncapital de 50 000 EUR'), 'postal_code_city'), []);
  });
  it('lookupPostcode', () => {
    assert.equal(lookupPostcode('69003', 'Lyon').inseeCode, '69383');
    assert.equal(lookupPostcode('99000').exists, false);
  });
});

describe('subject: label between the two halves of a wrapped subject (reading-order text of maarchparaph-ar_sva.pdf)', () => {
  it('joins the line above and the lower-case line below', () => {
    const text = '25, route de Pampelone\n99000 Maarch-les-Bains\n\nAccusé de Réception de votre demande intervenant dans le cadre d’une décision implicite\nObjet:\nd’acceptation\nReçu le : 15/02/2019\n';
    const subject = extractFields({ pages: [text] }).find((f) => f.name === 'subject');
    assert.equal(subject?.value, "Accusé de Réception de votre demande intervenant dans le cadre d'une décision implicite d'acceptation");
  });
});
