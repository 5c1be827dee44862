import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { getMailItemDetail } from '../../../src/registry/index.ts';
import { secretBoxFor } from '../../../src/capture/mailboxes/secret-box.ts';
import { syncAllActiveMailboxes } from '../../../src/capture/mailboxes/mailbox.service.ts';
import { DOVECOT_MISSING, startDovecot, type DovecotServer } from '../../helpers/dovecot.ts';
import { corpusFile, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function letter(n: number, extra = ''): string {
  return [
    'From: =?UTF-8?Q?Am=C3=A9lie_Dupr=C3=A9?= <amelie.dupre@example.fr>',
    'To: courrier@pref69.example',
    `Subject: =?UTF-8?Q?Demande_n=C2=B0${n}_=E2=80=93_titre_de_s=C3=A9jour?=`,
    `Message-ID: <demande-${n}-${Date.now()}@example.fr>`,
    'Date: Tue, 01 Dec 2026 09:30:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    extra,
    '',
    `Madame, Monsieur, je sollicite le renouvellement de mon titre de séjour (demande ${n}).`,
    '',
  ].join('\r\n');
}

describe(`IMAP mailboxes against Dovecot (${TEST_DIALECT})`, { skip: DOVECOT_MISSING }, () => {
  let dovecot: DovecotServer;
  let test: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let mailroom: SignedInAgent;

  before(async () => {
    dovecot = await startDovecot({
      users: [
        { user: 'courrier', password: 'Secret-IMAP-1' },
        { user: 'arrivee', password: 'Secret-IMAP-2' },
        { user: 'traites', password: 'Secret-IMAP-3' },
      ],
    });
    test = await startTestApp();
    server = await test.app.buildHttpServer();
    admin = await signInAgent(test.app, server, [{ entityCode: 'PREF69', role: 'entity_admin' }]);
    mailroom = await signInAgent(test.app, server, mailroomOf('PREF69'));
  });
  after(async () => {
    await server?.close();
    await test?.close();
    await dovecot?.stop();
  });

  const addMailbox = async (body: Record<string, unknown>) => {
    const response = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/mailboxes', payload: { host: '127.0.0.1', port: dovecot.port, security: 'none', ...body } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; name: string; lastError: unknown };
  };
  const sync = async (id: string, agent = mailroom) => {
    const response = await agent.inject({ method: 'POST', url: `/api/entities/PREF69/mailboxes/${id}/sync` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { ok: boolean; error: { code: string; message: string } | null; messages: Array<{ uid: number; outcome: string; chrono: string | null; subject: string | null }> };
  };
  const itemCount = async () => Number((await test.app.ctx.db.selectFrom('registry_mail_item').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  let inboxId = '';

  it('stores the password sealed (AES-256-GCM, key generated in the data folder) and never returns it', async () => {
    const created = await addMailbox({ name: 'courrier@', username: 'courrier', password: 'Secret-IMAP-1' });
    inboxId = created.id;
    assert.doesNotMatch(JSON.stringify(created), /Secret-IMAP-1|password/i);
    const listed = await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/mailboxes' });
    assert.equal(listed.statusCode, 200);
    assert.doesNotMatch(listed.body, /Secret-IMAP-1|password/i);
    assert.equal(listed.json().mailboxes[0].name, 'courrier@');

    const row = await test.app.ctx.db.selectFrom('capture_mailbox').selectAll().where('id', '=', inboxId).executeTakeFirstOrThrow();
    assert.doesNotMatch(row.password_encrypted, /Secret-IMAP-1/);
    assert.match(row.password_encrypted, /^v1:/);
    const keyFile = await fs.stat(path.join(test.config.dataDir, 'secret.key'));
    assert.equal(keyFile.mode & 0o777, 0o600);
    const box = await secretBoxFor(test.config);
    assert.equal(box.open(row.password_encrypted, `capture_mailbox:${inboxId}`), 'Secret-IMAP-1');
    // Bound to its row: the same ciphertext does not open for another mailbox.
    assert.throws(() => box.open(row.password_encrypted, 'capture_mailbox:another'), { code: 'CAPTURE_MAILBOX_SECRET_UNREADABLE' });
  });

  it('management is for entity admins; the mailroom lists and syncs; others get 401/403/404', async () => {
    const byMailroom = await mailroom.inject({ method: 'POST', url: '/api/entities/PREF69/mailboxes', payload: { host: 'h', port: 143, username: 'u', password: 'p' } });
    assert.equal(byMailroom.statusCode, 403);
    const signedOut = await server.inject({ method: 'GET', url: '/api/entities/PREF69/mailboxes' });
    assert.equal(signedOut.statusCode, 401);
    const elsewhere = await signInAgent(test.app, server, mailroomOf('ARS-ARA'));
    assert.equal((await elsewhere.inject({ method: 'GET', url: '/api/entities/PREF69/mailboxes' })).statusCode, 404);
    assert.equal((await elsewhere.inject({ method: 'POST', url: `/api/entities/PREF69/mailboxes/${inboxId}/sync` })).statusCode, 404);
    const bad = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/mailboxes', payload: { host: '127.0.0.1', port: 70000, username: 'u', password: 'p' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /port/);
  });

  it('each message becomes one item, channel email, raw bytes kept; then flagged; a second sync takes nothing', async () => {
    const raw1 = letter(1);
    const raw2 = await corpusFile('eml/phpmime-issue274-multi-attachments.eml');
    await dovecot.append('courrier', raw1);
    await dovecot.append('courrier', raw2);
    const before = await itemCount();

    const first = await sync(inboxId);
    assert.equal(first.ok, true, JSON.stringify(first.error));
    assert.deepEqual(first.messages.map((m) => m.outcome), ['registered', 'registered']);
    assert.equal(await itemCount(), before + 2);

    const item1 = await getMailItemDetail(test.app.ctx, 'PREF69', first.messages[0]!.chrono!);
    assert.equal(item1.channel, 'email');
    assert.equal(item1.senderAddress, 'amelie.dupre@example.fr');
    assert.equal(item1.senderName, 'Amélie Dupré');
    assert.equal(item1.subject, 'Demande n°1 – titre de séjour');
    const original = item1.documents.find((d) => d.role === 'main')!;
    assert.equal(original.mime, 'message/rfc822');
    assert.equal(original.sha256, sha256(Buffer.from(raw1)), 'the .eml original is the bytes received');
    assert.ok(await test.app.ctx.blobs.has(original.sha256));

    const item2 = await getMailItemDetail(test.app.ctx, 'PREF69', first.messages[1]!.chrono!);
    assert.ok(item2.documents.filter((d) => d.role === 'attachment').length >= 3, 'every attachment is a document of the one item');
    assert.equal(item2.documents.find((d) => d.role === 'main')!.sha256, sha256(raw2));

    const onServer = await dovecot.list('courrier');
    for (const message of onServer) {
      assert.ok(message.flags.includes('\\Seen') && message.flags.includes('$Octo'), `flagged after commit: ${message.flags}`);
    }
    const second = await sync(inboxId);
    assert.deepEqual(second.messages, []);
    assert.equal(await itemCount(), before + 2);

    const listed = (await admin.inject({ method: 'GET', url: '/api/entities/PREF69/mailboxes' })).json().mailboxes[0];
    assert.equal(listed.lastError, null);
    assert.ok(listed.lastSuccessAt);
  });

  it('a relève interrupted between the commit and the flag settles the message without registering it again', async () => {
    await dovecot.append('courrier', letter(2));
    const first = await sync(inboxId);
    assert.equal(first.messages.length, 1);
    const uid = first.messages[0]!.uid;
    // The state a crash right after the commit leaves: the row without settled_at, the message unflagged.
    await test.app.ctx.db.updateTable('capture_mailbox_message').set({ settled_at: null }).where('mailbox_id', '=', inboxId).where('uid', '=', String(uid)).execute();
    const client = await dovecot.connect('courrier');
    const lock = await client.getMailboxLock('INBOX');
    await client.messageFlagsRemove(String(uid), ['\\Seen', '$Octo'], { uid: true });
    lock.release();
    await client.logout();
    const before = await itemCount();

    const again = await sync(inboxId);
    assert.deepEqual(again.messages, [], 'nothing registered twice');
    assert.equal(await itemCount(), before);
    const message = (await dovecot.list('courrier')).find((m) => m.uid === uid)!;
    assert.ok(message.flags.includes('$Octo'), 'the flag is set by the next relève');
    const row = await test.app.ctx.db.selectFrom('capture_mailbox_message').selectAll().where('mailbox_id', '=', inboxId).where('uid', '=', String(uid)).executeTakeFirstOrThrow();
    assert.ok(row.settled_at);
  });

  it('a message seen again under a new UIDVALIDITY is not registered twice; a new one is', async () => {
    const box = await addMailbox({ name: 'arrivée', username: 'arrivee', password: 'Secret-IMAP-2', folder: 'Arrivée' });
    await dovecot.append('arrivee', letter(3), 'Arrivée');
    const noMessageId = letter(4).replace(/^Message-ID:.*\r\n/m, '');
    await dovecot.append('arrivee', noMessageId, 'Arrivée');
    const first = await sync(box.id);
    assert.deepEqual(first.messages.map((m) => m.outcome), ['registered', 'registered']);

    const { before: oldValidity, after: newValidity } = await dovecot.recreateFolder('arrivee', 'Arrivée');
    assert.notEqual(oldValidity, newValidity);
    await dovecot.append('arrivee', letter(5), 'Arrivée');
    const count = await itemCount();
    const second = await sync(box.id);
    assert.deepEqual(second.messages.map((m) => m.outcome), ['already-taken', 'already-taken', 'registered']);
    assert.equal(await itemCount(), count + 1);
  });

  it('--move-to: a registered message is moved to the folder (created if missing)', async () => {
    const box = await addMailbox({ name: 'traités', username: 'traites', password: 'Secret-IMAP-3', moveTo: 'Traités' });
    await dovecot.append('traites', letter(6));
    const result = await sync(box.id, admin);
    assert.equal(result.messages[0]!.outcome, 'registered');
    assert.deepEqual(await dovecot.list('traites'), []);
    const moved = await dovecot.list('traites', 'Traités');
    assert.equal(moved.length, 1);
  });

  it('a wrong password or a server down is recorded on the mailbox in French, and nothing crashes', async () => {
    const wrong = await addMailbox({ name: 'mauvais mot de passe', username: 'courrier', password: 'pas-le-bon' });
    const refused = await sync(wrong.id);
    assert.equal(refused.ok, false);
    assert.equal(refused.error!.code, 'CAPTURE_MAILBOX_AUTH_FAILED');
    assert.match(refused.error!.message, /mot de passe/);

    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const down = await addMailbox({ name: 'serveur arrêté', username: 'courrier', password: 'x', port: closed });
    const unreachable = await sync(down.id);
    assert.equal(unreachable.error!.code, 'CAPTURE_MAILBOX_UNREACHABLE');
    assert.match(unreachable.error!.message, /injoignable.*connexion refusée/);

    const missing = await addMailbox({ name: 'dossier absent', username: 'courrier', password: 'Secret-IMAP-1', folder: 'NExistePas' });
    assert.equal((await sync(missing.id)).error!.code, 'CAPTURE_MAILBOX_FOLDER_MISSING');

    // The poller's round goes through the broken boxes and still takes the good ones' mail.
    await dovecot.append('courrier', letter(7));
    const round = await syncAllActiveMailboxes(test.app.ctx);
    assert.ok(round.some((r) => r.messages.some((m) => m.outcome === 'registered')));
    const listed = (await admin.inject({ method: 'GET', url: '/api/entities/PREF69/mailboxes' })).json().mailboxes as Array<{ id: string; lastError: { code: string; message: string } | null }>;
    assert.equal(listed.find((m) => m.id === wrong.id)!.lastError!.code, 'CAPTURE_MAILBOX_AUTH_FAILED');
    assert.equal(listed.find((m) => m.id === inboxId)!.lastError, null);

    // Fixing the password (PATCH) clears the error at the next relève.
    const fixed = await admin.inject({ method: 'PATCH', url: `/api/entities/PREF69/mailboxes/${wrong.id}`, payload: { password: 'Secret-IMAP-1', active: false } });
    assert.equal(fixed.statusCode, 200);
    assert.equal(fixed.json().active, false);
    const nowFixed = await sync(wrong.id);
    assert.equal(nowFixed.ok, true);
    assert.deepEqual(nowFixed.messages, [], 'messages another mailbox of Octo already took (flagged $Octo) are left alone');
    for (const id of [down.id, missing.id, wrong.id]) {
      assert.equal((await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/mailboxes/${id}` })).statusCode, 204);
    }
    assert.equal((await admin.inject({ method: 'GET', url: `/api/entities/PREF69/mailboxes/${down.id}` })).statusCode, 404);
  });

  it('the poller started with the workers takes new mail by itself', async () => {
    const polled = await startTestApp({ config: { mailboxPollSeconds: 1 } });
    try {
      const polledServer = await polled.app.buildHttpServer();
      const polledAdmin = await signInAgent(polled.app, polledServer, [{ entityCode: 'DREAL-ARA', role: 'entity_admin' }]);
      await dovecot.append('arrivee', letter(8), 'Relève');
      const created = await polledAdmin.inject({
        method: 'POST',
        url: '/api/entities/DREAL-ARA/mailboxes',
        payload: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: 'arrivee', password: 'Secret-IMAP-2', folder: 'Relève' },
      });
      assert.equal(created.statusCode, 201);
      polled.app.startMailboxPoller();
      let items = 0;
      for (let i = 0; i < 300 && items === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        items = Number((await polled.app.ctx.db.selectFrom('registry_mail_item').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      }
      assert.equal(items, 1);
      await polledServer.close();
    } finally {
      await polled.close();
    }
  });
});
