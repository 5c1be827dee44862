import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { corpusFile, manualClock, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { bearer, createToken, multipart, signInEntityAdmin } from './kit.ts';

describe(`idempotent deposit (${TEST_DIALECT})`, () => {
  const clock = manualClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let server: FastifyInstance;
  let token: string;
  let otherToken: string;
  let letter: Buffer;
  let otherLetter: Buffer;

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    const admin = await signInEntityAdmin(t, server);
    token = (await createToken(admin, 'PREF69', { name: 'Démarches simplifiées', scopes: ['deposit', 'read'] })).token;
    otherToken = (await createToken(admin, 'PREF69', { name: 'Autre application', scopes: ['deposit'] })).token;
    letter = await corpusFile('pdf/maarchparaph-etat_civil.pdf');
    otherLetter = await corpusFile('pdf/maarchparaph-demande_subvention.pdf');
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  const deposit = (key: string | null, bytes: Buffer, fields: Record<string, string> = {}, as = token) => {
    const body = multipart([{ name: 'dossier.pdf', bytes }], { channel: 'api', ...fields });
    return server.inject({
      method: 'POST',
      url: '/api/entities/PREF69/mail-items',
      payload: body.payload,
      headers: { ...body.headers, ...bearer(as), ...(key ? { 'idempotency-key': key } : {}) },
    });
  };
  const itemCount = async () => Number((await t.app.ctx.db.selectFrom('registry_mail_item').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('replays the first answer to a retry with the same key and registers nothing new', async () => {
    const before = await itemCount();
    const first = await deposit('dossier-2026-0001', letter, { externalReference: 'DS-0001' });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const retry = await deposit('dossier-2026-0001', letter, { externalReference: 'DS-0001' });
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retry.json(), first.json());
    assert.equal(await itemCount(), before + 1);
    // The key belongs to its token: another application's same key is its own deposit.
    const other = await deposit('dossier-2026-0001', letter, { externalReference: 'DS-0001' }, otherToken);
    assert.equal(other.statusCode, 201);
    assert.equal(other.headers['idempotent-replayed'], undefined);
    assert.notEqual(other.json().results[0].item.chrono, first.json().results[0].item.chrono);
  });

  it('refuses the same key with another payload (409, in French) and registers nothing', async () => {
    await deposit('dossier-2026-0002', letter, { subject: 'Demande de copie d’acte' });
    const before = await itemCount();
    for (const [bytes, fields] of [[otherLetter, { subject: 'Demande de copie d’acte' }], [letter, { subject: 'Autre objet' }]] as const) {
      const res = await deposit('dossier-2026-0002', bytes, fields);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'PLATFORM_IDEMPOTENCY_KEY_REUSED');
      assert.match(res.json().message, /déjà servi pour une requête différente/);
    }
    assert.equal(await itemCount(), before);
  });

  it('resolves concurrent duplicates to one registration, every caller getting the same item', async () => {
    const before = await itemCount();
    const answers = await Promise.all(Array.from({ length: 6 }, () => deposit('dossier-2026-0003', letter)));
    assert.deepEqual(answers.map((a) => a.statusCode), Array(6).fill(201));
    assert.equal(new Set(answers.map((a) => a.json().results[0].item.chrono)).size, 1);
    assert.equal(answers.filter((a) => a.headers['idempotent-replayed'] === 'true').length, 5);
    assert.equal(await itemCount(), before + 1);
  });

  it('forgets a key after 24 hours', async () => {
    const first = await deposit('dossier-2026-0004', letter);
    clock.set('2026-03-03T09:00:01Z');
    const later = await deposit('dossier-2026-0004', letter);
    assert.equal(later.statusCode, 201);
    assert.equal(later.headers['idempotent-replayed'], undefined);
    assert.notEqual(later.json().results[0].item.chrono, first.json().results[0].item.chrono);
  });

  it('frees the key when the request is refused, and refuses a malformed key', async () => {
    const bad = await deposit('dossier-2026-0005', letter, { requestTypeCode: 'INCONNU' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /Type de demande inconnu dans cette entité : INCONNU/);
    const fixed = await deposit('dossier-2026-0005', letter, { requestTypeCode: 'DEMANDE' });
    assert.equal(fixed.statusCode, 201, fixed.body);
    const malformed = await deposit('clé avec espaces', letter);
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, 'PLATFORM_IDEMPOTENCY_KEY_INVALID');
  });

  it('keeps what the application declared: reference, sender, subject, request type (qualified at once)', async () => {
    const res = await deposit('dossier-2026-0006', letter, {
      externalReference: 'DS-2026-123456',
      senderName: 'Camille Durand',
      senderAddress: 'camille.durand@example.org',
      subject: 'Demande de subvention associative',
      requestTypeCode: 'DEMANDE',
    });
    assert.equal(res.statusCode, 201, res.body);
    const item = res.json().results[0].item;
    assert.deepEqual([item.externalReference, item.senderName, item.senderAddress, item.subject, item.channel], [
      'DS-2026-123456', 'Camille Durand', 'camille.durand@example.org', 'Demande de subvention associative', 'api',
    ]);
    const row = await t.app.ctx.db.selectFrom('registry_mail_item').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    assert.ok(row.request_type_id, 'qualified with the declared request type');
    assert.ok(row.implicit_decision_date, 'its legal deadline computed');
    const tooLong = await deposit(null, letter, { subject: 'x'.repeat(501) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.json().message, /Champ « objet »/);
  });
});
