import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../helpers/test-app.ts';

/** The contact data of a service just added (the administration page opens it empty, then fills it). */
describe(`administration: contact data of a new service (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    admin = await signInAgent(t.app, server, [{ entityCode: 'DREAL-ARA', role: 'entity_admin' }]);
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('answers empty fields for a service without contact data, then the data saved', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/entities/DREAL-ARA/services', payload: { code: 'icpe-risques', name: 'Risques accidentels', parentCode: 'ICPE' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json(), { code: 'ICPE-RISQUES', name: 'Risques accidentels', parentCode: 'ICPE' });

    const url = '/api/entities/DREAL-ARA/services/ICPE-RISQUES/contact';
    const empty = await admin.inject({ method: 'GET', url });
    assert.equal(empty.statusCode, 200, empty.body);
    assert.deepEqual(empty.json(), { code: 'ICPE-RISQUES', name: 'Risques accidentels', addressLines: [], postcode: '', city: '', email: '', phone: '' });

    const contact = { addressLines: ['Service risques', '5 place Jules Ferry'], postcode: '69006', city: 'Lyon', email: 'risques@example.gouv.fr', phone: '04 26 28 60 00' };
    const saved = await admin.inject({ method: 'PUT', url, payload: contact });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual((await admin.inject({ method: 'GET', url })).json(), { code: 'ICPE-RISQUES', name: 'Risques accidentels', ...contact });
  });
});
