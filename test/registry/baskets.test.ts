import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../src/capture/index.ts';
import { manualClock, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../helpers/test-app.ts';
import { eml } from '../indexing/routing/eml.ts';
import { assignMailItem, changeHandlingStatus, copyMailItem, qualifyMailItem } from '../../src/registry/index.ts';

describe(`registry: baskets per role and service (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let mailroom: SignedInAgent;
  let headOfDmi: SignedInAgent;
  let nat: SignedInAgent;
  let arms: SignedInAgent;
  const clock = manualClock('2026-03-02T09:00:00Z');
  const chronos: Record<string, string> = {};
  const items = async (agent: SignedInAgent, basket: string, query = '') => {
    const res = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/baskets/${basket}/items${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((i: { chrono: string }) => i.chrono).sort() as string[];
  };

  before(async () => {
    t = await startTestApp({ clock, workers: true });
    server = await t.app.buildHttpServer();
    for (const name of ['unsorted', 'permit', 'naturalisation', 'late', 'closed']) {
      const result = await ingestFile(t.app.ctx, 'PREF69', 'email', { filename: `${name}.eml`, bytes: eml(name, `Courrier ${name}.`) });
      chronos[name] = result.item!.chrono;
    }
    await t.app.waitForIdle();
    const ctx = t.app.ctx;
    await qualifyMailItem(ctx, 'PREF69', chronos.permit, { requestTypeCode: 'TITRE-SEJOUR', serviceCode: 'DMI-SEJOUR' });
    await assignMailItem(ctx, 'PREF69', chronos.naturalisation, { serviceCode: 'DMI-NAT' });
    await copyMailItem(ctx, 'PREF69', chronos.naturalisation, 'DCIT-ARMES');
    await assignMailItem(ctx, 'PREF69', chronos.closed, { serviceCode: 'DMI-NAT' });
    await changeHandlingStatus(ctx, 'PREF69', chronos.closed, { status: 'closed', reason: 'Sans suite' });
    // Received in March, qualified as access to documents (one month, silence means refusal): late in May.
    await qualifyMailItem(ctx, 'PREF69', chronos.late, { requestTypeCode: 'ACCES-DOCUMENTS', serviceCode: 'DMI-NAT' });
    clock.set('2026-05-04T09:00:00Z');
    mailroom = await signInAgent(t.app, server, mailroomOf('PREF69'));
    headOfDmi = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'head_of_service', serviceCode: 'DMI' }]);
    nat = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DMI-NAT' }]);
    arms = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DCIT-ARMES' }]);
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('gives the mailroom the items with no service, and every open item', async () => {
    assert.deepEqual(await items(mailroom, 'a-qualifier'), [chronos.unsorted]);
    assert.deepEqual(await items(mailroom, 'a-traiter'), [chronos.permit, chronos.naturalisation, chronos.late].sort());
    const counts = (await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/baskets' })).json().baskets;
    assert.deepEqual(counts.map((b: { code: string; count: number }) => [b.code, b.count]), [['a-qualifier', 1], ['a-traiter', 3], ['en-copie', 1], ['en-retard', 1]]);
  });

  it('gives a service its own mail and its sub-services\', never the mailroom\'s basket', async () => {
    assert.deepEqual(await items(nat, 'a-traiter'), [chronos.naturalisation, chronos.late].sort(), 'closed items leave the basket');
    assert.deepEqual(await items(headOfDmi, 'a-traiter'), [chronos.permit, chronos.naturalisation, chronos.late].sort(), 'a direction sees its bureaux');
    assert.deepEqual(await items(arms, 'a-traiter'), []);
    assert.deepEqual(await items(arms, 'en-copie'), [chronos.naturalisation]);
    assert.equal((await nat.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/a-qualifier/items' })).statusCode, 404);
    const theirs = (await nat.inject({ method: 'GET', url: '/api/entities/PREF69/baskets' })).json();
    assert.deepEqual(theirs.baskets.map((b: { code: string }) => b.code), ['a-traiter', 'en-copie', 'en-retard']);
  });

  it('lists late items and filters by service, type, channel and deadline', async () => {
    assert.deepEqual(await items(mailroom, 'en-retard'), [chronos.late], 'the permit (four months) is not late yet');
    assert.deepEqual(await items(mailroom, 'a-traiter', '?type=ACCES-DOCUMENTS'), [chronos.late]);
    assert.deepEqual(await items(mailroom, 'a-traiter', '?service=DMI-SEJOUR'), [chronos.permit]);
    assert.deepEqual(await items(mailroom, 'a-traiter', '?channel=scan'), []);
    assert.deepEqual(await items(mailroom, 'a-traiter', '?deadlineBy=2026-04-30'), [chronos.late]);
    const outOfScope = await nat.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/a-traiter/items?service=DCIT-ARMES' });
    assert.equal(outOfScope.statusCode, 400);
    assert.match(outOfScope.json().message, /hors de votre périmètre/);
    assert.equal((await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/nope/items' })).statusCode, 404);
    // An impossible day is refused, not read as « no item due » (new-user test).
    const impossible = await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/a-qualifier/items?deadlineBy=2026-99-99' });
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.json().message, /cette date n’existe pas/);
    assert.equal((await server.inject({ method: 'GET', url: '/api/entities/PREF69/baskets' })).statusCode, 401);
  });
});
