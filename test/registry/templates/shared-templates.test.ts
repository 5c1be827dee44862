import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

describe(`registry: acknowledgement templates shared across entities (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let pref: SignedInAgent;
  let ars: SignedInAgent;
  const text = { subject: 'Votre demande n° {{chrono}}', body: 'Madame, Monsieur,\n\nVotre demande est bien arrivée à la préfecture.\n\n{{mentions_obligatoires}}\n\nLe préfet' };
  const templatesOf = async (agent: SignedInAgent, entity: string) => (await agent.inject({ method: 'GET', url: `/api/entities/${entity}/ack-templates` })).json().templates as Array<{ kind: string; channel: string; subject: string; body: string; shared: boolean }>;

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    // Templates are the entity admins' to edit and share.
    pref = await signInAgent(t.app, server, [...mailroomOf('PREF69'), { entityCode: 'PREF69', role: 'entity_admin' }]);
    ars = await signInAgent(t.app, server, [...mailroomOf('ARS-ARA'), { entityCode: 'ARS-ARA', role: 'entity_admin' }]);
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('shares an entity’s text: the others see it, copy it, and then edit only their copy', async () => {
    assert.equal((await pref.inject({ method: 'PUT', url: '/api/entities/PREF69/ack-templates/sva', payload: { channel: 'letter', ...text } })).statusCode, 200);
    assert.deepEqual((await ars.inject({ method: 'GET', url: '/api/entities/ARS-ARA/shared-templates' })).json().templates, []);
    const shared = await pref.inject({ method: 'PUT', url: '/api/entities/PREF69/ack-templates/sva/sharing', payload: { channel: 'letter', shared: true } });
    assert.equal(shared.statusCode, 200, shared.body);
    assert.equal(shared.json().shared, true);
    const seen = (await ars.inject({ method: 'GET', url: '/api/entities/ARS-ARA/shared-templates' })).json().templates;
    assert.equal(seen.length, 1);
    assert.deepEqual([seen[0].entityCode, seen[0].kind, seen[0].channel, seen[0].body], ['PREF69', 'sva', 'letter', text.body]);
    assert.deepEqual((await pref.inject({ method: 'GET', url: '/api/entities/PREF69/shared-templates' })).json().templates, [], 'an entity’s own texts are not listed as others’');

    // only the owner shares its texts
    assert.equal((await ars.inject({ method: 'PUT', url: '/api/entities/PREF69/ack-templates/svr/sharing', payload: { channel: 'letter', shared: true } })).statusCode, 404);

    const copied = await ars.inject({ method: 'POST', url: '/api/entities/ARS-ARA/ack-templates/sva/copy', payload: { fromEntityCode: 'PREF69', channel: 'letter' } });
    assert.equal(copied.statusCode, 200, copied.body);
    assert.deepEqual([copied.json().body, copied.json().shared, copied.json().isDefault], [text.body, false, false]);
    // ARS edits its copy; PREF69's text stays as its owner wrote it
    await ars.inject({ method: 'PUT', url: '/api/entities/ARS-ARA/ack-templates/sva', payload: { channel: 'letter', subject: text.subject, body: text.body.replace('la préfecture', 'l’agence') } });
    assert.equal((await templatesOf(pref, 'PREF69')).find((x) => x.kind === 'sva' && x.channel === 'letter')!.body, text.body);
    assert.match((await templatesOf(ars, 'ARS-ARA')).find((x) => x.kind === 'sva' && x.channel === 'letter')!.body, /l’agence/);
    const audit = await t.app.ctx.db.selectFrom('platform_audit').select('action').where('action', 'in', ['registry.ack_template.shared', 'registry.ack_template.copied']).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['registry.ack_template.copied', 'registry.ack_template.shared']);
  });

  it('stops sharing: the text leaves the others’ list and can no longer be copied', async () => {
    await pref.inject({ method: 'PUT', url: '/api/entities/PREF69/ack-templates/sva/sharing', payload: { channel: 'letter', shared: false } });
    assert.deepEqual((await ars.inject({ method: 'GET', url: '/api/entities/ARS-ARA/shared-templates' })).json().templates, []);
    const refused = await ars.inject({ method: 'POST', url: '/api/entities/ARS-ARA/ack-templates/sva/copy', payload: { fromEntityCode: 'PREF69', channel: 'letter' } });
    assert.equal(refused.statusCode, 404);
    assert.match(refused.json().message, /Modèle partagé introuvable/);
    const unsigned = await server.inject({ method: 'GET', url: '/api/entities/ARS-ARA/shared-templates' });
    assert.equal(unsigned.statusCode, 401);
  });
});
