import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authPlugin } from '../../../src/platform/auth/auth.plugin.ts';
import { addAbsence, addMembership, createUser } from '../../../src/platform/auth/user.service.ts';
import { TEST_DIALECT } from '../../helpers/test-app.ts';
import { buildAuthServer, cookieHeader, startAuthTestApp, type AuthTestApp } from './auth-test-kit.ts';

const PASSWORD = 'Greffe-Rhône-Quai-2026';

describe(`auth over HTTP (${TEST_DIALECT})`, () => {
  let t: AuthTestApp;
  let server: FastifyInstance;

  before(async () => {
    t = await startAuthTestApp();
    server = await buildAuthServer(t.ctx, { loginAttemptsPerMinute: 1000 });
    const user = await createUser(t.ctx, { email: 'Claire.Martin@pref69.demo', displayName: 'Claire Martin', password: PASSWORD });
    await addMembership(t.ctx, { userId: user.id, role: 'mailroom_agent', entityCode: 'PREF69', serviceCode: 'COURRIER' });
    await createUser(t.ctx, { email: 'lock@pref69.demo', displayName: 'Paul Verrou', password: PASSWORD });
    await createUser(t.ctx, { email: 'expiry@pref69.demo', displayName: 'Jeanne Expire', password: PASSWORD });
    await createUser(t.ctx, { email: 'pwd@pref69.demo', displayName: 'Lucie Change', password: PASSWORD });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

  async function signIn(email: string, password = PASSWORD) {
    const res = await login(email, password);
    assert.equal(res.statusCode, 200, res.body);
    return { cookie: cookieHeader(res, 'octo_session'), csrf: res.json().csrfToken as string };
  }

  it('login sets an HttpOnly, SameSite=Lax session cookie and returns the principal and CSRF token', async () => {
    const res = await login('claire.martin@PREF69.demo ', PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    const cookie = res.cookies.find((c) => c.name === 'octo_session')!;
    assert.ok(cookie, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.ok(!cookie.secure, 'not Secure over plain http');
    assert.ok(cookie.value.length >= 43, 'a 32-byte random token');
    const body = res.json();
    assert.equal(body.principal.email, 'claire.martin@pref69.demo');
    assert.equal(body.principal.isPlatformAdmin, false);
    assert.deepEqual(body.principal.memberships.map((m: { entityCode: string; serviceCode: string; role: string }) => [m.entityCode, m.serviceCode, m.role]), [['PREF69', 'COURRIER', 'mailroom_agent']]);
    assert.match(body.csrfToken, /^[\w-]{43}$/);
    // The database keeps the token's hash, never the token.
    const stored = await t.ctx.db.withTables<{ platform_session: { id: string } }>().selectFrom('platform_session').select('id').execute();
    assert.ok(stored.every((s) => s.id !== cookie.value) && stored.some((s) => /^[0-9a-f]{64}$/.test(s.id)));

    const session = await server.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `octo_session=${cookie.value}` } });
    assert.equal(session.statusCode, 200);
    assert.equal(session.json().csrfToken, body.csrfToken);
  });

  it('answers 401 AUTH_REQUIRED when signed out', async () => {
    for (const url of ['/api/auth/session', '/api/test/whoami']) {
      const res = await server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'AUTH_REQUIRED');
      assert.match(res.json().message, /connecter/);
    }
    const forged = await server.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie: 'octo_session=forged-token' } });
    assert.equal(forged.statusCode, 401);
  });

  it('locks the account after 5 wrong passwords: the right one is refused until the lock ends', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login('lock@pref69.demo', 'Wrong-Password-123');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'AUTH_INVALID_CREDENTIALS');
    }
    const locked = await login('lock@pref69.demo', PASSWORD);
    assert.equal(locked.statusCode, 401, 'right password refused while locked');
    assert.equal(locked.json().code, 'AUTH_INVALID_CREDENTIALS');
    t.clock.advance(14 * 60_000);
    assert.equal((await login('lock@pref69.demo', PASSWORD)).statusCode, 401, 'still locked after 14 minutes');
    t.clock.advance(61_000);
    assert.equal((await login('lock@pref69.demo', PASSWORD)).statusCode, 200, 'unlocked after 15 minutes');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const unknown = await login('personne@pref69.demo', PASSWORD);
    const wrong = await login('pwd@pref69.demo', 'Wrong-Password-123');
    assert.equal(unknown.statusCode, wrong.statusCode);
    assert.deepEqual(unknown.json(), wrong.json());
    assert.equal(unknown.json().code, 'AUTH_INVALID_CREDENTIALS');
    assert.match(unknown.json().message, /Adresse électronique ou mot de passe incorrect/);
    assert.equal(unknown.cookies.length, 0);
    await login('pwd@pref69.demo', PASSWORD); // resets the failure count
  });

  it('CSRF: a POST with a session needs the x-csrf-token of that session', async () => {
    const { cookie, csrf } = await signIn('claire.martin@pref69.demo');
    const post = (headers: Record<string, string>) => server.inject({ method: 'POST', url: '/api/test/echo', headers: { cookie, ...headers }, payload: { value: 'x' } });
    const missing = await post({});
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().code, 'AUTH_CSRF_INVALID');
    assert.equal((await post({ 'x-csrf-token': 'not-the-token' })).statusCode, 403);
    assert.equal((await post({ 'x-csrf-token': `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}` })).statusCode, 403, 'one character off');
    const ok = await post({ 'x-csrf-token': csrf });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { ok: true });
    const crossSite = await post({ 'x-csrf-token': csrf, origin: 'https://evil.example' });
    assert.equal(crossSite.statusCode, 403, 'a cross-origin request is refused even with the token');
    const sameOrigin = await post({ 'x-csrf-token': csrf, origin: 'http://localhost:80' });
    assert.equal(sameOrigin.statusCode, 200, 'same origin (inject uses host localhost:80)');
  });

  it('logout revokes the session (and needs the CSRF token)', async () => {
    const { cookie, csrf } = await signIn('claire.martin@pref69.demo');
    assert.equal((await server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode, 403);
    const out = await server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((c) => c.name === 'octo_session');
    assert.ok(cleared && (cleared.value === '' || (cleared.expires && cleared.expires.getTime() < Date.now())), 'cookie cleared');
    const after = await server.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(after.statusCode, 401, 'the old token no longer works');
  });

  it('sessions expire after 30 idle minutes (sliding) and after 12 hours in any case', async () => {
    const { cookie } = await signIn('expiry@pref69.demo');
    const whoami = () => server.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie } });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(20 * 60_000);
      assert.equal((await whoami()).statusCode, 200, 'activity keeps the session alive');
    }
    t.clock.advance(31 * 60_000);
    assert.equal((await whoami()).statusCode, 401, 'idle for 31 minutes');

    const second = await signIn('expiry@pref69.demo');
    const again = () => server.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie: second.cookie } });
    for (let minutes = 0; minutes < 12 * 60 - 25; minutes += 25) {
      t.clock.advance(25 * 60_000);
      assert.equal((await again()).statusCode, 200);
    }
    t.clock.advance(30 * 60_000);
    assert.equal((await again()).statusCode, 401, 'absolute lifetime of 12 hours');
  });

  it('sends security headers: CSP, nosniff, frame-ancestors / X-Frame-Options, Referrer-Policy', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/auth/providers' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { password: true, oidc: false });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "font-src 'self' data:", "base-uri 'self'"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.ok(!/script-src[^;]*unsafe-inline/.test(csp), 'no inline scripts');
    assert.ok(!csp.includes('upgrade-insecure-requests'), 'no upgrade over plain http');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
  });

  it('changes a password: the policy lists every rule broken in French, the current one is checked', async () => {
    const { cookie, csrf } = await signIn('pwd@pref69.demo');
    const change = (currentPassword: string, newPassword: string) =>
      server.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie, 'x-csrf-token': csrf }, payload: { currentPassword, newPassword } });
    const weak = await change(PASSWORD, 'lucie');
    assert.equal(weak.statusCode, 422);
    const body = weak.json();
    assert.equal(body.code, 'AUTH_PASSWORD_POLICY');
    assert.deepEqual(body.details.rules, ['min_length', 'uppercase', 'digit', 'special', 'personal_info']);
    assert.match(body.message, /^Le mot de passe ne respecte pas la politique de sécurité\. Le mot de passe doit : comporter au moins 12 caractères \(il en compte 5\) ; contenir au moins une lettre majuscule/);
    assert.match(body.message, /ne pas contenir votre nom/);
    const common = await change(PASSWORD, 'Azerty123456!');
    assert.deepEqual(common.json().details.rules, ['common']);
    assert.equal((await change('Not-The-Current-1', 'Marne-Saône-Pont-2027')).json().code, 'AUTH_PASSWORD_CURRENT_INVALID');
    assert.equal((await change(PASSWORD, 'Marne-Saône-Pont-2027')).statusCode, 204);
    assert.equal((await server.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie } })).statusCode, 200, 'this session stays');
    assert.equal((await login('pwd@pref69.demo', PASSWORD)).statusCode, 401);
    assert.equal((await login('pwd@pref69.demo', 'Marne-Saône-Pont-2027')).statusCode, 200);
  });

  it('answers 404 for the mail of an entity where the agent has no role, and lets a substitute act during an absence', async () => {
    const absent = await createUser(t.ctx, { email: 'chef.sejour@pref69.demo', displayName: 'Anne Absente', password: PASSWORD });
    await addMembership(t.ctx, { userId: absent.id, role: 'head_of_service', entityCode: 'PREF69', serviceCode: 'DMI-SEJOUR' });
    const substitute = await createUser(t.ctx, { email: 'suppleant@pref69.demo', displayName: 'Simon Supplée', password: PASSWORD });
    await addMembership(t.ctx, { userId: substitute.id, role: 'auditor', entityCode: 'PREF69' });
    const { cookie } = await signIn('suppleant@pref69.demo');
    const mail = (code: string) => server.inject({ method: 'GET', url: `/api/test/entities/${code}/mail`, headers: { cookie } });
    const foreign = await mail('ARS-ARA');
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().code, 'REGISTRY_ENTITY_NOT_FOUND');
    assert.deepEqual((await mail('PREF69')).json(), { roles: ['auditor'] });

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(t.clock.now());
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(t.clock.now().getTime() + 86_400_000));
    await addAbsence(t.ctx, { userId: absent.id, substituteUserId: substitute.id, entityCode: 'PREF69', startsOn: tomorrow, endsOn: tomorrow });
    assert.deepEqual((await mail('PREF69')).json(), { roles: ['auditor'] }, 'not before the absence starts');
    await addAbsence(t.ctx, { userId: absent.id, substituteUserId: substitute.id, entityCode: 'PREF69', startsOn: today, endsOn: today });
    const session = (await server.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json();
    const delegated = session.principal.memberships.find((m: { role: string }) => m.role === 'head_of_service');
    assert.equal(delegated.serviceCode, 'DMI-SEJOUR');
    assert.deepEqual(delegated.viaDelegationFrom.userId, absent.id);
    assert.equal(delegated.viaDelegationFrom.displayName, 'Anne Absente');
    t.clock.advance(2 * 86_400_000);
    const later = (await signIn('suppleant@pref69.demo')).cookie;
    const afterwards = (await server.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: later } })).json();
    assert.deepEqual(afterwards.principal.memberships.map((m: { role: string }) => m.role), ['auditor'], 'the delegation ends with the absence');
  });
});

describe(`auth over HTTPS and rate limiting (${TEST_DIALECT})`, () => {
  let t: AuthTestApp;
  before(async () => {
    t = await startAuthTestApp();
    await createUser(t.ctx, { email: 'agent@ars-ara.demo', displayName: 'Julien Morel', password: PASSWORD });
  });
  after(() => t?.close());

  it('uses a Secure __Host- cookie, HSTS and upgrade-insecure-requests when served over https', async () => {
    const server = await buildAuthServer(t.ctx, { config: { publicUrl: 'https://courrier.example.gouv.fr', oidcScopes: 'openid', oidcIdTokenSignedResponseAlg: 'RS256' } });
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'agent@ars-ara.demo', password: PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const cookie = res.cookies.find((c) => c.name === '__Host-octo_session')!;
    assert.ok(cookie);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.path, '/');
    assert.equal(cookie.domain, undefined);
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
    await server.close();
  });

  it('mounted on the root instance, also protects the single-page application’s pages', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await authPlugin(app, t.ctx);
    app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><title>Octo</title>'));
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    await app.close();
  });

  it('rate-limits the login route per client address', async () => {
    const server = await buildAuthServer(t.ctx, { loginAttemptsPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.fr', password: 'nope' } })).statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429]);
    const limited = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.fr', password: 'nope' } });
    assert.equal(limited.json().code, 'AUTH_RATE_LIMITED');
    assert.match(limited.json().message, /Trop de tentatives/);
    await server.close();
  });
});
