import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ingestFile } from '../../src/capture/index.ts';
import { getMailItemDetail } from '../../src/registry/index.ts';
import { corpusFile, startTestApp, TEST_DIALECT, type TestApp } from '../helpers/test-app.ts';

/** A message whose body is the given text, as a mail server would deliver it. */
function eml(subject: string, body: string, id: string): Buffer {
  return Buffer.from(
    [
      'From: Jeanne Morel <jeanne.morel@example.fr>',
      'To: courrier@pref69.example',
      `Subject: ${subject}`,
      'Date: Mon, 16 Nov 2026 10:00:00 +0100',
      `Message-ID: <${id}@example.fr>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

describe(`registry: the same letter by two channels is flagged (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let paper = '';
  let letterText = '';

  before(async () => {
    t = await startTestApp({ workers: true });
    // The paper letter (a PDF with its text layer), deposited first.
    const result = await ingestFile(t.app.ctx, 'PREF69', 'upload', { filename: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') });
    paper = result.item!.chrono;
    assert.ok(await t.app.waitForIdle(120_000));
    const row = await t.app.ctx.db
      .selectFrom('registry_search')
      .innerJoin('registry_mail_item', 'registry_mail_item.id', 'registry_search.mail_item_id')
      .select('registry_search.body')
      .where('registry_mail_item.chrono', '=', paper)
      .executeTakeFirstOrThrow();
    letterText = row.body;
  });
  after(() => t?.close());

  it('flags the e-mail that carries the same words as the paper letter, naming it, and keeps both', async () => {
    const words = letterText.split(/\s+/).filter(Boolean);
    assert.ok(words.length > 60, 'the corpus letter has enough text to compare');
    // The e-mail copy: the letter's words, with a greeting and a signature of its own.
    const body = `Bonjour,\nVeuillez trouver ci-dessous ma demande.\n\n${words.join(' ')}\n\nCordialement,\nJeanne Morel`;
    const copy = (await ingestFile(t.app.ctx, 'PREF69', 'email', { filename: 'copie.eml', bytes: eml('Ma demande', body, 'copy') })).item!.chrono;
    assert.ok(await t.app.waitForIdle(120_000));
    const detail = await getMailItemDetail(t.app.ctx, 'PREF69', copy);
    const flag = detail.warnings.find((w) => w.startsWith('Doublon possible'));
    assert.ok(flag, `no duplicate warning in ${JSON.stringify(detail.warnings)}`);
    assert.match(flag, new RegExp(`même contenu que ${paper} \\(reçu par dépôt le \\d{2}/\\d{2}/\\d{4}\\)`));
    const first = await getMailItemDetail(t.app.ctx, 'PREF69', paper);
    assert.ok(!first.warnings.some((w) => w.startsWith('Doublon possible')), 'the first arrival is not flagged');
  });

  it('does not flag an unrelated e-mail', async () => {
    const other = (
      await ingestFile(t.app.ctx, 'PREF69', 'email', {
        filename: 'autre.eml',
        bytes: eml(
          'Marché de Noël',
          'Madame la Préfète, la commune de Villeurbanne organise son marché de Noël place Lazare-Goujon du 12 au 24 décembre. Nous sollicitons une dérogation aux horaires de fermeture des débits de boissons temporaires, ainsi que le concours des forces de police pour la sécurité des visiteurs pendant les trois week-ends. Nous restons à votre disposition pour toute précision sur le plan de circulation et les mesures de secours prévues par les organisateurs.',
          'other',
        ),
      })
    ).item!.chrono;
    assert.ok(await t.app.waitForIdle(120_000));
    const detail = await getMailItemDetail(t.app.ctx, 'PREF69', other);
    assert.ok(!detail.warnings.some((w) => w.startsWith('Doublon possible')), JSON.stringify(detail.warnings));
  });
});
