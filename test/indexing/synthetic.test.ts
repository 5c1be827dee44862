// Prefecture-style letters written for these tests, a noisy OCR variant, and e-mail input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFields, type ExtractedField } from '../../src/indexing/index.ts';
import { one, only } from './helpers.ts';

const LETTER = [
  'Association Les Amis du Rhône',
  '14 quai Victor Augagneur',
  '69003 LYON',
  'Tél. : 04 72 61 60 60',
  'contact@amis-du-rhone.fr',
  '',
  '                                   Préfecture du Rhône',
  '                                   Direction de la citoyenneté',
  '                                   18 rue de Bonnel',
  '                                   69419 Lyon Cedex 03',
  '',
  'N/Réf. : ALR/2026-0142',
  'V/Réf. : DCIL/BAE/2026-311',
  'Dossier n° 2026-00042',
  '',
  '                                   Lyon, le 1er sept. 2026',
  '',
  'Objet : Demande d\'autorisation de manifestation afin de défiler sur la voie publique le',
  'samedi 19 septembre 2026',
  '',
  'Monsieur le Préfet,',
  'Suite à votre courrier du 12 août 2026, nous sollicitons l\'autorisation d\'organiser',
  'une manifestation du 19 septembre 2026 au 20 septembre 2026. Notre président, né le 3 avril 1961,',
  'peut être joint au 06 11 22 33 44 ou au +33 (0)4 78 00 11 22. Merci de nous répondre avant le 10 septembre 2026.',
  'SIRET : 45239273100025 - IBAN FR76 1007 1130 0000 0010 2006 780',
  '',
  'Je vous prie d\'agréer, Monsieur le Préfet, l\'expression de mes salutations distinguées.',
  '',
  '                                   Carole COTIN',
  '                                   Présidente',
].join('\n');

// The same letter as a mediocre OCR would give it: NBSP, zero-width spaces, ligatures,
// "ler" for "1er", doubled spaces, a hyphenated break in the subject, a decomposed accent.
const NOISY = LETTER
  .replace('Lyon, le 1er sept. 2026', 'Lyon,\u00a0le  ler  sept.\u00a02026')
  .replace('Objet : Demande d\'autorisation de manifestation afin de défiler sur la voie publique le\nsamedi',
    'Objet\u00a0:\u200b Demande d\u2019autorisation de mani-\nfestation a\ufb01n de dé\ufb01ler sur la voie publique le\nsamedi')
  .replace('N/Réf. : ', 'N/Réf.\u00a0:\u00a0')
  .replace('Tél. : 04 72 61 60 60', 'Tél.\u00a0:\u00a004\u00a072\u00a061\u00a060\u00a060')
  .replace('Association Les Amis du Rhône', 'Association Les Amis du Rho\u0302ne');

function checkLetter(f: ExtractedField[], noisy: boolean) {
  const date = one(f, 'letter_date')!;
  assert.equal(date.normalized, '2026-09-01');
  assert.ok(date.confidence >= 0.9);
  const subject = one(f, 'subject')!;
  assert.equal(subject.value, "Demande d'autorisation de manifestation afin de défiler sur la voie publique le samedi 19 septembre 2026");
  assert.equal(subject.details?.source, 'objet_line');
  if (noisy) assert.ok(NOISY.includes('\ufb01') && NOISY.includes('\u200b') && NOISY.includes(' ler '), 'the noise is really there');
  const refs = Object.fromEntries(only(f, 'reference').map((r) => [r.details?.kind, r.value]));
  assert.deepEqual(refs, { our_reference: 'ALR/2026-0142', your_reference: 'DCIL/BAE/2026-311', file_number: '2026-00042' });
  assert.deepEqual(only(f, 'phone').map((p) => p.normalized), ['+33472616060', '+33611223344', '+33478001122']);
  assert.deepEqual(only(f, 'email').map((e) => e.normalized), ['contact@amis-du-rhone.fr']);
  const lyon = only(f, 'postal_code_city').find((p) => p.details?.postcode === '69003')!;
  assert.deepEqual([lyon.normalized, lyon.details?.inseeCode], ['69003 Lyon', '69383']);
  assert.equal(only(f, 'postal_code_city').find((p) => p.details?.postcode === '69419')?.details?.cedex, true);
  const sender = one(f, 'sender')!;
  assert.equal(sender.value, 'Association Les Amis du Rhône');
  assert.equal(sender.details?.organisation, 'Association Les Amis du Rhône');
  assert.equal(sender.details?.phone, '+33472616060');
  assert.equal(sender.details?.email, 'contact@amis-du-rhone.fr');
  assert.equal(sender.details?.signatory, 'Carole COTIN');
  const role = (iso: string) => only(f, 'other_date').find((d) => d.normalized === iso)?.details?.role;
  assert.equal(role('2026-08-12'), 'referenced');
  assert.equal(role('1961-04-03'), 'birth');
  assert.equal(role('2026-09-10'), 'deadline');
  assert.equal(role('2026-09-20'), 'period_end');
}

describe('synthetic prefecture letter', () => {
  it('extracts every field', () => checkLetter(extractFields({ pages: [LETTER], receivedAt: '2026-09-03T08:00:00Z' }), false));
  it('survives OCR noise', () => checkLetter(extractFields({ pages: [NOISY], receivedAt: '2026-09-03T08:00:00Z' }), true));

  it('sorts by name then page/start, confidences in [0,1], offsets and excerpts consistent', () => {
    const f = extractFields({ pages: [NOISY, 'Page 2\nContact : 01 23 45 67 89'] });
    const keys = f.map((x) => `${x.name}|${x.page ?? -1}|${String(x.start).padStart(6, '0')}`);
    assert.deepEqual(keys, [...keys].sort());
    for (const x of f) {
      assert.ok(x.confidence >= 0 && x.confidence <= 1, x.name);
      assert.ok(x.excerpt.length <= 160);
      assert.ok(x.page !== null && x.end > x.start, x.name);
      const found = [NOISY, 'Page 2\nContact : 01 23 45 67 89'][x.page!].slice(x.start, x.end);
      assert.ok(found.length > 0, x.name);
    }
    assert.equal(only(f, 'phone').at(-1)?.page, 1);
  });

  it('finds nothing in an empty or non-letter text', () => {
    assert.deepEqual(extractFields({ pages: [] }), []);
    assert.deepEqual(extractFields({ pages: ['', '   \n'] }), []);
    assert.deepEqual(extractFields({ pages: ['Portez ce vieux whisky au juge blond qui fume.'] }), []);
  });
});

describe('sender', () => {
  it('comes from the From header for an e-mail', () => {
    const f = extractFields({
      pages: ['Bonjour,\nJe souhaite un rendez-vous.\nCordialement,\nJean DUPONT'],
      email: { from: { name: 'Jean Dupont', address: 'Jean.Dupont@Example.org' }, subject: 'RDV', date: '2026-03-02T10:00:00Z' },
    });
    const s = one(f, 'sender')!;
    assert.deepEqual([s.value, s.normalized, s.page, s.details?.name], ['Jean Dupont <jean.dupont@example.org>', 'jean.dupont@example.org', null, 'Jean Dupont']);
    assert.equal(one(f, 'letter_date')?.normalized, '2026-03-02');
    assert.equal(one(f, 'subject')?.value, 'RDV');
  });

  it('is absent when the top block has no address', () => {
    assert.equal(one(extractFields({ pages: ['TRESOR PUBLIC\n\nRELEVE D\'IDENTITE BANCAIRE'] }), 'sender'), undefined);
    assert.equal(one(extractFields({ pages: ['Madame,\nJe vous écris.\n\nMarie CURIE'] }), 'sender'), undefined);
  });

  it('loses confidence when the signature names someone else', () => {
    const base = ['Jean MARTIN', '3 rue des Écoles', '75005 Paris', '', 'Madame,', 'Texte.', 'Veuillez agréer mes salutations.'];
    const same = one(extractFields({ pages: [[...base, 'Jean MARTIN'].join('\n')] }), 'sender')!;
    const other = one(extractFields({ pages: [[...base, 'Paul DURAND'].join('\n')] }), 'sender')!;
    assert.ok(same.confidence > other.confidence + 0.2);
    assert.equal(same.details?.inseeCode, '75105');
  });
});
