import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BOUNCE_WARNING, TNEF_WARNING, parseEml } from '../../../src/capture/email/index.ts';
import { OctoError, type OctoErrorCode } from '../../../src/platform/errors.ts';

const eml = (name: string) => readFileSync(new URL(`../../fixtures/corpus/eml/${name}`, import.meta.url));
const names = (parsed: { attachments: Array<{ filename: string }> }) => parsed.attachments.map((a) => a.filename);

async function rejects(promise: Promise<unknown>, code: OctoErrorCode, detail?: RegExp): Promise<void> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof OctoError, `not an OctoError: ${String(error)}`);
  assert.equal(error.code, code);
  if (detail) assert.match(String(error.details.detailFr), detail);
}

describe('parseEml on the corpus', () => {
  it('m0013: French Outlook forward, Q-encoded subject over two words, 10-byte PDF stub kept as attachment', async () => {
    const m = await parseEml(eml('phpmime-m0013-fr-outlook-forward.eml'));
    assert.deepEqual(m.from, { name: 'NAME Firstname', address: 'firstname.name@groupe-company.com' });
    assert.deepEqual(m.to, [{ address: 'paul.dupont@company.com' }]);
    assert.equal(m.date, '2014-03-14T09:52:31.000Z');
    assert.equal(m.subject, '50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf');
    assert.match(m.bodyText, /Pièce jointe toujours pas conforme/);
    assert.match(m.bodyText, /-----Message d'origine-----/);
    assert.deepEqual(names(m), ['50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf']);
    assert.equal(m.attachments[0]!.contentType, 'application/pdf');
    assert.equal(m.attachments[0]!.bytes.length, 10);
  });

  it('m0024: mailing-list mail with an MS-Word attachment (OLE2)', async () => {
    const m = await parseEml(eml('zbateson-m0024-fr-doc-attachment.eml'));
    assert.deepEqual(m.from, { name: 'John DOE', address: 'blablafakeemail@provider.fr' });
    assert.equal(m.date, '2014-07-21T15:57:01.000Z');
    assert.equal(m.subject, 'Persil, abeilles ...');
    // The raw header spells "Biodiversite" without accent (MANIFEST.md says "Biodiversité").
    assert.deepEqual(names(m), ['Biodiversite de semaine en semaine.doc']);
    const doc = m.attachments[0]!;
    assert.equal(doc.contentType, 'application/msword');
    assert.equal(doc.bytes.length, 27648);
    assert.deepEqual([...doc.bytes.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]);
  });

  it('m0001: mbox "From " line, ISO-8859-1 Q-encoded subject, 2-byte attachment', async () => {
    const m = await parseEml(eml('phpmime-m0001-fr-subject-latin1.eml'));
    assert.equal(m.subject, 'Mail avec fichier attaché de 1ko');
    assert.deepEqual(m.from, { name: 'Name', address: 'name@company.com' });
    assert.equal(m.date, '2013-06-16T15:50:12.000Z');
    assert.deepEqual(names(m), ['attach01']);
    assert.equal(m.attachments[0]!.bytes.length, 2);
  });

  it('m4006: TNEF winmail.dat kept as an opaque attachment, with a warning', async () => {
    const m = await parseEml(eml('zbateson-m4006-tnef-winmail.eml'));
    assert.equal(m.subject, 'Read: invitation');
    assert.deepEqual(m.from, { name: 'Test Sender', address: 'sender@email.test' });
    assert.equal(m.date, '2016-07-10T15:29:52.000Z');
    assert.deepEqual(names(m), ['winmail.dat']);
    assert.equal(m.attachments[0]!.bytes.length, 1325);
    assert.ok(m.warnings.some((w) => w.startsWith(TNEF_WARNING)), m.warnings.join(' | '));
  });

  it('m0006: UTF-7 in the subject, in an address name and in the body', async () => {
    const m = await parseEml(eml('zbateson-m0006-utf7.eml'));
    assert.equal(m.subject, 'Die Hasen und die Frösche (Microsoft Outlook 00)');
    assert.deepEqual(m.from, { name: 'Doug Sauder', address: 'doug@example.com' });
    assert.equal(m.date, '2000-05-17T23:18:39.000Z');
    assert.equal(m.to[1]!.name, 'Jürgen Schmürgen');
    assert.match(m.bodyText, /^Die Hasen und die Frösche/);
    assert.match(m.bodyText, /über ihre mißliche Lage; "wir leben"/);
    assert.doesNotMatch(m.bodyText, /\+A[A-Za-z0-9]{2}-/);
  });

  it('issue274: every attachment type, UTF-8 filename, attached message as .eml', async () => {
    const m = await parseEml(eml('phpmime-issue274-multi-attachments.eml'));
    assert.equal(m.subject, 'test-localhost');
    assert.deepEqual(m.from, { address: 'guest@localhost' });
    assert.equal(m.date, '2019-05-27T06:13:44.000Z');
    assert.deepEqual(names(m), [
      'Hello from SwiftMailer.docx', 'Hello from SwiftMailer.pdf', 'Hello from SwiftMailer.odt',
      'Cours-Tutoriels-Serge-Tahé-1568x268.png', 'test-localhost.eml',
    ]);
    assert.equal(m.attachments[1]!.bytes.subarray(0, 5).toString(), '%PDF-');
    assert.equal(m.attachments[4]!.nestedMessage, true);
    assert.equal(m.attachments[4]!.contentType, 'message/rfc822');
  });

  it('issue158a: a forward without filename becomes "<subject>.eml", and parses on its own', async () => {
    const m = await parseEml(eml('phpmime-issue158a-forwarded-rfc822.eml'));
    assert.equal(m.subject, 'Fwd: Test 5');
    assert.deepEqual(m.from, { name: 'Example Name', address: 'example@example.com' });
    assert.equal(m.date, '2017-03-06T14:56:51.000Z');
    assert.equal(m.bodyText, 'An RFC 822 forward with a HTML body'); // from the HTML part, tags stripped
    assert.equal(m.attachments.length, 1);
    const nested = m.attachments[0]!;
    assert.equal(nested.nestedMessage, true);
    assert.equal(nested.filename, 'Test 5.eml');
    const inner = await parseEml(nested.bytes);
    assert.equal(inner.subject, 'Test 5');
    assert.ok(inner.from?.address, 'the forwarded message exposes its own sender');
  });

  it('mimetorture: no crash, the eight attachment-like parts and the inline images with content-id', async () => {
    const m = await parseEml(eml('postalmime-mimetorture.eml'));
    assert.equal(m.subject, "Ryan Finnie's MIME Torture Test v1.0");
    assert.deepEqual(m.from, { name: 'Ryan Finnie', address: 'rfinnie@domain.dom' });
    assert.equal(m.date, '2003-10-24T06:28:34.000Z');
    assert.ok(m.attachments.length >= 8, names(m).join(', '));
    for (const expected of ['foo.gz', 'blah.gz', 'blah1.gz', 'htmlfile.html', 'smiley-3.png', 'dot.gif']) {
      assert.ok(names(m).includes(expected), expected);
    }
    const inline = m.attachments.filter((a) => a.inline);
    assert.ok(inline.length >= 2);
    assert.ok(inline.every((a) => a.contentId && !a.contentId.startsWith('<')));
    assert.ok(names(m).every((n) => n.length > 0), 'parts without a name get one');
  });

  it('bounce: DSN recognised, original message kept as nested .eml', async () => {
    const m = await parseEml(eml('postalmime-bounce-dsn.eml'));
    assert.equal(m.subject, 'Undelivered Mail Returned to Sender');
    assert.equal(m.from?.address, 'MAILER-DAEMON@messagingengine.com');
    assert.equal(m.date, '2022-10-10T05:37:22.000Z');
    assert.ok(m.warnings.includes(BOUNCE_WARNING), m.warnings.join(' | '));
    assert.ok(m.attachments.some((a) => a.nestedMessage && a.filename.endsWith('.eml')));
  });

  it('calendar invite: subject with emoji, invite.ics kept once', async () => {
    const m = await parseEml(eml('postalmime-calendar-event.eml'));
    assert.ok(m.subject?.startsWith('Invitation: Test event ⏰ @ Thu Apr 11, 2024 11am - 12pm (GMT+3)'));
    assert.deepEqual(m.from, { name: 'Andris Reinman', address: 'andris@postalsys.com' });
    assert.equal(m.date, '2024-04-11T06:19:44.000Z');
    assert.deepEqual(names(m), ['invite.ics']);
    assert.equal(m.attachments[0]!.contentType, 'application/ics');
    assert.match(m.attachments[0]!.bytes.toString(), /BEGIN:VCALENDAR/);
  });

  it('UTF-16BE file without BOM is detected, decoded and parsed', async () => {
    const bytes = eml('unstructured-fake-email-utf-16-be.eml');
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x4d, 0x00, 0x49]);
    const m = await parseEml(bytes);
    assert.equal(m.subject, 'Test Email');
    assert.deepEqual(m.from, { name: 'Matthew Robinson', address: 'mrobinson@unstructured.io' });
    assert.equal(m.date, '2022-12-16T22:04:16.000Z');
    assert.match(m.bodyText, /^This is a test email to use for unit tests\./);
    assert.ok(m.warnings.some((w) => /UTF-16BE/.test(w)));
  });

  it('PGP/MIME encrypted message is CAPTURE_EML_ENCRYPTED', async () => {
    await rejects(parseEml(eml('unstructured-fake-encrypted-pgp.eml')), 'CAPTURE_EML_ENCRYPTED', /chiffré PGP/);
  });

  it('the broken 25-byte file is CAPTURE_EML_INVALID', async () => {
    await rejects(parseEml(eml('paperless-broken.eml')), 'CAPTURE_EML_INVALID', /en-têtes/);
  });
});

describe('parseEml on built messages', () => {
  const message = (headers: string, body: string) => Buffer.from(`${headers.trim()}\r\n\r\n${body}`, 'latin1');

  it('S/MIME enveloped-data is CAPTURE_EML_ENCRYPTED', async () => {
    const raw = message(
      'From: a@example.fr\r\nSubject: secret\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64',
      'MIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\r\n',
    );
    await rejects(parseEml(raw), 'CAPTURE_EML_ENCRYPTED', /S\/MIME/);
  });

  it('an empty file is CAPTURE_EML_INVALID', async () => {
    await rejects(parseEml(Buffer.alloc(0)), 'CAPTURE_EML_INVALID');
  });

  it('a body that cannot be decoded at all is CAPTURE_EML_BAD_ENCODING', async () => {
    const garbage = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64)));
    const raw = Buffer.concat([
      message('From: a@example.fr\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="x-unknown-klingon"\r\nContent-Transfer-Encoding: 8bit', ''),
      garbage,
    ]);
    await rejects(parseEml(raw), 'CAPTURE_EML_BAD_ENCODING', /x-unknown-klingon/);
  });

  it('a UTF-16LE file with BOM is decoded too', async () => {
    const text = 'From: Agent <agent@prefecture.gouv.fr>\r\nSubject: Demande de titre de séjour\r\nDate: Mon, 2 Dec 2024 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, voici ma demande.\r\n';
    const m = await parseEml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    assert.equal(m.subject, 'Demande de titre de séjour');
    assert.equal(m.bodyText, 'Bonjour, voici ma demande.');
  });

  it('HTML-only body: tags, styles and entities are turned into text', async () => {
    const raw = message(
      'From: a@example.fr\r\nSubject: html\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8',
      '<html><head><style>p{color:red}</style></head><body><p>Madame,&nbsp;le Pr&eacute;fet</p><ul><li>un</li><li>deux &amp; trois</li></ul><script>alert(1)</script></body></html>',
    );
    const m = await parseEml(raw);
    assert.doesNotMatch(m.bodyText, /[<>]|color:red|alert/);
    assert.match(m.bodyText, /Madame, le Préfet/);
    assert.match(m.bodyText, /deux & trois/);
  });

  it('an empty text part next to a real HTML part: the text comes from the HTML', async () => {
    const raw = message(
      'From: a@example.fr\r\nSubject: alt\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"',
      [
        '--b', 'Content-Type: text/plain; charset=utf-8', '', '  ',
        '--b', 'Content-Type: text/html; charset=utf-8', '',
        '<div>Objet&nbsp;: demande d&#8217;<b>aide</b><br>Cordialement</div><!-- pied --><style>.x{}</style>',
        '--b--', '',
      ].join('\r\n'),
    );
    const m = await parseEml(raw);
    assert.equal(m.bodyText, 'Objet : demande d’aide\nCordialement');
  });

  it('RFC 2231 filename and a part named only by Content-Type name=', async () => {
    const raw = message(
      'From: a@example.fr\r\nSubject: pj\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"',
      [
        '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Voir pièces jointes.',
        '--b', "Content-Type: application/pdf", "Content-Disposition: attachment; filename*=UTF-8''arr%C3%AAt%C3%A9%20pr%C3%A9fectoral.pdf", 'Content-Transfer-Encoding: base64', '', Buffer.from('%PDF-1.4 stub').toString('base64'),
        '--b', 'Content-Type: image/png; name="scan-courrier.png"', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=',
        '--b--', '',
      ].join('\r\n'),
    );
    const m = await parseEml(raw);
    assert.deepEqual(names(m), ['arrêté préfectoral.pdf', 'scan-courrier.png']);
    assert.equal(m.attachments[1]!.inline, false);
  });
});

describe('parseEml: an impossible Date header', () => {
  it('is dropped with a warning, never replaced by the current time', async () => {
    const raw = Buffer.from(
      'From: Jean Dupont <jean@example.fr>\r\nTo: courrier@rhone.gouv.fr\r\nSubject: Reclamation\r\nDate: 31 Feb 2026 25:61:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour.\r\n',
    );
    const parsed = await parseEml(raw);
    assert.equal(parsed.date, undefined);
    assert.ok(parsed.warnings.some((w) => /Date du courriel illisible/.test(w)));
  });
});
