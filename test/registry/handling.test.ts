import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../src/capture/index.ts';
import { corpusFile, manualClock, startTestApp, TEST_DIALECT, type TestApp, pilotOperator, signInAgent, type SignedInAgent } from '../helpers/test-app.ts';

describe(`registry: handling and legal deadlines (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  // Received on Friday 7 February 2025 at 10:00 in Paris (legal-rules.md A9 worked example).
  const clock = manualClock('2025-02-07T09:00:00Z');
  const register = async (entity = 'PREF69') => {
    const result = await ingestFile(t.app.ctx, entity, 'upload', { filename: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') });
    return result.item!.chrono;
  };
  const post = (url: string, payload: unknown) => api.inject({ method: 'POST', url, payload: payload as object });

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('ships each entity the request types with their legal regime', async () => {
    const pref = (await api.inject({ method: 'GET', url: '/api/entities/PREF69/request-types' })).json().requestTypes;
    const byCode = Object.fromEntries(pref.map((r: { code: string }) => [r.code, r]));
    assert.deepEqual([byCode.DEMANDE.regime, byCode.DEMANDE.delay], ['sva', '2m']);
    assert.deepEqual([byCode['ACCES-DOCUMENTS'].regime, byCode['ACCES-DOCUMENTS'].delay], ['svr', '1m']);
    assert.deepEqual([byCode['TITRE-SEJOUR'].regime, byCode['TITRE-SEJOUR'].delay], ['svr', '4m']);
    assert.equal(byCode.AGENT.ackRequired, false);
    const ars = (await api.inject({ method: 'GET', url: '/api/entities/ARS-ARA/request-types' })).json().requestTypes;
    assert.equal(ars.some((r: { code: string }) => r.code === 'TITRE-SEJOUR'), false);
  });

  it('computes the implicit decision date from the receipt date and the type\'s regime', async () => {
    const chrono = await register();
    const base = `/api/entities/PREF69/mail-items/${chrono}`;
    const sva = await post(`${base}/qualify`, { requestTypeCode: 'DEMANDE', serviceCode: 'DMI-SEJOUR' });
    assert.equal(sva.statusCode, 200);
    assert.deepEqual(sva.json().deadline, { kind: 'acceptance', date: '2025-04-07', daysLeft: 59 });
    assert.equal(sva.json().ackDueDate, '2025-02-21', 'ARE within 10 working days');
    assert.equal(sva.json().handlingStatus, 'assigned');
    assert.equal(sva.json().service.code, 'DMI-SEJOUR');
    const svr = (await post(`${base}/qualify`, { requestTypeCode: 'ACCES-DOCUMENTS' })).json();
    assert.deepEqual([svr.deadline.kind, svr.deadline.date], ['rejection', '2025-03-07']);
    const permit = (await post(`${base}/qualify`, { requestTypeCode: 'TITRE-SEJOUR' })).json();
    assert.equal(permit.deadline.date, '2025-06-07');
    const none = (await post(`${base}/qualify`, { requestTypeCode: 'COURRIER' })).json();
    assert.equal(none.deadline, null);
    assert.equal(none.ackDueDate, null);
  });

  it('ends a delay on the last day of a month that lacks the day (31 December + 2 months)', async () => {
    clock.set('2024-12-31T10:00:00Z');
    const chrono = await register();
    const view = (await post(`/api/entities/PREF69/mail-items/${chrono}/qualify`, { requestTypeCode: 'RECOURS' })).json();
    assert.equal(view.deadline.date, '2025-02-28');
    clock.set('2025-02-07T09:00:00Z');
  });

  it('assigns, copies, comments, links and closes with a reason, each in the item\'s history', async () => {
    const chrono = await register();
    const reply = await register();
    const base = `/api/entities/PREF69/mail-items/${chrono}`;
    assert.equal((await post(`${base}/assign`, { serviceCode: 'CAB' })).json().service.code, 'CAB');
    const reassigned = (await post(`${base}/assign`, { serviceCode: 'DCL', assigneeLabel: 'Mme Martin' })).json();
    assert.deepEqual([reassigned.service.code, reassigned.assigneeLabel], ['DCL', 'Mme Martin']);
    assert.deepEqual((await post(`${base}/copies`, { serviceCode: 'SGCD' })).json().copies.map((c: { code: string }) => c.code), ['SGCD']);
    const commented = (await post(`${base}/comments`, { body: 'Pièces à demander au pétitionnaire.' })).json();
    assert.equal(commented.comments[0].body, 'Pièces à demander au pétitionnaire.');
    assert.equal(commented.comments[0].author, 'Nadia Benali');
    const linked = (await post(`${base}/links`, { chrono: reply, kind: 'reply' })).json();
    assert.deepEqual(linked.links, [{ chrono: reply, kind: 'reply', direction: 'to' }]);
    const back = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${reply}/handling` })).json();
    assert.deepEqual(back.links, [{ chrono, kind: 'reply', direction: 'from' }]);
    const noReason = await post(`${base}/status`, { status: 'closed' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.json().message, /motif/);
    const closed = (await post(`${base}/status`, { status: 'closed', reason: 'Doublon du courrier papier' })).json();
    assert.deepEqual([closed.handlingStatus, closed.handlingReason], ['closed', 'Doublon du courrier papier']);
    const history = (await api.inject({ method: 'GET', url: `${base}/history` })).json().events.map((e: { action: string }) => e.action);
    for (const action of ['registry.mail_item.assigned', 'registry.mail_item.reassigned', 'registry.mail_item.copied', 'registry.mail_item.commented', 'registry.mail_item.linked', 'registry.mail_item.handling_status_changed']) {
      assert.ok(history.includes(action), action);
    }
  });

  it('puts open items past their implicit decision date in the late basket', async () => {
    const chrono = await register('AC-LYON');
    await post(`/api/entities/AC-LYON/mail-items/${chrono}/qualify`, { requestTypeCode: 'ACCES-DOCUMENTS' });
    clock.set('2025-03-03T09:00:00Z');
    let baskets = (await api.inject({ method: 'GET', url: '/api/entities/AC-LYON/baskets/deadlines' })).json();
    assert.deepEqual(baskets.dueSoon.map((i: { chrono: string; daysLeft: number }) => [i.chrono, i.daysLeft]), [[chrono, 4]]);
    clock.set('2025-03-10T09:00:00Z');
    baskets = (await api.inject({ method: 'GET', url: '/api/entities/AC-LYON/baskets/deadlines' })).json();
    assert.deepEqual(baskets.late.map((i: { chrono: string }) => i.chrono), [chrono]);
    await post(`/api/entities/AC-LYON/mail-items/${chrono}/status`, { status: 'answered' });
    baskets = (await api.inject({ method: 'GET', url: '/api/entities/AC-LYON/baskets/deadlines' })).json();
    assert.equal(baskets.late.length, 0, 'an answered request is no longer late');
    clock.set('2025-02-07T09:00:00Z');
  });

  it('suspends a rejection delay while missing items are awaited (L114-5)', async () => {
    const chrono = await register();
    const base = `/api/entities/PREF69/mail-items/${chrono}`;
    assert.equal((await post(`${base}/qualify`, { requestTypeCode: 'RECOURS' })).json().deadline.date, '2025-04-07');
    clock.set('2025-02-17T09:00:00Z');
    const asked = (await post(`${base}/missing-items`, { missingItems: ['Copie de la décision contestée'], timeLimit: '15d' })).json();
    assert.deepEqual(asked.incomplete.missingItems, ['Copie de la décision contestée']);
    clock.set('2025-02-24T09:00:00Z');
    const received = (await post(`${base}/missing-items/received`, {})).json();
    assert.equal(received.incomplete.completedOn, '2025-02-24');
    assert.equal(received.deadline.date, '2025-04-15', '17 to 24 February suspended: 8 days');
    clock.set('2025-02-07T09:00:00Z');
  });

  it('starts an acceptance delay only when the missing items arrive (L114-5)', async () => {
    const chrono = await register();
    const base = `/api/entities/PREF69/mail-items/${chrono}`;
    await post(`${base}/qualify`, { requestTypeCode: 'DEMANDE' });
    clock.set('2025-02-17T09:00:00Z');
    const waiting = (await post(`${base}/missing-items`, { missingItems: ['Justificatif de domicile', 'Pièce d’identité'], timeLimit: '1m' })).json();
    assert.equal(waiting.deadline, null, 'no implicit acceptance while items are missing');
    clock.set('2025-03-03T09:00:00Z');
    assert.equal((await post(`${base}/missing-items/received`, {})).json().deadline.date, '2025-05-03');
    clock.set('2025-02-07T09:00:00Z');
  });

  it('transfers a request to the competent entity, which registers it and counts each clock as the law says (L114-2)', async () => {
    const chrono = await register();
    clock.set('2025-02-14T09:00:00Z');
    const res = await post(`/api/entities/PREF69/mail-items/${chrono}/transfer`, { targetEntityCode: 'ARS-ARA', note: 'Plainte relative à un EHPAD' });
    assert.equal(res.statusCode, 200);
    const { chrono: newChrono, firstReceivedOn } = res.json();
    assert.match(newChrono, /^ARS-ARA-2025-E-\d{6}$/);
    assert.equal(firstReceivedOn, '2025-02-07');
    // No e-mail address on this paper letter: the notice is a letter to print (L114-2).
    assert.equal(res.json().notice.channel, 'letter');
    assert.match(res.json().notice.detail, /imprimez l’avis de transmission/);
    const source = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/handling` })).json();
    assert.equal(source.handlingStatus, 'closed');
    assert.equal(source.transferredToChrono, newChrono);
    assert.match(source.handlingReason, /Transmis à Agence régionale de santé/);
    const again = await post(`/api/entities/PREF69/mail-items/${chrono}/transfer`, { targetEntityCode: 'DREAL-ARA' });
    assert.equal(again.statusCode, 400);
    const target = `/api/entities/ARS-ARA/mail-items/${newChrono}`;
    const detail = (await api.inject({ method: 'GET', url: target })).json();
    assert.equal(detail.channel, 'transfer');
    assert.equal(detail.documents.length, 1);
    assert.equal(detail.documents[0].sha256, 'baa3a0dc1925eaf2f4227ce287cb491c87ec4baca6b45c44d59972009a14882c');
    const rejection = (await post(`${target}/qualify`, { requestTypeCode: 'RECOURS' })).json();
    assert.equal(rejection.deadline.date, '2025-04-07', 'a rejection runs from the first receipt');
    const acceptance = (await post(`${target}/qualify`, { requestTypeCode: 'DEMANDE' })).json();
    assert.equal(acceptance.deadline.date, '2025-04-14', 'an acceptance runs from the receipt by the competent entity');
    assert.equal(acceptance.ackDueDate, '2025-02-28', 'the ARE runs from the receipt by the competent entity');
    const history = (await api.inject({ method: 'GET', url: `${target}/history` })).json().events.map((e: { action: string }) => e.action);
    assert.ok(history.includes('registry.mail_item.received_by_transfer'));
    clock.set('2025-02-07T09:00:00Z');
  });

  it('lets an entity keep its services\' contact data, checked as the post and the AR need it', async () => {
    const url = '/api/entities/DREAL-ARA/services/ICPE/contact';
    const contact = { addressLines: ['DREAL Auvergne-Rhône-Alpes', '5 place Jules Ferry'], postcode: '69006', city: 'LYON', email: 'icpe.dreal-ara@example.gouv.fr', phone: '04 26 28 60 00' };
    const saved = await api.inject({ method: 'PUT', url, payload: contact });
    assert.equal(saved.statusCode, 200);
    assert.deepEqual(saved.json().addressLines, contact.addressLines);
    assert.equal((await api.inject({ method: 'GET', url })).json().phone, '04 26 28 60 00');
    const bad = await api.inject({ method: 'PUT', url, payload: { ...contact, postcode: '6900', phone: '12' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /code postal à 5 chiffres/);
    assert.match(bad.json().message, /téléphone français/);
    assert.equal((await api.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/services/NOPE/contact' })).statusCode, 400);
  });

  it('informs the sender of a transfer by e-mail at once when the address is known (L114-2)', async () => {
    const chrono = await register();
    await post(`/api/entities/PREF69/mail-items/${chrono}/sender`, { senderName: 'Mme Jeanne Morel', senderAddress: 'jeanne.morel@example.fr' });
    const res = await post(`/api/entities/PREF69/mail-items/${chrono}/transfer`, { targetEntityCode: 'ARS-ARA' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().notice.channel, res.json().notice.to], ['email', 'jeanne.morel@example.fr']);
    const outbox = (await api.inject({ method: 'GET', url: '/api/entities/PREF69/outbox' })).json();
    const notice = outbox.messages.find((m: { kind: string; reference: string }) => m.kind === 'transfer-notice' && m.reference === chrono);
    assert.equal(notice.to, 'jeanne.morel@example.fr');
  });

  it('lets an agent correct the sender and subject indexing read, in the history, and refuses a bad address', async () => {
    const chrono = await register();
    const url = `/api/entities/PREF69/mail-items/${chrono}`;
    const res = await api.inject({ method: 'POST', url: `${url}/sender`, payload: { senderName: 'Mme Jeanne Morel', senderAddress: 'jeanne.morel@example.fr', subject: 'Demande de copie d’acte de naissance' } });
    assert.equal(res.statusCode, 200, res.body);
    const item = (await api.inject({ method: 'GET', url })).json();
    assert.equal(item.senderName, 'Mme Jeanne Morel');
    assert.equal(item.subject, 'Demande de copie d’acte de naissance');
    const events = (await api.inject({ method: 'GET', url: `${url}/history` })).json().events;
    const corrected = events.find((e: { action: string }) => e.action === 'registry.mail_item.sender_corrected');
    assert.equal(corrected.after.sender_name, 'Mme Jeanne Morel');
    assert.equal(corrected.actorLabel, 'Nadia Benali');
    const bad = await api.inject({ method: 'POST', url: `${url}/sender`, payload: { senderAddress: 'jeanne@@example' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /Adresse électronique de l’expéditeur invalide/);
    const empty = await api.inject({ method: 'POST', url: `${url}/sender`, payload: {} });
    assert.equal(empty.statusCode, 400);
  });

  it('answers 404 to another entity and rejects unknown types and services', async () => {
    const chrono = await register();
    assert.equal((await post(`/api/entities/ARS-ARA/mail-items/${chrono}/qualify`, { requestTypeCode: 'DEMANDE' })).statusCode, 404);
    assert.equal((await api.inject({ method: 'GET', url: `/api/entities/ARS-ARA/mail-items/${chrono}/handling` })).statusCode, 404);
    const badType = await post(`/api/entities/PREF69/mail-items/${chrono}/qualify`, { requestTypeCode: 'NOPE' });
    assert.equal(badType.statusCode, 400);
    assert.match(badType.json().message, /Type de demande inconnu/);
    const badService = await post(`/api/entities/PREF69/mail-items/${chrono}/assign`, { serviceCode: 'ICPE' });
    assert.match(badService.json().message, /Service inconnu/);
  });
});
