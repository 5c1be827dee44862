import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseEml, renderEmailBodyText, type ParsedEmail } from '../../../src/capture/email/index.ts';

const eml = (name: string) => readFileSync(new URL(`../../fixtures/corpus/eml/${name}`, import.meta.url));

describe('renderEmailBodyText', () => {
  it('prints the French header block, then the body (m0013)', async () => {
    const text = renderEmailBodyText(await parseEml(eml('phpmime-m0013-fr-outlook-forward.eml')));
    const lines = text.split('\n');
    assert.equal(lines[0], 'De : NAME Firstname <firstname.name@groupe-company.com>');
    assert.equal(lines[1], 'À : paul.dupont@company.com');
    assert.equal(lines[2], 'Date : vendredi 14 mars 2014 à 10:52'); // 09:52 UTC is 10:52 in Paris
    assert.equal(lines[3], 'Objet : 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf');
    assert.equal(lines[4], 'Pièces jointes :');
    assert.equal(lines[5], '  - 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf (10 o)');
    assert.equal(lines[6], '');
    assert.equal(lines[7], 'M. DUPONT Paul');
    assert.match(text, /Pièce jointe toujours pas conforme/);
  });

  it('lists Cc, leaves inline images out of the attachment list, and fills the blanks in French', () => {
    const parsed: ParsedEmail = {
      to: [],
      cc: [{ name: 'Service courrier', address: 'courrier@ars.sante.fr' }, { address: 'dreal@example.gouv.fr' }],
      bodyText: '',
      attachments: [
        { filename: 'logo.png', contentType: 'image/png', bytes: Buffer.alloc(100), inline: true, contentId: 'logo' },
        { filename: 'demande.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(300 * 1024), inline: false },
      ],
      warnings: [],
    };
    const text = renderEmailBodyText(parsed);
    assert.match(text, /^De : \(expéditeur inconnu\)$/m);
    assert.match(text, /^À : \(aucun destinataire\)$/m);
    assert.match(text, /^Cc : Service courrier <courrier@ars\.sante\.fr>, dreal@example\.gouv\.fr$/m);
    assert.match(text, /^Date : \(non datée\)$/m);
    assert.match(text, /^Objet : \(sans objet\)$/m);
    assert.match(text, /^ {2}- demande\.pdf \(300 Ko\)$/m);
    assert.doesNotMatch(text, /logo\.png/);
    assert.match(text, /\(message sans texte\)\n$/);
  });

  it('says "aucune" when there is no attachment (UTF-16 corpus mail)', async () => {
    const text = renderEmailBodyText(await parseEml(eml('unstructured-fake-email-utf-16-be.eml')));
    assert.match(text, /^Pièces jointes : aucune$/m);
    assert.match(text, /^Date : vendredi 16 décembre 2022 à 23:04$/m);
    assert.match(text, /This is a test email to use for unit tests\./);
  });
});
