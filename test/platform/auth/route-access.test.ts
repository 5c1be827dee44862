import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../../src/capture/index.ts';
import { corpusFile, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

/**
 * Entity isolation, walked over every route the API declares (OpenAPI), so that a route added
 * later is covered without touching this test: signed out, every non-public route answers 401;
 * an agent holding every role of another entity gets 403/404 on each of PREF69's routes, with
 * PREF69's real chrono, document and quarantine ids in the path.
 */
const PUBLIC_ROUTES = [/^\/api\/auth\//, /^\/api\/public\//];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe(`every route refuses the signed-out and the foreign agent (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let foreign: SignedInAgent;
  let owner: SignedInAgent;
  let routes: Array<{ method: string; path: string }>;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    const item = await ingestFile(t.app.ctx, 'PREF69', 'upload', {
      filename: 'lettre.pdf',
      bytes: await corpusFile('pdf/maarch-courrier-entrant-demandes-interventions.pdf'),
    });
    const quarantined = await ingestFile(t.app.ctx, 'PREF69', 'upload', { filename: 'vide.pdf', bytes: Buffer.alloc(0) });
    ids.code = 'PREF69';
    ids.chrono = item.item!.chrono;
    ids.id = quarantined.quarantine!.id;
    ids.serviceCode = 'SGCD';
    const roles = ['mailroom_agent', 'entity_admin', 'auditor'] as const;
    foreign = await signInAgent(t.app, server, [
      ...roles.map((role) => ({ entityCode: 'ARS-ARA', role })),
      { entityCode: 'ARS-ARA', role: 'head_of_service' as const, serviceCode: 'AUTO' },
    ]);
    owner = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'mailroom_agent' }]);
    const detail = await owner.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${ids.chrono}` });
    ids.documentId = detail.json().documents[0].id;
    const spec = server.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method]).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  after(() => t?.close());

  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? 'x'));

  it('knows the routes it walks (the mail routes are among them)', () => {
    assert.ok(ids.documentId, 'the registered item has a document');
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'GET /api/entities/{code}/mail-items',
      'POST /api/entities/{code}/mail-items',
      'GET /api/entities/{code}/documents/{documentId}/original',
      'GET /api/entities/{code}/search',
      'GET /api/entities/{code}/quarantine/{id}/original',
      'GET /api/statistics',
    ]) {
      assert.ok(paths.includes(expected), `${expected} missing from ${paths.join(', ')}`);
    }
  });

  it('answers 401 to every non-public route when signed out', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      if (PUBLIC_ROUTES.some((pattern) => pattern.test(route.path))) continue;
      const res = await server.inject({ method: route.method as 'GET', url: fill(route.path), payload: route.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401) refused.push(`${route.method} ${route.path} → ${res.statusCode}`);
      else assert.equal(res.json().code, 'AUTH_REQUIRED');
    }
    assert.deepEqual(refused, []);
  });

  it('answers 403 or 404 to an agent of another entity on every route of PREF69', async () => {
    const leaks: string[] = [];
    for (const route of routes) {
      if (!route.path.startsWith('/api/entities/{code}')) continue;
      const res = await foreign.inject({ method: route.method as 'GET', url: fill(route.path), payload: route.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 403 && res.statusCode !== 404) leaks.push(`${route.method} ${route.path} → ${res.statusCode}`);
      if (res.body.includes(ids.chrono!)) leaks.push(`${route.method} ${route.path} shows the chrono`);
    }
    assert.deepEqual(leaks, []);
  });

  it('lets the owner entity’s agent read what the foreign agent could not (the walk is not vacuous)', async () => {
    for (const url of [`/api/entities/PREF69/mail-items/${ids.chrono}`, `/api/entities/PREF69/documents/${ids.documentId}/original`]) {
      assert.equal((await owner.inject({ method: 'GET', url })).statusCode, 200, url);
      assert.equal((await foreign.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    const search = await foreign.inject({ method: 'GET', url: '/api/entities/ARS-ARA/search?q=interventions' });
    assert.equal(search.statusCode, 200);
    assert.equal(search.json().total, 0, 'a search in its own entity never returns another entity’s mail');
  });

  it('does not let a platform administrator read mail without a role in the entity', async () => {
    const admin = await signInAgent(t.app, server, [{ role: 'platform_admin' }]);
    assert.equal((await admin.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${ids.chrono}` })).statusCode, 404);
    assert.equal((await admin.inject({ method: 'GET', url: '/api/statistics' })).statusCode, 200);
    assert.equal((await owner.inject({ method: 'GET', url: '/api/statistics' })).statusCode, 403);
  });
});
