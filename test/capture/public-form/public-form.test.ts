import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sendDueElectronicReceipts } from '../../../src/capture/public-form/electronic-receipt.service.ts';
import { updateServiceContact } from '../../../src/registry/index.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { FIXTURES, mailroomOf, manualClock, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

export function formBody(demande: Record<string, unknown>, files: Array<{ name: string; bytes: Buffer }> = []) {
  const boundary = `----octo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="demande"\r\n\r\n${JSON.stringify(demande)}\r\n`)];
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="pieces"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const CAMILLE = {
  requesterKind: 'person',
  lastName: 'Martin',
  firstName: 'Camille',
  email: 'camille.martin@example.org',
  addressLines: ['12 rue de la République'],
  postcode: '69002',
  city: 'Lyon',
  requestTypeCode: 'RECOURS',
  subject: 'Recours gracieux contre le refus de subvention',
  message: 'Madame, Monsieur,\nJe conteste la décision de refus de subvention du 10 février 2026.',
};

const SUBMIT = '/api/public/entities/PREF69/submissions';

describe(`public form: saisine par voie électronique (${TEST_DIALECT})`, () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let server: FastifyInstance;
  let agent: SignedInAgent;
  // Monday 2 March 2026, 10:15 in Paris
  const clock = manualClock('2026-03-02T09:15:00.000Z');

  before(async () => {
    smtp = await startSmtpCapture();
    t = await startTestApp({
      workers: true,
      clock,
      config: { smtpRelayHost: smtp.host, smtpRelayPort: smtp.port, smtpRelaySecurity: 'none', mailFrom: 'Préfecture du Rhône <ne-pas-repondre@rhone.example>', publicFormPerMinute: 1000, mailTickSeconds: 3600 },
      // the periodic task is called by hand here, at chosen dates
    });
    server = await t.app.buildHttpServer();
    agent = await signIn();
  });
  const signIn = () => signInAgent(t.app, server, [...mailroomOf('PREF69'), { entityCode: 'PREF69', role: 'entity_admin' }]);
  after(async () => {
    await server.close();
    await t.close();
    await smtp.close();
  });

  it('offers the entity’s request types without sign-in, leaving out those that owe no acknowledgement', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/public/entities/PREF69/form' });
    assert.equal(res.statusCode, 200);
    const form = res.json();
    assert.equal(form.entity.code, 'PREF69');
    const codes = form.requestTypes.map((x: { code: string }) => x.code);
    assert.ok(codes.includes('RECOURS') && codes.includes('TITRE-SEJOUR'));
    assert.ok(!codes.includes('AGENT') && !codes.includes('COURRIER'));
    assert.equal((await server.inject({ method: 'GET', url: '/api/public/entities/NOPE/form' })).statusCode, 404);
  });

  it('registers a submission as one « form » item with its type and deadlines, and e-mails the AEE at once', async () => {
    const pdf = await fs.readFile(path.join(FIXTURES, 'e2e/ocrmypdf-francais.pdf'));
    const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody(CAMILLE, [{ name: 'decision-refus.pdf', bytes: pdf }]) });
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.match(receipt.chrono, /^PREF69-2026-E-\d{6}$/);
    assert.equal(receipt.areDueDate, '2026-03-16', 'ARE: 10 working days after Monday 2 March 2026');
    assert.deepEqual(receipt.attachments, [{ filename: 'decision-refus.pdf', accepted: true, reason: null }]);

    const item = (await agent.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${receipt.chrono}` })).json();
    assert.equal(item.channel, 'form');
    // The postal address given on the form is the item's sender address (the AR letter's window).
    assert.equal(item.senderAddress, '12 rue de la République\n69002 Lyon');
    assert.equal(item.documentCount, 2);
    assert.equal(item.documents[0].filename, 'saisine-en-ligne.txt');
    const handling = (await agent.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${receipt.chrono}/handling` })).json();
    assert.equal(handling.requestType.code, 'RECOURS');
    assert.deepEqual(handling.deadline && { kind: handling.deadline.kind, date: handling.deadline.date }, { kind: 'rejection', date: '2026-05-02' });
    assert.equal(handling.ackDueDate, '2026-03-16');

    const aee = await smtp.waitFor((m) => m.parsed.subject?.includes(receipt.chrono) ?? false);
    assert.deepEqual(aee.envelopeTo, ['camille.martin@example.org']);
    assert.equal(aee.parsed.subject, `Accusé d’enregistrement électronique de votre demande n° ${receipt.chrono}`);
    for (const mention of [
      `Numéro d’enregistrement : ${receipt.chrono}`,
      'Date de réception : lundi 2 mars 2026 à 10 h 15 (heure de Paris)',
      'accusé d’enregistrement électronique (article L112-11',
      'au plus tard le lundi 16 mars 2026',
      'R112-11-2',
      'Pièces jointes reçues : decision-refus.pdf',
    ]) {
      assert.ok(aee.text.includes(mention), `AEE lacks « ${mention} »:\n${aee.text}`);
    }
    assert.ok(await t.app.waitForIdle(60_000));
    const history = (await agent.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${receipt.chrono}/history` })).json();
    const actions = (history.events ?? history).map((e: { action: string }) => e.action);
    assert.ok(actions.includes('platform.mail.queued') && actions.includes('platform.mail.sent'), actions.join(', '));
  });

  it('answers specific French errors, field by field', async () => {
    const cases: Array<[Record<string, unknown>, string, string, RegExp]> = [
      [{ ...CAMILLE, requesterKind: 'company', organisationName: 'Boulangerie Martin', siret: '732 829 320 00075' }, 'siret', 'siret_checksum', /SIRET « 732 829 320 00075 » n’existe pas : sa clé de contrôle est fausse/],
      [{ ...CAMILLE, requesterKind: 'company', organisationName: 'Boulangerie Martin', siret: '7328293200' }, 'siret', 'siret_format', /exactement 14 chiffres/],
      [{ ...CAMILLE, requesterKind: 'association', organisationName: 'Les amis du parc', rna: 'W12345' }, 'rna', 'rna_format', /W suivi de 9 chiffres/],
      [{ ...CAMILLE, email: 'camille.martin@' }, 'email', 'email_format', /L’adresse électronique « camille\.martin@ » est invalide/],
      [{ ...CAMILLE, postcode: '6900' }, 'postcode', 'postcode_format', /5 chiffres/],
      [{ ...CAMILLE, requestTypeCode: 'AGENT' }, 'requestTypeCode', 'unknown', /Type de demande inconnu/],
    ];
    for (const [demande, field, code, message] of cases) {
      const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody(demande) });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      const body = res.json();
      assert.equal(body.code, 'PUBLIC_FORM_INVALID');
      assert.deepEqual(body.details.fields.map((f: { field: string; code: string }) => [f.field, f.code]), [[field, code]]);
      assert.match(body.message, message);
    }
    const empty = (await server.inject({ method: 'POST', url: SUBMIT, ...formBody({ requesterKind: 'person' }) })).json();
    assert.deepEqual(
      empty.details.fields.map((f: { field: string }) => f.field),
      ['lastName', 'firstName', 'email', 'addressLines', 'postcode', 'city', 'requestTypeCode', 'subject', 'message'],
    );
    assert.match(empty.message, /^Le formulaire contient des erreurs : Indiquez votre nom\. Indiquez votre prénom\./);
  });

  it('accepts a valid SIRET (Luhn), La Poste’s (sum of digits) and an RNA number', async () => {
    for (const identity of [
      { requesterKind: 'company', organisationName: 'Entreprise exemple', siret: '732 829 320 00074' },
      { requesterKind: 'company', organisationName: 'La Poste', siret: '35600000049837' },
      { requesterKind: 'association', organisationName: 'Les amis du parc', rna: 'w691234567' },
    ]) {
      const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody({ ...CAMILLE, ...identity }) });
      assert.equal(res.statusCode, 201, res.body);
    }
  });

  it('keeps a refused attachment on the item, quarantined, and tells the requester', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody(CAMILLE, [{ name: 'piece.pdf', bytes: exe }]) });
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.equal(receipt.attachments[0].accepted, false);
    assert.match(receipt.attachments[0].reason, /programme|ne correspond pas/);
    const quarantine = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/quarantine' })).json();
    assert.ok(JSON.stringify(quarantine).includes('piece.pdf'));
  });

  it('refuses a cross-origin browser POST (CSRF)', async () => {
    const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody(CAMILLE), headers: { ...formBody(CAMILLE).headers, origin: 'https://evil.example' } });
    assert.equal(res.statusCode, 403);
  });

  it('sends the ARE once the request is assigned, with every mention of R112-11-1; flags it late when unassigned past its date', async () => {
    const res = await server.inject({ method: 'POST', url: SUBMIT, ...formBody({ ...CAMILLE, requestTypeCode: 'FINANCIERE', email: 'are@example.org' }) });
    const { chrono } = res.json();
    await sendDueElectronicReceipts(t.app.ctx);
    let pending = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/electronic-receipts' })).json().receipts;
    let mine = pending.find((r: { chrono: string }) => r.chrono === chrono);
    assert.equal(mine.dueDate, '2026-03-16');
    assert.match(mine.reason, /En attente de l’attribution à un service ; à envoyer au plus tard le lundi 16 mars 2026/);

    clock.set('2026-03-17T08:00:00.000Z');
    agent = await signIn(); // sessions follow the clock
    await sendDueElectronicReceipts(t.app.ctx);
    pending = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/electronic-receipts' })).json().receipts;
    mine = pending.find((r: { chrono: string }) => r.chrono === chrono);
    assert.equal(mine.late, true);
    assert.match(mine.reason, /ARE en retard : il était dû au plus tard le lundi 16 mars 2026/);

    clock.set('2026-03-05T10:00:00.000Z');
    agent = await signIn();
    await updateServiceContact(t.app.ctx, 'PREF69', 'SGCD-FIN', {
      addressLines: ['106 rue Pierre Corneille'], postcode: '69003', city: 'Lyon', email: 'finances@rhone.example', phone: '04 72 61 60 60',
    });
    assert.equal((await agent.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${chrono}/assign`, payload: { serviceCode: 'SGCD-FIN' } })).statusCode, 200);
    const counts = await sendDueElectronicReceipts(t.app.ctx);
    assert.ok(counts.queued >= 1);
    const are = await smtp.waitFor((m) => m.envelopeTo.includes('are@example.org') && (m.parsed.subject ?? '').startsWith('Accusé de réception électronique'));
    for (const mention of [
      'Date de réception de votre demande : lundi 2 mars 2026',
      'Finances',
      'Téléphone : 04 72 61 60 60',
      'Courriel : finances@rhone.example',
      'réputée rejetée',
      'samedi 2 mai 2026',
      'Voies et délais de recours',
    ]) {
      assert.ok(are.text.replace(/\s+/g, ' ').includes(mention), `ARE lacks « ${mention} »:\n${are.text}`);
    }
    assert.equal((await sendDueElectronicReceipts(t.app.ctx)).queued, 0, 'sent once');
    pending = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/electronic-receipts' })).json().receipts;
    assert.ok(!pending.some((r: { chrono: string }) => r.chrono === chrono));
  });

  it('sends an item’s AR by e-mail on request and lists it in the outbox; another entity sees nothing', async () => {
    const { chrono } = (await server.inject({ method: 'POST', url: SUBMIT, ...formBody({ ...CAMILLE, requestTypeCode: 'FINANCIERE', email: 'ar@example.org' }) })).json();
    await agent.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${chrono}/assign`, payload: { serviceCode: 'SGCD-FIN' } });
    const sent = await agent.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement-email/send`, payload: {} });
    assert.equal(sent.statusCode, 202, sent.body);
    assert.equal(sent.json().kind, 'ar');
    await smtp.waitFor((m) => m.envelopeTo.includes('ar@example.org') && (m.parsed.subject ?? '').startsWith('Accusé de réception de votre demande'));
    const outbox = (await agent.inject({ method: 'GET', url: `/api/entities/PREF69/outbox?chrono=${chrono}` })).json();
    assert.deepEqual(outbox.messages.map((m: { kind: string }) => m.kind).sort(), ['aee', 'ar']);
    const outsider = await signInAgent(t.app, server, mailroomOf('ARS-ARA'));
    assert.equal((await outsider.inject({ method: 'GET', url: '/api/entities/PREF69/outbox' })).statusCode, 404);
    assert.equal((await server.inject({ method: 'GET', url: '/api/entities/PREF69/outbox' })).statusCode, 401);
  });
});

describe(`public form rate limit (${TEST_DIALECT})`, () => {
  it('answers 429 in French past the per-minute limit', async () => {
    const t = await startTestApp({ config: { publicFormPerMinute: 2 } });
    const server = await t.app.buildHttpServer();
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await server.inject({ method: 'POST', url: SUBMIT, ...formBody({ requesterKind: 'person' }) });
        codes.push(last.statusCode);
      }
      assert.deepEqual(codes, [400, 400, 429]);
      assert.equal(last!.json().code, 'PUBLIC_FORM_RATE_LIMITED');
      assert.match(last!.json().message, /Trop d’envois depuis votre connexion/);
    } finally {
      await server.close();
      await t.close();
    }
  });
});
