import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isOctoError } from '../../../src/platform/errors.ts';
import { assignMailItem, generateTransferNotice, transferMailItem } from '../../../src/registry/index.ts';
import { createTestEnvironment, manualClock, startTestApp, TEST_DIALECT, type TestApp, type TestEnvironment, pilotOperator, signInAgent, type SignedInAgent } from '../../helpers/test-app.ts';
import { flat, makeRequest, pdfText, qpdfCheck, run } from './helpers.ts';

const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');
const PREF = 'Préfecture du Rhône';
const ARS = 'Agence régionale de santé Auvergne-Rhône-Alpes';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isOctoError(error)) return error;
    throw error;
  }
  assert.fail('expected a refusal');
};

describe(`registry: notice of transfer to the competent administration, CRPA L114-2 (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  const clock = manualClock('2025-02-07T09:00:00Z');
  let source: string;
  let target: string;

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
    // received by the prefecture on Friday 7 February, transferred on Friday 14 February
    source = await makeRequest(t.app, { entity: 'PREF69', subject: 'Plainte relative à un EHPAD' });
    clock.set('2025-02-14T09:00:00Z');
    ({ chrono: target } = await transferMailItem(t.app.ctx, 'PREF69', source, { targetEntityCode: 'ARS-ARA' }));
    clock.set('2025-02-17T09:00:00Z');
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('writes the letter from the first entity, with both receipts, the competent entity and the new number (A13)', async () => {
    const notice = await generateTransferNotice(t.app.ctx, 'PREF69', source, { channel: 'letter' });
    assert.match(target, /^ARS-ARA-2025-E-\d{6}$/);
    const text = flat(await pdfText(notice.pdf!));
    for (const words of [
      // sender block: the first entity, its mail room (the item has no service) and its contacts
      PREF, 'Courrier central', 'Tél. : 04 72 61 60 60', 'Courriel : pref-courrier@rhone.gouv.fr',
      // addressee, place and date, references
      'Mme Élodie Martin', '12 RUE DE LA REPUBLIQUE', '69002 LYON', 'Lyon, le 17 février 2025',
      `Nos références : ${source}`, `Nouvelle référence : ${target} (${ARS})`,
      `Objet : Transmission de votre demande à ${ARS}`,
      // the mentions
      `reçue par ${PREF} le vendredi 7 février 2025`,
      `transmise à l'administration compétente : ${ARS}`,
      'enregistrée le vendredi 14 février 2025 sous le numéro',
      target,
      'décision implicite de rejet court à compter de sa réception par la première administration saisie, soit le vendredi 7 février 2025',
      'décision implicite d\'acceptation ne court qu\'à compter de sa réception par l\'administration compétente, soit le vendredi 14 février 2025',
      'article L114-2',
      `${PREF} — avis de transmission ${source} — page 1/1`,
    ]) {
      assert.ok(text.includes(flat(words)), `missing « ${words} » in:\n${text}`);
    }
    // not yet assigned at the competent entity: its name only
    assert.equal(notice.facts.competentContact, null);
    assert.ok(text.includes(flat(`Administration compétente ${ARS} Délais`)), text);
    assert.deepEqual(notice.facts, {
      firstReceivedOn: '2025-02-07',
      competentEntity: { code: 'ARS-ARA', name: ARS },
      competentReceivedOn: '2025-02-14',
      newChrono: target,
      competentContact: null,
    });
    assert.deepEqual(notice.warnings, []);
  });

  it('gives the competent service\'s contact once the item is assigned there, by e-mail over HTTP, and records each notice in the history', async () => {
    await assignMailItem(t.app.ctx, 'ARS-ARA', target, { serviceCode: 'AUTO' });
    const res = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${source}/transfer-notice-email` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.newChrono, target);
    assert.equal(body.competentEntityCode, 'ARS-ARA');
    assert.equal(body.firstReceivedOn, '2025-02-07');
    assert.equal(body.competentReceivedOn, '2025-02-14');
    assert.match(body.subject, /Transmission de votre demande à Agence régionale de santé/);
    const text = flat(body.text);
    for (const words of [
      `reçue par ${PREF} le vendredi 7 février 2025`,
      `sous le numéro ${target}`,
      `Autonomie (EHPAD, handicap) — ${ARS}`,
      'Adresse postale : 241 rue Garibaldi, CS 93383, 69418 Lyon Cedex 03',
      'Courriel : ars-ara-autonomie@ars.sante.fr',
      'Téléphone : 04 72 34 74 30',
      'soit le vendredi 7 février 2025',
      'décision implicite d\'acceptation ne court qu\'à compter de sa réception par l\'administration compétente, soit le vendredi 14 février 2025',
    ]) {
      assert.ok(text.includes(flat(words)), `missing « ${words} » in:\n${text}`);
    }

    const pdf = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${source}/transfer-notice.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-type']), /application\/pdf/);
    assert.match(String(pdf.headers['content-disposition']), new RegExp(`transmission-${source}\\.pdf`));
    const letter = flat(await pdfText(pdf.rawPayload));
    assert.ok(letter.includes(flat('Téléphone : 04 72 34 74 30')) && letter.includes(target), letter);

    const history = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${source}/history` })).json();
    const notices = history.events.filter((e: { action: string }) => e.action === 'registry.mail_item.transfer_notice_generated');
    assert.ok(notices.length >= 2, JSON.stringify(history.events.map((e: { action: string }) => e.action)));
  });

  it('refuses an item that was not transferred, in French', async () => {
    const kept = await makeRequest(t.app, { entity: 'PREF69' });
    for (const channel of ['letter', 'email'] as const) {
      const error = await refusal(generateTransferNotice(t.app.ctx, 'PREF69', kept, { channel }));
      assert.equal(error.code, 'PLATFORM_VALIDATION_FAILED');
      assert.match(error.frenchMessage, /Ce courrier n’a pas été transmis\./);
    }
    // the competent entity's own item was received, not transferred
    const res = await api.inject({ method: 'GET', url: `/api/entities/ARS-ARA/mail-items/${target}/transfer-notice.pdf` });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'PLATFORM_VALIDATION_FAILED');
    assert.match(res.json().message, /Ce courrier n’a pas été transmis\./);
  });

  it('answers 404 to another entity', async () => {
    for (const url of [`/api/entities/ARS-ARA/mail-items/${source}/transfer-notice.pdf`, `/api/entities/DREAL-ARA/mail-items/${source}/transfer-notice-email`]) {
      const res = await api.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, 'REGISTRY_ITEM_NOT_FOUND');
    }
  });
});

describe(`octo ack --transfer-notice (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  let source: string;
  let target: string;

  before(async () => {
    environment = await createTestEnvironment();
    const clock = manualClock('2025-02-07T09:00:00Z');
    const t = await startTestApp({ environment, clock });
    try {
      source = await makeRequest(t.app, { entity: 'PREF69' });
      clock.set('2025-02-14T09:00:00Z');
      ({ chrono: target } = await transferMailItem(t.app.ctx, 'PREF69', source, { targetEntityCode: 'ARS-ARA' }));
    } finally {
      await t.close();
    }
  });
  after(() => environment?.dispose());

  it('writes the notice as a PDF that qpdf accepts and poppler reads', async () => {
    const file = path.join(environment.dataDir, 'transmission.pdf');
    const { stdout } = await run(process.execPath, [OCTO, 'ack', '--chrono', source, '--transfer-notice', '-o', file], { env: environment.env });
    assert.match(stdout, new RegExp(`Avis de transmission de ${source} \\(${target}\\) écrit dans`));
    assert.match(await qpdfCheck(file), /No syntax or stream encoding errors/);
    const text = flat(await pdfText(await fs.readFile(file)));
    for (const words of [`reçue par ${PREF} le vendredi 7 février 2025`, `sous le numéro ${target}`, 'soit le vendredi 14 février 2025']) {
      assert.ok(text.includes(flat(words)), `missing « ${words} » in:\n${text}`);
    }
  });
});
