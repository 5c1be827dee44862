import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sendWebhook } from '../../../src/registry/webhooks/webhook-sender.ts';
import { checkWebhookUrl } from '../../../src/registry/webhooks/webhook-url.ts';
import { verifyWebhookSignature } from '../../../src/registry/webhooks/index.ts';
import { corpusFile, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';
import { bearer, createToken, multipart, signInEntityAdmin } from '../../platform/api-tokens/kit.ts';
import { startSubscriber, waitFor, type Subscriber } from './subscriber.ts';

describe(`webhooks (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let token: string;
  let subscriber: Subscriber;
  let letter: Buffer;

  before(async () => {
    // Private addresses allowed: the subscriber listens on 127.0.0.1. Three attempts, 1 s apart then 2 s.
    t = await startTestApp({ workers: true, config: { webhookAllowPrivate: true, webhookMaxAttempts: 3, webhookRetrySeconds: 1, webhookTimeoutSeconds: 30 } });
    server = await t.app.buildHttpServer();
    admin = await signInEntityAdmin(t, server);
    token = (await createToken(admin, 'PREF69', { name: 'Démarches simplifiées', scopes: ['deposit', 'read'] })).token;
    subscriber = await startSubscriber();
    letter = await corpusFile('pdf/maarchparaph-etat_civil.pdf');
  });
  after(async () => {
    await subscriber?.close();
    await server?.close();
    await t?.close();
  });

  async function subscribe(path: string, events: string[]) {
    const res = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url: `${subscriber.url}${path}`, events, description: path } });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    subscriber.secrets.set(path, created.secret);
    return created as { id: string; secret: string };
  }

  const deposit = (fields: Record<string, string> = {}) => {
    const body = multipart([{ name: 'dossier.pdf', bytes: letter }], { channel: 'api', ...fields });
    return server.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
  };
  const deliveries = async (id: string) => {
    const res = await admin.inject({ method: 'GET', url: `/api/entities/PREF69/webhooks/${id}/deliveries` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().deliveries as Array<{ id: string; eventType: string; status: string; attempts: number; lastStatusCode: number | null; lastResponse: string | null; body: string }>;
  };

  it('notifies registration then the status change after indexing, signed, and keeps the declared subject', async () => {
    const sub = await subscribe('/ok', ['item.registered', 'item.status_changed']);
    const listed = await admin.inject({ method: 'GET', url: '/api/entities/PREF69/webhooks' });
    assert.ok(!listed.body.includes(sub.secret), 'the secret is shown only at creation');
    assert.match(sub.secret, /^whsec_[\w-]{43}$/);

    const res = await deposit({ subject: 'Demande d’acte de naissance', externalReference: 'DS-42' });
    assert.equal(res.statusCode, 201, res.body);
    const chrono = res.json().results[0].item.chrono as string;
    const forItem = () => subscriber.received.filter((r) => r.path === '/ok' && JSON.parse(r.body).mailItem.chrono === chrono);
    const registered = await waitFor('item.registered', () => forItem().find((r) => r.headers['octo-event'] === 'item.registered'));
    assert.equal(registered.verdict, 'ok');
    assert.match(String(registered.headers['octo-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
    const body = JSON.parse(registered.body);
    assert.deepEqual([body.type, body.entityCode, body.mailItem.externalReference, body.mailItem.channel, body.actor.type, body.actor.label], [
      'item.registered', 'PREF69', 'DS-42', 'api', 'api', 'Démarches simplifiées',
    ]);
    assert.equal(registered.headers['octo-delivery'], body.id);

    const indexed = await waitFor('item.status_changed', () => forItem().find((r) => r.headers['octo-event'] === 'item.status_changed'));
    assert.equal(indexed.verdict, 'ok');
    assert.ok(['indexed', 'needs_review'].includes(JSON.parse(indexed.body).mailItem.status));
    const log = await waitFor('both delivered', async () => {
      const rows = (await deliveries(sub.id)).filter((d) => JSON.parse(d.body).mailItem.chrono === chrono);
      return rows.length === 2 && rows.every((d) => d.status === 'delivered') && rows;
    });
    assert.deepEqual(log.map((d) => [d.attempts, d.lastStatusCode]), [[1, 200], [1, 200]]);
    // Indexing ran, and the subject the application declared is still the item's subject.
    const item = await server.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}`, headers: bearer(token) });
    assert.equal(item.statusCode, 200, item.body);
    assert.equal(item.json().subject, 'Demande d’acte de naissance');
  });

  it('retries a failing subscriber with back-off until it answers, and gives up after the configured attempts', async () => {
    subscriber.plan.set('/flaky', [500, 503, 200]);
    subscriber.plan.set('/down', [500]);
    const flaky = await subscribe('/flaky', ['item.registered']);
    const down = await subscribe('/down', ['item.registered']);
    const res = await deposit();
    assert.equal(res.statusCode, 201);
    const flakyLog = await waitFor('flaky delivered', async () => (await deliveries(flaky.id)).find((d) => d.status === 'delivered'));
    assert.deepEqual([flakyLog.attempts, flakyLog.lastStatusCode, flakyLog.lastResponse], [3, 200, 'reçu']);
    const downLog = await waitFor('down failed', async () => (await deliveries(down.id)).find((d) => d.status === 'failed'));
    assert.deepEqual([downLog.attempts, downLog.lastStatusCode, downLog.lastResponse], [3, 500, 'indisponible']);
    // Every attempt was signed afresh and accepted as authentic by the subscriber.
    const flakyRequests = subscriber.received.filter((r) => r.path === '/flaky');
    assert.equal(flakyRequests.length, 3);
    assert.ok(flakyRequests.every((r) => r.verdict === 'ok' && r.headers['octo-delivery'] === flakyLog.id));
    await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/webhooks/${flaky.id}` });
    await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/webhooks/${down.id}` });
  });

  it('lets a subscriber refuse a replayed request by its timestamp, and a tampered body by its signature', async () => {
    const captured = subscriber.received.find((r) => r.path === '/ok' && r.verdict === 'ok')!;
    subscriber.setClockOffset(10 * 60); // the attacker replays it ten minutes later
    const replayed = await subscriber.replay(captured);
    assert.equal(replayed.status, 400);
    assert.match(replayed.body, /too_old/);
    subscriber.setClockOffset(0);
    const tampered = await subscriber.replay({ ...captured, body: captured.body.replace('"PREF69"', '"ARS-ARA"') });
    assert.match(tampered.body, /mismatch/);
    // Octo's own helper agrees with the documented verification.
    const secret = subscriber.secrets.get('/ok')!;
    const header = String(captured.headers['octo-signature']);
    const t0 = Number(/t=(\d+)/.exec(header)![1]);
    assert.deepEqual(verifyWebhookSignature(secret, header, captured.body, t0 + 10), { ok: true, timestamp: t0 });
    assert.deepEqual(verifyWebhookSignature(secret, header, captured.body, t0 + 301), { ok: false, reason: 'too_old' });
    assert.deepEqual(verifyWebhookSignature('whsec_autre', header, captured.body, t0), { ok: false, reason: 'mismatch' });
  });

  it('answers a deposit while a subscriber hangs: notification is never in the way of registration', async () => {
    subscriber.plan.set('/slow', ['hold']);
    const slow = await subscribe('/slow', ['item.registered']);
    const first = await deposit();
    await waitFor('the slow subscriber holding a request', () => subscriber.received.some((r) => r.path === '/slow'));
    const second = await deposit();
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201, 'registered while the subscriber still holds the first notification');
    assert.ok((await deliveries(slow.id)).some((d) => d.status === 'pending'));
    subscriber.releaseHeld();
    await waitFor('slow delivered', async () => (await deliveries(slow.id)).some((d) => d.status === 'delivered'));
    await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/webhooks/${slow.id}` });
  });

  it('refuses non-http URLs and, unless allowed, loopback and private addresses, even behind a name', async () => {
    const ftp = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url: 'ftp://example.org/x', events: ['item.registered'] } });
    assert.equal(ftp.statusCode, 400);
    assert.equal(ftp.json().code, 'REGISTRY_WEBHOOK_URL_INVALID');
    const file = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url: 'file:///etc/passwd', events: ['item.registered'] } });
    assert.equal(file.json().code, 'REGISTRY_WEBHOOK_URL_INVALID');
    const unknownEvent = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url: 'https://example.org/x', events: ['item.deleted'] } });
    assert.equal(unknownEvent.statusCode, 400);
    assert.match(unknownEvent.json().message, /Événement inconnu : item\.deleted/);
    for (const url of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/', 'http://192.168.1.1/', 'http://[::ffff:127.0.0.1]/']) {
      assert.throws(() => checkWebhookUrl(url, false), { code: 'REGISTRY_WEBHOOK_URL_FORBIDDEN' }, url);
    }
    assert.equal(checkWebhookUrl('https://hooks.example.org/octo', false).hostname, 'hooks.example.org');
    // A name that resolves to loopback is refused when connecting, before any byte is sent.
    const before = subscriber.received.length;
    const port = new URL(subscriber.url).port;
    const refused = await sendWebhook(`http://localhost:${port}/ok`, '{}', {}, { timeoutSeconds: 5, allowPrivate: false });
    assert.equal(refused.ok, false);
    assert.match(refused.response, /adresse interne refusée/);
    assert.equal(subscriber.received.length, before);
  });

  it('keeps subscriptions per entity: 404 for another entity’s admin, 403 for a mailroom agent', async () => {
    const otherAdmin = await signInEntityAdmin(t, server, 'ARS-ARA');
    assert.equal((await otherAdmin.inject({ method: 'GET', url: '/api/entities/PREF69/webhooks' })).statusCode, 404);
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const res = await agent.inject({ method: 'POST', url: '/api/entities/PREF69/webhooks', payload: { url: 'https://example.org/x', events: ['item.registered'] } });
    assert.equal(res.statusCode, 403);
    assert.equal((await server.inject({ method: 'GET', url: '/api/entities/PREF69/webhooks' })).statusCode, 401);
  });
});
