import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { manualClock, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

describe(`administration by HTTP: agents, roles, absences, services, entities (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let otherAdmin: SignedInAgent;
  const clock = manualClock('2026-03-02T09:00:00Z');

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    admin = await signInAgent(t.app, server, [{ entityCode: 'DREAL-ARA', role: 'entity_admin' }], { displayName: 'Isabelle Faure' });
    otherAdmin = await signInAgent(t.app, server, [{ entityCode: 'ARS-ARA', role: 'entity_admin' }]);
  });
  after(() => t?.close());

  it('creates an agent with a role in a service, who can then sign in and sees that entity only', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/entities/DREAL-ARA/agents',
      payload: { email: 'Paul.Martin@dreal-ara.test', displayName: 'Paul Martin', role: 'service_agent', serviceCode: 'ICPE', password: 'Un-Mot-De-Passe-Solide-2026' },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().email, 'paul.martin@dreal-ara.test');
    assert.deepEqual(created.json().memberships, [{ entityCode: 'DREAL-ARA', serviceCode: 'ICPE', role: 'service_agent' }]);
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'paul.martin@dreal-ara.test', password: 'Un-Mot-De-Passe-Solide-2026' } });
    assert.equal(login.statusCode, 200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const entities = await server.inject({ method: 'GET', url: '/api/entities', headers: { cookie } });
    const mine = entities.json().entities.filter((e: { myRoles: string[] }) => e.myRoles.length > 0).map((e: { code: string }) => e.code);
    assert.deepEqual(mine, ['DREAL-ARA']);
  });

  it('refuses a weak password with the ANSSI rules, in French, and creates nothing', async () => {
    const res = await admin.inject({ method: 'POST', url: '/api/entities/DREAL-ARA/agents', payload: { email: 'faible@dreal-ara.test', displayName: 'Faible', role: 'mailroom_agent', password: 'azerty' } });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().message, /politique de sécurité/);
    const list = await admin.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/agents' });
    assert.ok(!list.json().agents.some((a: { email: string }) => a.email === 'faible@dreal-ara.test'));
  });

  it('records a dated absence; during it the substitute holds the absent agent’s roles', async () => {
    const substitute = await admin.inject({ method: 'POST', url: '/api/entities/DREAL-ARA/agents', payload: { email: 'suppleant@dreal-ara.test', displayName: 'Léa Suppléante', role: 'mailroom_agent' } });
    assert.equal(substitute.statusCode, 201);
    const absence = await admin.inject({
      method: 'POST',
      url: '/api/entities/DREAL-ARA/absences',
      payload: { absentEmail: 'paul.martin@dreal-ara.test', substituteEmail: 'suppleant@dreal-ara.test', from: '2026-03-02', to: '2026-03-06' },
    });
    assert.equal(absence.statusCode, 201, absence.body);
    const list = (await admin.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/absences' })).json().absences;
    assert.equal(list.length, 1);
    assert.equal(list[0].absent.displayName, 'Paul Martin');
    assert.equal(list[0].current, true);
    const backwards = await admin.inject({
      method: 'POST',
      url: '/api/entities/DREAL-ARA/absences',
      payload: { absentEmail: 'paul.martin@dreal-ara.test', substituteEmail: 'suppleant@dreal-ara.test', from: '2026-03-06', to: '2026-03-02' },
    });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.json().message, /fin précède/);
  });

  it('adds a service under a parent, refused to another entity’s admin (404) and to an agent of the entity (403)', async () => {
    const added = await admin.inject({ method: 'POST', url: '/api/entities/DREAL-ARA/services', payload: { code: 'icpe-nord', name: 'ICPE — unité Nord', parentCode: 'ICPE' } });
    assert.equal(added.statusCode, 201, added.body);
    assert.deepEqual(added.json(), { code: 'ICPE-NORD', name: 'ICPE — unité Nord', parentCode: 'ICPE' });
    const foreign = await otherAdmin.inject({ method: 'POST', url: '/api/entities/DREAL-ARA/services', payload: { code: 'X', name: 'X' } });
    assert.equal(foreign.statusCode, 404);
    const agent = await signInAgent(t.app, server, [{ entityCode: 'DREAL-ARA', role: 'mailroom_agent' }]);
    assert.equal((await agent.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/agents' })).statusCode, 403);
  });

  it('lets only a platform admin create an entity', async () => {
    const refused = await admin.inject({ method: 'POST', url: '/api/platform/entities', payload: { code: 'DDT69', name: 'Direction départementale des territoires du Rhône' } });
    assert.equal(refused.statusCode, 403);
    const platform = await signInAgent(t.app, server, [{ role: 'platform_admin' }]);
    const created = await platform.inject({ method: 'POST', url: '/api/platform/entities', payload: { code: 'DDT69', name: 'Direction départementale des territoires du Rhône' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().code, 'DDT69');
  });

  it('disables an agent, whose sessions end at once', async () => {
    const target = await signInAgent(t.app, server, [{ entityCode: 'DREAL-ARA', role: 'mailroom_agent' }]);
    const before = await server.inject({ method: 'GET', url: '/api/auth/session', headers: target.headers });
    assert.equal(before.statusCode, 200);
    const res = await admin.inject({ method: 'POST', url: `/api/entities/DREAL-ARA/agents/${target.userId}/status`, payload: { status: 'disabled' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'disabled');
    assert.equal((await server.inject({ method: 'GET', url: '/api/auth/session', headers: target.headers })).statusCode, 401);
  });
});
