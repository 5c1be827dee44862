import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import nodemailer, { type Transporter } from 'nodemailer';
import { createMailbox, syncMailbox } from '../../../src/capture/mailboxes/mailbox.service.ts';
import { startSmtpGateway, type SmtpGateway } from '../../../src/capture/smtp-gateway/smtp-gateway.ts';
import { getDocumentText } from '../../../src/capture/index.ts';
import { getMailItemDetail } from '../../../src/registry/index.ts';
import { DOVECOT_MISSING, startDovecot, type DovecotServer } from '../../helpers/dovecot.ts';
import { corpusFile, FIXTURES, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';

/**
 * Hard messages, each received twice — by the SMTP gateway and from an IMAP mailbox — must give
 * one item each time, with the same documents: body, every attachment (named by RFC 2047, RFC 2231,
 * Content-Type name= or nothing), nested messages, inline parts, TNEF, S/MIME signed, odd charsets.
 */
const crlf = (lines: string[]) => lines.join('\r\n');
const PDF_STUB = 'JVBERi0xLjQKMSAwIG9iaiA8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFI+PiBlbmRvYmoKMiAwIG9iaiA8PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PiBlbmRvYmoKMyAwIG9iaiA8PC9UeXBlL1BhZ2UvUGFyZW50IDIgMCBSL01lZGlhQm94WzAgMCAyMDAgMjAwXT4+IGVuZG9iagp0cmFpbGVyIDw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=';

function built(name: string, subjectHeader: string, body: string[]): Buffer {
  return Buffer.from(
    crlf([
      'From: Service instructeur <instructeur@example.fr>',
      'To: courrier@pref69.octo.localhost',
      `Subject: ${subjectHeader}`,
      `Message-ID: <${name}@example.fr>`,
      'Date: Wed, 02 Dec 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      ...body,
      '',
    ]),
    'latin1',
  );
}

const CASES: Array<{ name: string; bytes: () => Promise<Buffer>; subject: string; bodyMatch?: RegExp; attachments: string[]; warning?: RegExp }> = [
  {
    name: 'windows-1252 body and Q-encoded subject',
    subject: 'Œuvre d’art – 50 €',
    bodyMatch: /cœur.*l’été.*100 €/,
    attachments: [],
    bytes: async () =>
      Buffer.concat([
        built('cp1252', '=?windows-1252?Q?=8Cuvre_d=92art_=96_50_=80?=', ['Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: 8bit', '']),
        Buffer.from([...Buffer.from('Le c'), 0x9c, ...Buffer.from('ur de l'), 0x92, ...Buffer.from('\xe9t\xe9 co\xfbte 100 ', 'latin1'), 0x80, 0x0d, 0x0a]),
      ]),
  },
  {
    name: 'ISO-2022-JP and KOI8-R parts',
    subject: 'Demande multilingue',
    bodyMatch: /日本語/,
    attachments: ['russe.txt'],
    bytes: async () =>
      built('multilingue', 'Demande multilingue', [
        'Content-Type: multipart/mixed; boundary="m"',
        '',
        '--m',
        'Content-Type: text/plain; charset=iso-2022-jp',
        'Content-Transfer-Encoding: 7bit',
        '',
        '\x1b$BF|K\\8l\x1b(B',
        '--m',
        'Content-Type: text/plain; charset=koi8-r; name="russe.txt"',
        'Content-Disposition: attachment; filename="russe.txt"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]).toString('base64'),
        '--m--',
      ]),
  },
  {
    name: 'attachment names: RFC 2047 in name=, RFC 2231 continuations, Content-Type name only, no name at all',
    subject: 'Pièces du dossier',
    attachments: ['arrêté préfectoral.pdf', 'procès-verbal de réunion très long.pdf', 'plan cadastral.pdf', 'piece-jointe-1.pdf'],
    bytes: async () =>
      built('noms', '=?UTF-8?B?UGnDqGNlcyBkdSBkb3NzaWVy?=', [
        'Content-Type: multipart/mixed; boundary="n"',
        '',
        '--n',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voir les pièces.',
        '--n',
        'Content-Type: application/pdf; name="=?UTF-8?B?YXJyw6p0w6kgcHLDqWZlY3RvcmFsLnBkZg==?="',
        'Content-Disposition: attachment; filename="=?UTF-8?B?YXJyw6p0w6kgcHLDqWZlY3RvcmFsLnBkZg==?="',
        'Content-Transfer-Encoding: base64',
        '',
        PDF_STUB,
        '--n',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*0*=UTF-8''proc%C3%A8s-verbal%20de%20;",
        "  filename*1*=r%C3%A9union%20tr%C3%A8s%20long.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        PDF_STUB,
        '--n',
        'Content-Type: application/pdf; name="plan cadastral.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        PDF_STUB,
        '--n',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(`${Buffer.from(PDF_STUB, 'base64').toString('latin1')}% sans nom\n`, 'latin1').toString('base64'),
        '--n--',
      ]),
  },
  {
    name: 'inline image (multipart/related) and a forwarded message with its own attachment',
    subject: 'TR: Signalement',
    bodyMatch: /Voir le message transféré/,
    attachments: ["Signalement d'origine.eml", 'logo.png'],
    bytes: async () =>
      built('imbrique', 'TR: Signalement', [
        'Content-Type: multipart/mixed; boundary="o"',
        '',
        '--o',
        'Content-Type: multipart/related; boundary="r"',
        '',
        '--r',
        'Content-Type: text/html; charset=iso-8859-1',
        '',
        '<p>Voir le message transféré. <img src="cid:logo@ex"></p>',
        '--r',
        'Content-Type: image/png; name="logo.png"',
        'Content-ID: <logo@ex>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        '--r--',
        '--o',
        'Content-Type: message/rfc822',
        '',
        'From: habitant@example.org',
        "Subject: Signalement d'origine",
        'Content-Type: multipart/mixed; boundary="i"',
        '',
        '--i',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Nuisances sonores.',
        '--i',
        'Content-Type: application/pdf; name="photo.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        PDF_STUB,
        '--i--',
        '--o--',
      ]),
  },
  {
    name: 'TNEF winmail.dat (corpus)',
    subject: 'Read: invitation',
    attachments: ['winmail.dat'],
    warning: /TNEF/,
    bytes: () => corpusFile('eml/zbateson-m4006-tnef-winmail.eml'),
  },
  {
    name: 'S/MIME detached signature (multipart/signed)',
    subject: 'Délibération signée',
    bodyMatch: /Délibération jointe, signée/,
    attachments: ['deliberation.pdf', 'smime.p7s'],
    bytes: () => fs.readFile(path.join(FIXTURES, 'email-built/smime-detached-signed.eml')),
  },
  {
    name: 'S/MIME opaque signed-data: the content is read inside the signature',
    subject: 'Opaque signé',
    bodyMatch: /Délibération jointe, signée/,
    attachments: ['deliberation.pdf'],
    warning: /signé S\/MIME/,
    bytes: () => fs.readFile(path.join(FIXTURES, 'email-built/smime-opaque-signed.eml')),
  },
];

describe(`hard messages through both e-mail channels (${TEST_DIALECT})`, { skip: DOVECOT_MISSING }, () => {
  let test: TestApp;
  let dovecot: DovecotServer;
  let gateway: SmtpGateway;
  let transport: Transporter;
  let mailboxId = '';

  before(async () => {
    test = await startTestApp();
    dovecot = await startDovecot({ users: [{ user: 'courrier', password: 'pw-courrier' }] });
    gateway = await startSmtpGateway(test.app.ctx, { port: 0, host: '127.0.0.1' });
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: gateway.port, secure: false, ignoreTLS: true });
    mailboxId = (await createMailbox(test.app.ctx, 'PREF69', { host: '127.0.0.1', port: dovecot.port, security: 'none', username: 'courrier', password: 'pw-courrier' })).id;
  });
  after(async () => {
    transport?.close();
    await gateway?.close();
    await dovecot?.stop();
    await test?.close();
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const bytes = await testCase.bytes();
      const info = await transport.sendMail({ envelope: { from: 'instructeur@example.fr', to: ['courrier@pref69.octo.localhost'] }, raw: bytes });
      const viaSmtp = /PREF69-\d{4}-E-\d{6}/.exec(String(info.response))?.[0];
      assert.ok(viaSmtp, String(info.response));
      await dovecot.append('courrier', bytes);
      const synced = await syncMailbox(test.app.ctx, 'PREF69', mailboxId);
      assert.equal(synced.ok, true, JSON.stringify(synced.error));
      assert.equal(synced.messages.length, 1);
      const viaImap = synced.messages[0]!.chrono!;

      const [smtpItem, imapItem] = [await getMailItemDetail(test.app.ctx, 'PREF69', viaSmtp), await getMailItemDetail(test.app.ctx, 'PREF69', viaImap)];
      const shape = (item: typeof smtpItem) => item.documents.map((d) => [d.role, d.filename, d.mime, d.sha256]);
      assert.deepEqual(shape(imapItem), shape(smtpItem), 'both channels give the same item');
      for (const item of [smtpItem, imapItem]) {
        assert.equal(item.channel, 'email');
        assert.equal(item.subject ?? '', testCase.subject);
        const main = item.documents[0]!;
        assert.equal(main.role, 'main');
        // As received: SMTP and IMAP carry lines ending in CRLF, whatever the file had.
        assert.equal(main.sizeBytes, Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1').length, 'the original is the message as received');
        assert.deepEqual(item.documents.filter((d) => d.role === 'attachment').map((d) => d.filename).sort(), [...testCase.attachments].sort());
        if (testCase.bodyMatch) {
          const body = item.documents.find((d) => d.role === 'email-body')!;
          const text = (await getDocumentText(test.app.ctx, 'PREF69', body.id)).pages.map((p) => p.text).join('\n');
          assert.match(text, testCase.bodyMatch);
          assert.doesNotMatch(text, /\uFFFD/, 'no replacement character: the charset was decoded');
        }
        if (testCase.warning) assert.ok(item.warnings.some((w) => testCase.warning!.test(w)), item.warnings.join(' | '));
      }
    });
  }

  it('the KOI8-R attachment keeps its bytes; the nested message keeps its own attachment inside', async () => {
    const items = await test.app.ctx.db.selectFrom('capture_document').select(['filename', 'sha256']).where('filename', 'in', ['russe.txt', "Signalement d'origine.eml"]).execute();
    const russian = items.find((i) => i.filename === 'russe.txt')!;
    assert.deepEqual([...(await test.app.ctx.blobs.get(russian.sha256))], [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
    const nested = (await test.app.ctx.blobs.get(items.find((i) => i.filename === "Signalement d'origine.eml")!.sha256)).toString('utf8');
    assert.match(nested, /name="photo\.pdf"/);
  });
});
