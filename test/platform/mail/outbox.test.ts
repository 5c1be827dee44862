import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { findOutboxRow } from '../../../src/platform/mail/outbox.queries.ts';
import { queueMail, releaseDueMail, retryOutboxMessage, setEntitySender, type QueueMailInput } from '../../../src/platform/mail/index.ts';
import { requireEntity } from '../../../src/registry/index.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { manualClock, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';

async function queue(t: TestApp, input: Partial<QueueMailInput> & { to: string }) {
  const entity = await requireEntity(t.app.ctx, 'PREF69');
  return t.app.ctx.db.transaction().execute((trx) =>
    queueMail({ ...t.app.ctx, db: trx }, { entityId: entity.id, mailItemId: null, reference: 'TEST', kind: 'ar', subject: 'Objet', text: 'Texte', ...input }),
  );
}

/** A port where nothing listens: a relay that is down. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(`outbox (${TEST_DIALECT})`, () => {
  let smtp: SmtpCapture;
  before(async () => {
    smtp = await startSmtpCapture({ rejectRecipient: (a) => a.startsWith('refuse@') });
  });
  after(async () => smtp.close());

  it('keeps a message waiting, with the French reason, when no relay is configured', async () => {
    const t = await startTestApp({ workers: true });
    try {
      const row = await queue(t, { to: 'usager@example.org' });
      assert.equal(row.status, 'waiting');
      assert.match(row.status_reason!, /Aucun relais SMTP n’est configuré \(OCTO_SMTP_RELAY_HOST\)/);
      assert.equal(await releaseDueMail(t.app.ctx), 0);
      assert.equal((await findOutboxRow(t.app.ctx.db, row.id))!.status, 'waiting');
    } finally {
      await t.close();
    }
  });

  it('refuses a message without a valid recipient address, in French', async () => {
    const t = await startTestApp();
    try {
      await assert.rejects(queue(t, { to: 'pas-une-adresse' }), (e: Error & { code?: string; frenchMessage?: string }) => {
        assert.equal(e.code, 'PLATFORM_MAIL_NO_RECIPIENT');
        assert.match(e.frenchMessage!, /pas-une-adresse/);
        return true;
      });
    } finally {
      await t.close();
    }
  });

  it('sends through the relay with its attachment, from the entity’s sender, and records the answer', async () => {
    const t = await startTestApp({ workers: true, config: { smtpRelayHost: smtp.host, smtpRelayPort: smtp.port, smtpRelaySecurity: 'none', mailFrom: 'Octo <octo@plateforme.example>' } });
    try {
      const entity = await requireEntity(t.app.ctx, 'PREF69');
      await setEntitySender(t.app.ctx, entity.id, 'Préfecture du Rhône <ne-pas-repondre@rhone.example>');
      const row = await queue(t, {
        to: 'destinataire-1@example.org',
        subject: 'Accusé de réception n° PREF69-2026-E-000001',
        text: 'Le texte de l’accusé, avec ses accents : « é à ç ».',
        attachments: [{ filename: 'accuse.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') }],
      });
      assert.equal(row.status, 'queued');
      const mail = await smtp.waitFor((m) => m.envelopeTo.includes('destinataire-1@example.org'));
      assert.equal(mail.parsed.subject, 'Accusé de réception n° PREF69-2026-E-000001');
      assert.match(mail.text, /« é à ç »/);
      assert.equal(mail.envelopeFrom, 'ne-pas-repondre@rhone.example');
      assert.equal(mail.parsed.attachments[0]?.filename, 'accuse.pdf');
      assert.equal(mail.parsed.attachments[0]?.content.toString(), '%PDF-1.4 test');
      assert.ok(await t.app.waitForIdle(20_000));
      const sent = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(sent.status, 'sent');
      assert.match(sent.smtp_response!, /250.*Message accepte par le relais de test/);
      assert.ok(sent.message_id);
    } finally {
      await t.close();
    }
  });

  it('fails at once, with the relay’s answer, when the relay refuses the recipient for good (5xx)', async () => {
    const t = await startTestApp({ workers: true, config: { smtpRelayHost: smtp.host, smtpRelayPort: smtp.port, smtpRelaySecurity: 'none', mailFrom: 'octo@plateforme.example' } });
    try {
      const row = await queue(t, { to: 'refuse@example.org' });
      assert.ok(await t.app.waitForIdle(20_000));
      const failed = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(failed.status, 'failed');
      assert.equal(Number(failed.attempts), 1);
      assert.match(failed.status_reason!, /refusé définitivement.*550/);

      // An agent may try again (after fixing the relay, say): the message goes back to the queue.
      const entity = await requireEntity(t.app.ctx, 'PREF69');
      const retried = await retryOutboxMessage(t.app.ctx, entity.id, row.id);
      assert.ok(['queued', 'failed'].includes(retried.status));
      assert.ok(await t.app.waitForIdle(20_000));
      const again = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(again.status, 'failed');
      assert.equal(Number(again.attempts), 1, 'attempts counted afresh');
      assert.equal(smtp.messages.filter((m) => m.envelopeTo.includes('refuse@example.org')).length, 0);
    } finally {
      await t.close();
    }
  });

  it('retries a relay that is down with doubling delays, then marks the message failed', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const t = await startTestApp({
      workers: true,
      clock,
      config: { smtpRelayHost: '127.0.0.1', smtpRelayPort: await deadPort(), smtpRelaySecurity: 'none', mailFrom: 'octo@plateforme.example', smtpMaxAttempts: 3, smtpRetrySeconds: 60, mailTickSeconds: 3600 },
    });
    try {
      const row = await queue(t, { to: 'usager@example.org' });
      assert.ok(await t.app.waitForIdle(20_000));
      let current = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(current.status, 'retrying');
      assert.equal(Number(current.attempts), 1);
      assert.equal(current.next_attempt_at, '2026-03-02T09:01:00.000Z');
      assert.match(current.status_reason!, /Tentative 1 sur 3 échouée \(relais SMTP injoignable : connect ECONNREFUSED/);

      assert.equal(await releaseDueMail(t.app.ctx), 0, 'not before its time');
      clock.set('2026-03-02T09:01:00.000Z');
      assert.equal(await releaseDueMail(t.app.ctx), 1);
      assert.ok(await t.app.waitForIdle(20_000));
      current = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(current.status, 'retrying');
      assert.equal(current.next_attempt_at, '2026-03-02T09:03:00.000Z', 'the delay doubles');

      clock.set('2026-03-02T09:03:00.000Z');
      assert.equal(await releaseDueMail(t.app.ctx), 1);
      assert.ok(await t.app.waitForIdle(20_000));
      current = (await findOutboxRow(t.app.ctx.db, row.id))!;
      assert.equal(current.status, 'failed');
      assert.equal(Number(current.attempts), 3);
      assert.match(current.status_reason!, /Échec après 3 tentatives ; dernière réponse : relais SMTP injoignable : connect ECONNREFUSED/);
    } finally {
      await t.close();
    }
  });
});
