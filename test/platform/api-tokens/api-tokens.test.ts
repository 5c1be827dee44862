import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveBearerPrincipal } from '../../../src/platform/api-tokens/index.ts';
import { requireEntityPermission } from '../../../src/platform/auth/permissions.ts';
import { corpusFile, mailroomOf, manualClock, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';
import { bearer, createToken, multipart, signInEntityAdmin } from './kit.ts';

describe(`API tokens (${TEST_DIALECT})`, () => {
  const clock = manualClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let letter: Buffer;

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    admin = await signInEntityAdmin(t, server);
    letter = await corpusFile('pdf/maarchparaph-etat_civil.pdf');
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('shows a token once at creation, keeps only its hash, and lists it by prefix without the secret', async () => {
    const created = await createToken(admin, 'PREF69', { name: 'Démarches simplifiées', scopes: ['deposit', 'read'], expiresOn: '2026-12-31' });
    assert.match(created.token, /^octo_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    assert.ok(created.token.startsWith(`${created.prefix}_`));
    const list = await admin.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens' });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(created.token.slice(14)), 'the secret part is never listed');
    const view = list.json().tokens.find((tk: { id: string }) => tk.id === created.id);
    assert.deepEqual([view.name, view.scopes, view.state, view.createdBy], ['Démarches simplifiées', ['deposit', 'read'], 'active', 'Admin PREF69']);
    // Valid through the last day, Paris time (CET in December: 23:00 UTC).
    assert.equal(view.expiresAt, '2026-12-31T23:00:00.000Z');
    const rows = await t.app.ctx.db.selectFrom('platform_api_token').selectAll().execute();
    assert.ok(rows.every((r) => !Object.values(r).includes(created.token)));
    assert.ok(rows.some((r) => /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  it('lets only the entity admin manage tokens: 401 signed out, 403 for a mailroom agent, 404 for another entity’s admin', async () => {
    const signedOut = await server.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens' });
    assert.equal(signedOut.statusCode, 401);
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    // A member whose role cannot: 403 (the entity is theirs); another entity: 404.
    assert.equal((await agent.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens' })).statusCode, 403);
    const otherAdmin = await signInEntityAdmin(t, server, 'ARS-ARA');
    const res = await otherAdmin.inject({ method: 'POST', url: '/api/entities/PREF69/api-tokens', payload: { name: 'X', scopes: ['deposit'] } });
    assert.equal(res.statusCode, 404);
    const bad = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/api-tokens', payload: { name: 'X', scopes: ['admin'] } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'PLATFORM_VALIDATION_FAILED');
  });

  it('deposits with a Bearer token and no CSRF header; the audit names the application; last use is recorded', async () => {
    const { token, id } = await createToken(admin, 'PREF69', { name: 'Portail des aides', scopes: ['deposit'] });
    const res = await server.inject({
      method: 'POST',
      url: '/api/entities/PREF69/mail-items',
      ...withBearer(multipart([{ name: 'demande.pdf', bytes: letter }], { channel: 'api' }), token),
    });
    assert.equal(res.statusCode, 201, res.body);
    const item = res.json().results[0].item;
    assert.equal(item.channel, 'api');
    const audit = await t.app.ctx.db.selectFrom('platform_audit').selectAll().where('action', '=', 'registry.mail_item.registered').where('subject_id', '=', item.id).executeTakeFirstOrThrow();
    assert.deepEqual([audit.actor_type, audit.actor_label, audit.actor_id], ['api', 'Portail des aides', id]);
    const row = await t.app.ctx.db.selectFrom('platform_api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.last_used_at, clock.now().toISOString());
  });

  it('gives the token’s entity only the permissions of its scopes, and nothing elsewhere', async () => {
    const deposit = await createToken(admin, 'PREF69', { name: 'Dépôt seul', scopes: ['deposit'] });
    const reader = await createToken(admin, 'PREF69', { name: 'Lecture seule', scopes: ['read'] });
    const depositPrincipal = await resolveBearerPrincipal(t.app.ctx, `Bearer ${deposit.token}`);
    assert.ok(requireEntityPermission({ principal: depositPrincipal }, 'PREF69', 'register'));
    assert.throws(() => requireEntityPermission({ principal: depositPrincipal }, 'PREF69', 'read'), { code: 'AUTH_FORBIDDEN' });
    assert.throws(() => requireEntityPermission({ principal: depositPrincipal }, 'PREF69', 'admin'), { code: 'AUTH_FORBIDDEN' });
    assert.throws(() => requireEntityPermission({ principal: depositPrincipal }, 'ARS-ARA', 'register'), { code: 'REGISTRY_ENTITY_NOT_FOUND' });
    const readerPrincipal = await resolveBearerPrincipal(t.app.ctx, `bearer ${reader.token}`);
    assert.ok(requireEntityPermission({ principal: readerPrincipal }, 'PREF69', 'read'));
    assert.throws(() => requireEntityPermission({ principal: readerPrincipal }, 'PREF69', 'register'), { code: 'AUTH_FORBIDDEN' });
    // Over HTTP, a token never administers: the token routes answer 403 as to any non-admin member.
    const res = await server.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens', headers: bearer(deposit.token) });
    assert.equal(res.statusCode, 403);
  });

  it('refuses a wrong, revoked or expired token with a 401 that says which', async () => {
    const wrong = await server.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens', headers: bearer('octo_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, 'AUTH_API_TOKEN_INVALID');
    assert.match(wrong.json().message, /Jeton d’API invalide/);
    const garbage = await server.inject({ method: 'GET', url: '/api/entities', headers: bearer('n’importe quoi') });
    assert.equal(garbage.json().code, 'AUTH_API_TOKEN_INVALID');

    const revoked = await createToken(admin, 'PREF69', { name: 'Ancienne application', scopes: ['deposit'] });
    const revoke = await admin.inject({ method: 'POST', url: `/api/entities/PREF69/api-tokens/${revoked.id}/revoke` });
    assert.equal(revoke.statusCode, 200);
    assert.equal(revoke.json().state, 'revoked');
    const again = await admin.inject({ method: 'POST', url: `/api/entities/PREF69/api-tokens/${revoked.id}/revoke` });
    assert.equal(again.statusCode, 409);
    const afterRevoke = await server.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...withBearer(multipart([{ name: 'a.pdf', bytes: letter }]), revoked.token) });
    assert.equal(afterRevoke.statusCode, 401);
    assert.equal(afterRevoke.json().code, 'AUTH_API_TOKEN_REVOKED');
    assert.match(afterRevoke.json().message, /révoqué/);

    // 30 February is refused as such, never rolled over to 2 March (new-user test).
    const impossible = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/api-tokens', payload: { name: 'Date fausse', scopes: ['deposit'], expiresOn: '2027-02-30' } });
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.json().message, /« 2027-02-30 » invalide : cette date n’existe pas/);
    const expiring = await createToken(admin, 'PREF69', { name: 'Essai limité', scopes: ['deposit'], expiresOn: '2026-03-05' });
    clock.set('2026-03-05T22:59:00Z'); // still 5 March in Paris
    assert.equal((await resolveBearerPrincipal(t.app.ctx, `Bearer ${expiring.token}`)).displayName, 'Essai limité');
    clock.set('2026-03-05T23:00:00Z');
    admin = await signInEntityAdmin(t, server); // the earlier session timed out meanwhile
    const expired = await server.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...withBearer(multipart([{ name: 'a.pdf', bytes: letter }]), expiring.token) });
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().code, 'AUTH_API_TOKEN_EXPIRED');
    const listed = (await admin.inject({ method: 'GET', url: '/api/entities/PREF69/api-tokens' })).json().tokens;
    assert.equal(listed.find((tk: { id: string }) => tk.id === expiring.id).state, 'expired');
  });

  it('still checks CSRF on a Bearer request that carries a session cookie', async () => {
    const { token } = await createToken(admin, 'PREF69', { name: 'Mixte', scopes: ['deposit'] });
    const body = multipart([{ name: 'a.pdf', bytes: letter }]);
    const res = await server.inject({
      method: 'POST',
      url: '/api/entities/PREF69/mail-items',
      payload: body.payload,
      headers: { ...body.headers, ...bearer(token), cookie: admin.headers.cookie },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'AUTH_CSRF_INVALID');
  });
});

function withBearer(body: { payload: Buffer; headers: Record<string, string> }, token: string) {
  return { payload: body.payload, headers: { ...body.headers, ...bearer(token) } };
}
