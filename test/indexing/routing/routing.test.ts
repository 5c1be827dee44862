import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../../src/capture/index.ts';
import { labelledLetters } from '../../../bench/routing/labelled-mail.ts';
import { eml } from './eml.ts';
import { mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

describe(`routing: rules, classifier, corrections (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let admin: SignedInAgent;
  let mailroom: SignedInAgent;
  let armsAgent: SignedInAgent;
  let permitsAgent: SignedInAgent;
  let outsider: SignedInAgent;
  const ingest = async (subject: string, body: string, from?: string) => {
    const result = await ingestFile(t.app.ctx, 'PREF69', 'email', { filename: 'message.eml', bytes: eml(subject, body, from) });
    await t.app.waitForIdle();
    return result.item!.chrono;
  };
  const routingOf = async (chrono: string) => (await mailroom.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/routing` })).json().routing;
  const handlingOf = async (chrono: string) => (await mailroom.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/handling` })).json();
  const propose = async (text: string) => (await mailroom.inject({ method: 'POST', url: '/api/entities/PREF69/routing/propose', payload: { text } })).json();
  const basket = async (agent: SignedInAgent, code: string) =>
    (await agent.inject({ method: 'GET', url: `/api/entities/PREF69/baskets/${code}/items` })).json().items.map((i: { chrono: string }) => i.chrono) as string[];

  before(async () => {
    t = await startTestApp({ workers: true });
    server = await t.app.buildHttpServer();
    admin = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'entity_admin' }]);
    mailroom = await signInAgent(t.app, server, mailroomOf('PREF69'));
    armsAgent = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'service_agent', serviceCode: 'DCIT-ARMES' }]);
    permitsAgent = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'head_of_service', serviceCode: 'DMI' }]);
    outsider = await signInAgent(t.app, server, mailroomOf('ARS-ARA'));
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('lets only the entity admin manage rules, with clear French errors', async () => {
    const rule = { name: 'Armes', keywords: ['détention d’arme'], serviceCode: 'DCIT-ARMES', requestTypeCode: 'DEMANDE', priority: 10 };
    assert.equal((await mailroom.inject({ method: 'POST', url: '/api/entities/PREF69/routing/rules', payload: rule })).statusCode, 403);
    assert.equal((await outsider.inject({ method: 'GET', url: '/api/entities/PREF69/routing/rules' })).statusCode, 404);
    assert.equal((await server.inject({ method: 'GET', url: '/api/entities/PREF69/routing/rules' })).statusCode, 401);
    const noCondition = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/routing/rules', payload: { name: 'vide', serviceCode: 'CAB' } });
    assert.equal(noCondition.statusCode, 400);
    assert.match(noCondition.json().message, /au moins une condition/);
    const badService = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/routing/rules', payload: { name: 'x', keywords: ['a'], serviceCode: 'NOPE' } });
    assert.equal(badService.statusCode, 400);
    const created = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/routing/rules', payload: rule });
    assert.equal(created.statusCode, 201, created.body);
    const temp = (await admin.inject({ method: 'POST', url: '/api/entities/PREF69/routing/rules', payload: { name: 'Temporaire', senderDomain: 'exemple.fr', serviceCode: 'CAB' } })).json();
    const changed = await admin.inject({ method: 'PUT', url: `/api/entities/PREF69/routing/rules/${temp.id}`, payload: { name: 'Temporaire', senderDomain: 'exemple.org', serviceCode: 'CAB' } });
    assert.equal(changed.json().senderDomain, 'exemple.org');
    assert.equal((await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/routing/rules/${temp.id}` })).statusCode, 204);
    assert.equal((await admin.inject({ method: 'DELETE', url: `/api/entities/PREF69/routing/rules/${temp.id}` })).statusCode, 404);
    const list = (await admin.inject({ method: 'GET', url: '/api/entities/PREF69/routing/rules' })).json().rules;
    assert.deepEqual(list.map((r: { name: string }) => r.name), ['Armes']);
  });

  it('routes a new item by rule through qualify and assign, records why, and files it in the service\'s basket', async () => {
    const chrono = await ingest('Autorisation', 'Tireur sportif, je sollicite une autorisation de détention d’arme de catégorie B.');
    const routing = await routingOf(chrono);
    assert.equal(routing.decision.decidedBy, 'rule');
    assert.equal(routing.decision.rule.name, 'Armes');
    assert.deepEqual(routing.decision.rule.matchedKeywords, ['détention d’arme']);
    const handling = await handlingOf(chrono);
    assert.equal(handling.service.code, 'DCIT-ARMES');
    assert.equal(handling.requestType.code, 'DEMANDE');
    assert.ok(handling.deadline, 'the legal deadline follows the qualification');
    const history = (await mailroom.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/history` })).json().events;
    const decided = history.find((e: { action: string }) => e.action === 'indexing.routing.decided');
    assert.equal(decided.actorLabel, 'Octo (aiguillage automatique)');
    assert.ok(history.some((e: { action: string }) => e.action === 'registry.mail_item.qualified'));
    assert.ok((await basket(armsAgent, 'a-traiter')).includes(chrono));
    assert.ok(!(await basket(permitsAgent, 'a-traiter')).includes(chrono), 'another service does not see it');
    assert.equal((await permitsAgent.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/a-qualifier/items' })).statusCode, 404, 'only the mailroom qualifies');
  });

  it('abstains without a rule and an untrained model: the item waits in the mailroom\'s basket', async () => {
    const chrono = await ingest('Question', 'Je souhaite obtenir une carte de séjour vie privée et familiale.');
    const routing = await routingOf(chrono);
    assert.equal(routing.decision.decidedBy, 'none');
    assert.match(routing.decision.abstention, /n’a appris que 1 courrier/);
    assert.equal((await handlingOf(chrono)).service, null);
    assert.ok((await basket(mailroom, 'a-qualifier')).includes(chrono));
    const counts = (await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/baskets' })).json();
    assert.ok(counts.baskets.find((b: { code: string }) => b.code === 'a-qualifier').count >= 1);
    assert.equal((await outsider.inject({ method: 'GET', url: '/api/entities/PREF69/baskets' })).statusCode, 404);
  });

  it('learns from agents\' corrections, then proposes with its confidence and the words that weighed', async () => {
    const letters = labelledLetters({ lettersPerService: 8 }).filter((l) => l.entityCode === 'PREF69' && l.split === 'train' && ['DMI-SEJOUR', 'DMI-NAT', 'DCIT-ASSO'].includes(l.serviceCode));
    for (const letter of letters) {
      const chrono = await ingest('Courrier', letter.text);
      const assigned = await mailroom.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${chrono}/assign`, payload: { serviceCode: letter.serviceCode } });
      assert.equal(assigned.statusCode, 200);
    }
    const model = (await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/routing/model' })).json();
    assert.ok(model.service.examples >= letters.length, JSON.stringify(model.service));
    const proposal = await propose('Je sollicite le renouvellement de mon titre de séjour et de mon récépissé.');
    assert.equal(proposal.decidedBy, 'classifier', JSON.stringify(proposal));
    assert.equal(proposal.serviceCode, 'DMI-SEJOUR');
    assert.ok(proposal.service.confidence >= proposal.threshold);
    assert.ok(proposal.service.words.length > 0);

    // Similar mail corrected to another service changes the next proposal.
    const text = 'Demande de subvention pour la fête de quartier organisée par notre comité des fêtes.';
    const first = await propose(text);
    const target = first.service?.code === 'DCIT-ASSO' ? 'DMI-NAT' : 'DCIT-ASSO';
    for (let i = 0; i < 3; i++) {
      const chrono = await ingest('Subvention', `${text} Édition ${i + 1}.`);
      await mailroom.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${chrono}/assign`, payload: { serviceCode: target } });
    }
    const next = await propose(text);
    assert.equal(next.service.code, target, JSON.stringify({ first: first.service, next: next.service }));
    assert.ok(next.service.words.some((w: string) => /subvention|fete|comite|quartier/.test(w)), JSON.stringify(next.service.words));

    // Retraining from history rebuilds the same counts.
    const retrained = await admin.inject({ method: 'POST', url: '/api/entities/PREF69/routing/model/train' });
    assert.equal(retrained.statusCode, 200);
    assert.equal(retrained.json().service.examples, (await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/routing/model' })).json().service.examples);
  });

  it('shows the model’s figures to the entity admin who manages the rules, not to another entity', async () => {
    const forAdmin = await admin.inject({ method: 'GET', url: '/api/entities/PREF69/routing/model' });
    assert.equal(forAdmin.statusCode, 200);
    assert.deepEqual(forAdmin.json(), (await mailroom.inject({ method: 'GET', url: '/api/entities/PREF69/routing/model' })).json());
    assert.equal((await outsider.inject({ method: 'GET', url: '/api/entities/PREF69/routing/model' })).statusCode, 404);
  });

  it('proposes for an uploaded e-mail file, reading it as intake does', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(eml('Arme', 'Demande de détention d’arme pour le tir sportif.'))]), 'message.eml');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    const res = await mailroom.inject({ method: 'POST', url: '/api/entities/PREF69/routing/propose', payload, headers: { 'content-type': request.headers.get('content-type')! } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rule.name, 'Armes');
    const empty = await mailroom.inject({ method: 'POST', url: '/api/entities/PREF69/routing/propose', payload: { text: '' } });
    assert.equal(empty.statusCode, 400);
  });
});
