import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { startSmtpGateway, type SmtpGateway } from '../../../src/capture/smtp-gateway/smtp-gateway.ts';
import { getMailItemDetail } from '../../../src/registry/index.ts';
import { corpusFile, FIXTURES, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(`SMTP gateway (${TEST_DIALECT})`, () => {
  let test: TestApp;
  let gateway: SmtpGateway;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let transport: Transporter;

  before(async () => {
    test = await startTestApp();
    // 1 Mo: small enough to test the limit without big buffers.
    gateway = await startSmtpGateway(test.app.ctx, { port: 0, host: '127.0.0.1', maxBytes: 1024 * 1024 });
    server = await test.app.buildHttpServer();
    admin = await signInAgent(test.app, server, [{ entityCode: 'ARS-ARA', role: 'entity_admin' }]);
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: gateway.port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
  });
  after(async () => {
    transport?.close();
    await gateway?.close();
    await server?.close();
    await test?.close();
  });

  const itemsOf = (entityCode: string) =>
    test.app.ctx.db
      .selectFrom('registry_mail_item')
      .innerJoin('registry_entity', 'registry_entity.id', 'registry_mail_item.entity_id')
      .select(['registry_mail_item.chrono', 'registry_mail_item.subject'])
      .where('registry_entity.code', '=', entityCode)
      .orderBy('registry_mail_item.chrono')
      .execute();

  it('the pilot entities have their gateway addresses; a mail to one becomes an item of that entity, with its attachments and its raw bytes', async () => {
    const listed = await signInAgent(test.app, server, mailroomOf('PREF69')).then((agent) => agent.inject({ method: 'GET', url: '/api/entities/PREF69/gateway-addresses' }));
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json().addresses.map((a: { address: string }) => a.address), ['courrier@pref69.octo.localhost']);

    const pdf = await corpusFile('pdf/maarchparaph-ar_sva.pdf');
    const info = await transport.sendMail({
      from: '"Jean Müller" <jean.muller@example.org>',
      to: 'Courrier@PREF69.octo.localhost',
      subject: 'Demande de rendez-vous – naturalisation',
      text: 'Bonjour, je souhaite un rendez-vous pour ma demande de naturalisation.',
      attachments: [
        { filename: 'pièce justificative.pdf', content: pdf },
        { filename: 'note.txt', content: 'texte joint' },
      ],
    });
    assert.match(String(info.response), /^250 .*PREF69-\d{4}-E-\d{6}/);
    const chrono = /PREF69-\d{4}-E-\d{6}/.exec(String(info.response))![0];
    const item = await getMailItemDetail(test.app.ctx, 'PREF69', chrono);
    assert.equal(item.channel, 'email');
    assert.equal(item.senderAddress, 'jean.muller@example.org');
    assert.equal(item.senderName, 'Jean Müller');
    assert.equal(item.subject, 'Demande de rendez-vous – naturalisation');
    const attachments = item.documents.filter((d) => d.role === 'attachment').map((d) => d.filename);
    assert.deepEqual(attachments.sort(), ['note.txt', 'pièce justificative.pdf']);
    const main = item.documents.find((d) => d.role === 'main')!;
    assert.equal(main.mime, 'message/rfc822');
    const raw = await test.app.ctx.blobs.get(main.sha256);
    assert.equal(sha256(raw), main.sha256);
    assert.match(raw.toString('latin1'), /^Content-Type: multipart\/mixed/im, 'the original is the message as sent');
    assert.deepEqual(await itemsOf('ARS-ARA'), [], 'no other entity sees it');
  });

  it('an unknown recipient is refused with 550; a message over the limit with 552; nothing is registered', async () => {
    const before = (await itemsOf('PREF69')).length;
    await assert.rejects(
      transport.sendMail({ from: 'a@example.org', to: 'inconnu@pref69.octo.localhost', subject: 'x', text: 'x' }),
      (error: { responseCode?: number; response?: string }) => error.responseCode === 550 && /Destinataire inconnu/.test(error.response ?? ''),
    );
    const big = Buffer.alloc(1536 * 1024, 'A');
    await assert.rejects(
      transport.sendMail({ from: 'a@example.org', to: 'courrier@pref69.octo.localhost', subject: 'trop gros', text: 'x', attachments: [{ filename: 'gros.bin', content: big }] }),
      (error: { responseCode?: number }) => error.responseCode === 552,
    );
    // The same without SIZE announced: refused at the end of DATA, still 552.
    const raw = `From: a@example.org\r\nTo: courrier@pref69.octo.localhost\r\nSubject: trop gros\r\n\r\n${'B'.repeat(1200 * 1024)}\r\n`;
    const noSize = nodemailer.createTransport({ host: '127.0.0.1', port: gateway.port, secure: false, ignoreTLS: true });
    await assert.rejects(
      noSize.sendMail({ envelope: { from: 'a@example.org', to: ['courrier@pref69.octo.localhost'] }, raw }),
      (error: { responseCode?: number }) => error.responseCode === 552,
    );
    noSize.close();
    // Without TLS files the gateway offers no STARTTLS: a client that requires it cannot send.
    const wantsTls = nodemailer.createTransport({ host: '127.0.0.1', port: gateway.port, secure: false, requireTLS: true });
    await assert.rejects(wantsTls.sendMail({ from: 'a@example.org', to: 'courrier@pref69.octo.localhost', subject: 'x', text: 'x' }), /STARTTLS/);
    wantsTls.close();
    assert.equal((await itemsOf('PREF69')).length, before);
  });

  it('addresses are data: an entity admin adds one (API), the gateway then accepts it for that entity; one mail to two entities makes one item in each', async () => {
    const added = await admin.inject({ method: 'POST', url: '/api/entities/ARS-ARA/gateway-addresses', payload: { address: 'Signalements@ARS-ARA.octo.localhost' } });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().address, 'signalements@ars-ara.octo.localhost');
    const taken = await admin.inject({ method: 'POST', url: '/api/entities/ARS-ARA/gateway-addresses', payload: { address: 'courrier@pref69.octo.localhost' } });
    assert.equal(taken.statusCode, 409);
    const invalid = await admin.inject({ method: 'POST', url: '/api/entities/ARS-ARA/gateway-addresses', payload: { address: 'pas une adresse' } });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.json().message, /n’est pas une adresse/);
    const mailroom = await signInAgent(test.app, server, mailroomOf('ARS-ARA'));
    assert.equal((await mailroom.inject({ method: 'POST', url: '/api/entities/ARS-ARA/gateway-addresses', payload: { address: 'x@ars-ara.octo.localhost' } })).statusCode, 403);

    const eml = await corpusFile('eml/postalmime-calendar-event.eml');
    const info = await transport.sendMail({
      envelope: { from: 'veille@example.org', to: ['signalements@ars-ara.octo.localhost', 'courrier@pref69.octo.localhost', 'courrier@ars-ara.octo.localhost'] },
      raw: eml,
    });
    assert.match(String(info.response), /ARS-ARA-\d{4}-E-\d{6}/);
    assert.equal((await itemsOf('ARS-ARA')).length, 1, 'two addresses of one entity: one item');
    assert.ok((await itemsOf('PREF69')).length >= 2);

    const removed = await admin.inject({ method: 'DELETE', url: '/api/entities/ARS-ARA/gateway-addresses/signalements@ars-ara.octo.localhost' });
    assert.equal(removed.statusCode, 204);
    await assert.rejects(
      transport.sendMail({ from: 'a@example.org', to: 'signalements@ars-ara.octo.localhost', subject: 'x', text: 'x' }),
      (error: { responseCode?: number }) => error.responseCode === 550,
    );
  });

  it('a message the intake cannot read is accepted into quarantine, never lost', async () => {
    const encrypted = await corpusFile('eml/unstructured-fake-encrypted-pgp.eml');
    const info = await transport.sendMail({ envelope: { from: 'a@example.org', to: ['courrier@ac-lyon.octo.localhost'] }, raw: encrypted });
    assert.match(String(info.response), /quarantaine/);
    const entries = await test.app.ctx.db.selectFrom('capture_quarantine').selectAll().where('code', '=', 'CAPTURE_EML_ENCRYPTED').execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.channel, 'email');
  });
});

describe(`SMTP gateway with STARTTLS (${TEST_DIALECT})`, () => {
  const tlsFile = (name: string) => path.join(FIXTURES, 'email-built', name);

  it('offers STARTTLS when OCTO_SMTP_TLS_KEY and OCTO_SMTP_TLS_CERT are set, and takes mail over it', async () => {
    const test = await startTestApp({ config: { smtpTlsKey: tlsFile('smtp-test-key.pem'), smtpTlsCert: tlsFile('smtp-test-cert.pem') } });
    const gateway = await startSmtpGateway(test.app.ctx, { port: 0, host: '127.0.0.1' });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: gateway.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      const info = await transport.sendMail({ from: 'a@example.org', to: 'courrier@pref69.octo.localhost', subject: 'Chiffré', text: 'Par STARTTLS.' });
      transport.close();
      // requireTLS: nodemailer fails rather than send in clear when STARTTLS is not offered.
      assert.match(String(info.response), /PREF69-\d{4}-E-\d{6}/);
    } finally {
      await gateway.close();
      await test.close();
    }
  });

  it('refuses to start with only one of the two files', async () => {
    const test = await startTestApp({ config: { smtpTlsKey: tlsFile('smtp-test-key.pem') } });
    try {
      await assert.rejects(startSmtpGateway(test.app.ctx, { port: 0, host: '127.0.0.1' }), { code: 'PLATFORM_CONFIG_INVALID' });
    } finally {
      await test.close();
    }
  });
});
