import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { loadAuthConfig } from '../../../src/platform/auth/auth-config.ts';
import { addMembership, createUser, setUserStatus } from '../../../src/platform/auth/user.service.ts';
import { TEST_DIALECT } from '../../helpers/test-app.ts';
import { buildAuthServer, cookieHeader, startAuthTestApp, type AuthTestApp } from './auth-test-kit.ts';

// A local OpenID Connect provider (oidc-provider) shaped like ProConnect: scopes named after
// their claims (email, given_name, usual_name, uid, siret), client_secret_post, signed userinfo.
// It is a stand-in for tests, not ProConnect.
const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/oidc/callback'; // Octo is driven by inject: never dialled
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'sub-claire': { email: 'Claire.Dupont@ars-ara.demo', given_name: 'Claire', usual_name: 'Dupont', uid: 'ars-4242', siret: '13000548100010' },
  'sub-stranger': { email: 'inconnu@ars-ara.demo', given_name: 'Jean', usual_name: 'Inconnu', uid: 'ars-1', siret: '13000548100010' },
  'sub-unverified': { email: 'non.verifie@ars-ara.demo', email_verified: false, given_name: 'Nina', usual_name: 'Verif', uid: 'x', siret: '1' },
  'sub-disabled': { email: 'desactive@ars-ara.demo', given_name: 'Dan', usual_name: 'Off', uid: 'y', siret: '1' },
};

async function startProvider(): Promise<{ issuer: string; close(): Promise<void> }> {
  const httpServer = http.createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'octo-test',
        client_secret: 'octo-test-secret-0123456789abcdef',
        redirect_uris: [REDIRECT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    scopes: ['openid', 'email', 'given_name', 'usual_name', 'uid', 'siret'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], given_name: ['given_name'], usual_name: ['usual_name'], uid: ['uid'], siret: ['siret'] },
    features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['octo-test-cookie-key'] },
    async findAccount(_ctx: unknown, id: string) {
      const claims = ACCOUNTS[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  } as never);
  httpServer.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => httpServer.close(() => resolve())),
  };
}

/** Follows the provider's redirects and fills its login and consent forms like a browser would. */
async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(REDIRECT_URI.split('?')[0]!)) return new URL(url);
    const res = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, html.slice(0, 500));
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(action && prompt, `a form at step ${step}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt });
  }
  throw new Error('too many steps at the provider');
}

describe(`OIDC sign-in against a local provider (${TEST_DIALECT})`, () => {
  let t: AuthTestApp;
  let provider: { issuer: string; close(): Promise<void> };
  let server: FastifyInstance;

  before(async () => {
    provider = await startProvider();
    t = await startAuthTestApp();
    const config = loadAuthConfig({
      OCTO_OIDC_ISSUER: provider.issuer,
      OCTO_OIDC_CLIENT_ID: 'octo-test',
      OCTO_OIDC_CLIENT_SECRET: 'octo-test-secret-0123456789abcdef',
      OCTO_OIDC_REDIRECT_URI: REDIRECT_URI,
      OCTO_OIDC_USERINFO_SIGNED_RESPONSE_ALG: 'RS256',
    });
    server = await buildAuthServer(t.ctx, { config });
    const claire = await createUser(t.ctx, { email: 'claire.dupont@ars-ara.demo', displayName: 'Claire Dupont' });
    await addMembership(t.ctx, { userId: claire.id, role: 'service_agent', entityCode: 'ARS-ARA', serviceCode: 'AUTO' });
    await createUser(t.ctx, { email: 'non.verifie@ars-ara.demo', displayName: 'Nina Verif' });
    const disabled = await createUser(t.ctx, { email: 'desactive@ars-ara.demo', displayName: 'Dan Off' });
    await setUserStatus(t.ctx, disabled.id, 'disabled');
  });
  after(async () => {
    await server?.close();
    await t?.close();
    await provider?.close();
  });

  async function runFlow(accountId: string, returnTo = '/courriers') {
    const start = await server.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
    assert.equal(start.statusCode, 302, start.body);
    const authorizationUrl = new URL(String(start.headers.location));
    assert.equal(authorizationUrl.origin, provider.issuer);
    assert.equal(authorizationUrl.searchParams.get('scope'), 'openid email given_name usual_name');
    assert.equal(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorizationUrl.searchParams.get('state') && authorizationUrl.searchParams.get('nonce'));
    const flowCookie = start.cookies.find((c) => c.name === 'octo_oidc')!;
    assert.equal(flowCookie.httpOnly, true);
    const callback = await signInAtProvider(authorizationUrl.href, accountId);
    assert.ok(callback.searchParams.get('code'));
    return server.inject({ method: 'GET', url: `/api/auth/oidc/callback${callback.search}`, headers: { cookie: `octo_oidc=${flowCookie.value}` } });
  }

  it('start → provider login and consent → callback → session, linked by e-mail to the account an admin created', async () => {
    const res = await runFlow('sub-claire');
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/courriers');
    const cookie = cookieHeader(res, 'octo_session');
    const session = await server.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    assert.equal(session.statusCode, 200);
    const body = session.json();
    assert.equal(body.authMethod, 'oidc');
    assert.equal(body.principal.email, 'claire.dupont@ars-ara.demo');
    assert.deepEqual(body.principal.memberships.map((m: { entityCode: string; serviceCode: string; role: string }) => [m.entityCode, m.serviceCode, m.role]), [['ARS-ARA', 'AUTO', 'service_agent']]);
    const linked = await t.ctx.db.withTables<{ platform_user: { email: string; oidc_issuer: string | null; oidc_subject: string | null } }>()
      .selectFrom('platform_user').select(['oidc_issuer', 'oidc_subject']).where('email', '=', 'claire.dupont@ars-ara.demo').executeTakeFirstOrThrow();
    assert.deepEqual(linked, { oidc_issuer: provider.issuer, oidc_subject: 'sub-claire' });
    // Second sign-in: found by (issuer, sub).
    const again = await runFlow('sub-claire', '//evil.example/');
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/', 'an external return address is replaced by /');
  });

  it('refuses an e-mail without account, an unverified e-mail and a disabled account, with a French reason', async () => {
    for (const [account, code] of [['sub-stranger', 'AUTH_OIDC_UNKNOWN_USER'], ['sub-unverified', 'AUTH_OIDC_EMAIL_UNVERIFIED'], ['sub-disabled', 'AUTH_ACCOUNT_DISABLED']] as const) {
      const res = await runFlow(account);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/connexion?erreur=${code}`);
      assert.ok(!res.cookies.some((c) => c.name === 'octo_session' && c.value), 'no session');
    }
    const { ERROR_CATALOGUE } = await import('../../../src/platform/errors.ts');
    assert.match(ERROR_CATALOGUE.AUTH_OIDC_UNKNOWN_USER.fr, /Aucun compte Octo/);
  });

  it('refuses a callback without its flow cookie, or replayed', async () => {
    const start = await server.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const callback = await signInAtProvider(String(start.headers.location), 'sub-claire');
    const noCookie = await server.inject({ method: 'GET', url: `/api/auth/oidc/callback${callback.search}` });
    assert.equal(noCookie.headers.location, '/connexion?erreur=AUTH_OIDC_FAILED');
    const flow = `octo_oidc=${start.cookies.find((c) => c.name === 'octo_oidc')!.value}`;
    const tampered = new URLSearchParams(callback.search);
    tampered.set('state', 'forged-state');
    const forged = await server.inject({ method: 'GET', url: `/api/auth/oidc/callback?${tampered}`, headers: { cookie: flow } });
    assert.equal(forged.headers.location, '/connexion?erreur=AUTH_OIDC_FAILED');
    const replay = await server.inject({ method: 'GET', url: `/api/auth/oidc/callback${callback.search}`, headers: { cookie: flow } });
    assert.equal(replay.headers.location, '/connexion?erreur=AUTH_OIDC_FAILED', 'a flow is used once');
  });

  it('answers 404 AUTH_OIDC_DISABLED when OIDC is not configured', async () => {
    const plain = await buildAuthServer(t.ctx);
    const res = await plain.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'AUTH_OIDC_DISABLED');
    await plain.close();
  });
});
