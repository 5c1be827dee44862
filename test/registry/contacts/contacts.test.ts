import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../../src/capture/index.ts';
import { makeRequest } from '../acknowledgements/helpers.ts';
import { corpusFile, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

describe(`registry: shared contact directory (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let pref: SignedInAgent;
  let ars: SignedInAgent;
  const register = async (entity: string) => {
    const result = await ingestFile(t.app.ctx, entity, 'upload', { filename: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') });
    return result.item!.chrono;
  };
  const create = (agent: SignedInAgent, payload: object) => agent.inject({ method: 'POST', url: '/api/contacts', payload });
  const list = async (agent: SignedInAgent, q = '') => (await agent.inject({ method: 'GET', url: `/api/contacts?q=${encodeURIComponent(q)}&limit=100` })).json();

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    pref = await signInAgent(t.app, server, mailroomOf('PREF69'));
    ars = await signInAgent(t.app, server, mailroomOf('ARS-ARA'));
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('refuses a signed-out caller', async () => {
    assert.equal((await server.inject({ method: 'GET', url: '/api/contacts' })).statusCode, 401);
    assert.equal((await server.inject({ method: 'POST', url: '/api/contacts', payload: { kind: 'person', lastName: 'X' } })).statusCode, 401);
  });

  it('checks the SIRET key, the e-mail and the postcode, in French', async () => {
    const badSiret = await create(pref, { kind: 'organisation', organisation: 'Boulangerie Dupain', siret: '732 829 320 00075' });
    assert.equal(badSiret.statusCode, 400);
    assert.match(badSiret.json().message, /SIRET invalide/);
    const badPostcode = await create(pref, { kind: 'person', lastName: 'Durand', postcode: '6900', city: 'Lyon' });
    assert.equal(badPostcode.statusCode, 400);
    assert.match(badPostcode.json().message, /Code postal invalide/);
    const noName = await create(pref, { kind: 'person', firstName: 'Paul' });
    assert.match(noName.json().message, /nom de la personne est obligatoire/);
    const laPoste = await create(pref, { kind: 'organisation', organisation: 'La Poste', siret: '356 000 000 49837' });
    assert.equal(laPoste.statusCode, 201, 'La Poste’s SIRET follows its own key rule');
    assert.equal(laPoste.json().siret, '35600000049837');
  });

  it('prints the postal address in the French norm and warns about a line too long', async () => {
    const created = await create(pref, {
      kind: 'person', firstName: 'Élodie', lastName: 'Lefèvre', organisation: 'SARL Lefèvre',
      addressLines: ['Bâtiment B', '12 rue de la République prolongée après le carrefour'], postcode: '69002', city: 'Lyon',
    });
    assert.equal(created.statusCode, 201);
    const view = created.json();
    assert.deepEqual(view.postalAddress, ['Élodie LEFÈVRE', 'SARL Lefèvre', 'Bâtiment B', '12 rue de la République prolongée après le carrefour', '69002 LYON']);
    assert.equal(view.warnings.length, 1);
    assert.match(view.warnings[0], /dépasse 38 caractères/);
  });

  it('shares contacts across entities and finds them by any word, accents and case ignored', async () => {
    const made = await create(pref, { kind: 'person', firstName: 'Jean', lastName: 'Martin', email: 'Jean.Martin@Exemple.fr', postcode: '69003', city: 'Lyon' });
    assert.equal(made.statusCode, 201);
    assert.equal(made.json().confidentialEntityCode, null);
    const found = await list(ars, 'MARTIN lyon');
    assert.deepEqual(found.contacts.map((c: { id: string }) => c.id), [made.json().id]);
    assert.equal((await ars.inject({ method: 'GET', url: `/api/contacts/${made.json().id}` })).statusCode, 200);
  });

  it('hides a confidential contact from other entities: lists, search, duplicates and by id', async () => {
    const secret = await create(pref, { kind: 'person', firstName: 'Camille', lastName: 'Secret', email: 'camille@exemple.fr', postcode: '69001', city: 'Lyon', confidentialEntityCode: 'PREF69' });
    assert.equal(secret.statusCode, 201);
    assert.equal(secret.json().confidentialEntityCode, 'PREF69');
    const id = secret.json().id;
    assert.equal((await list(pref, 'camille')).contacts.length, 1);
    assert.equal((await list(ars, 'camille')).contacts.length, 0);
    assert.equal((await list(ars)).contacts.some((c: { id: string }) => c.id === id), false);
    assert.equal((await ars.inject({ method: 'GET', url: `/api/contacts/${id}` })).statusCode, 404);
    assert.equal((await ars.inject({ method: 'PUT', url: `/api/contacts/${id}`, payload: { kind: 'person', lastName: 'Vu' } })).statusCode, 404);
    // another entity's agent cannot hide a contact for PREF69
    const foreign = await create(ars, { kind: 'person', lastName: 'Intrus', confidentialEntityCode: 'PREF69' });
    assert.equal(foreign.statusCode, 404);
    // a same-e-mail contact of ARS is not paired with PREF69's confidential one
    await create(ars, { kind: 'person', firstName: 'Camille', lastName: 'Secret', email: 'camille@exemple.fr', postcode: '69001', city: 'Lyon' });
    const arsPairs = (await ars.inject({ method: 'GET', url: '/api/contacts/duplicates' })).json().pairs;
    assert.equal(arsPairs.some((p: { contacts: Array<{ id: string }> }) => p.contacts.some((c) => c.id === id)), false);
    const prefPairs = (await pref.inject({ method: 'GET', url: '/api/contacts/duplicates' })).json().pairs;
    assert.equal(prefPairs.some((p: { contacts: Array<{ id: string }> }) => p.contacts.some((c) => c.id === id)), false, 'confidential and shared are never proposed together');
  });

  it('proposes duplicates by e-mail, SIRET and name at the same postcode, then merges them with their mail', async () => {
    const a = (await create(pref, { kind: 'person', firstName: 'Sophie', lastName: 'Bernard', email: 'sophie.bernard@exemple.fr', postcode: '69007', city: 'Lyon' })).json();
    const b = (await create(ars, { kind: 'person', firstName: 'Sophie', lastName: 'BERNARD', email: ' SOPHIE.BERNARD@exemple.fr', phone: '04 72 00 00 00' })).json();
    const c = (await create(ars, { kind: 'person', lastName: 'Bernad Sophie', postcode: '69007', city: 'Lyon' })).json();
    const d = (await create(ars, { kind: 'person', lastName: 'Bernard', firstName: 'Paul', postcode: '13001', city: 'Marseille' })).json();
    const o1 = (await create(pref, { kind: 'organisation', organisation: 'Société Dupont', siret: '73282932000074' })).json();
    const o2 = (await create(ars, { kind: 'organisation', organisation: 'Dupont SA', siret: '732 829 320 00074' })).json();
    const pairs = (await pref.inject({ method: 'GET', url: '/api/contacts/duplicates' })).json().pairs as Array<{ contacts: Array<{ id: string }>; reasons: string[] }>;
    const reasonsOf = (x: string, y: string) => pairs.find((p) => new Set(p.contacts.map((c) => c.id)).has(x) && new Set(p.contacts.map((c) => c.id)).has(y))?.reasons;
    assert.deepEqual(reasonsOf(a.id, b.id), ['email']);
    assert.deepEqual(reasonsOf(a.id, c.id), ['name_postcode'], '« Bernad Sophie » at 69007 is « Sophie Bernard »');
    assert.deepEqual(reasonsOf(o1.id, o2.id), ['siret']);
    assert.equal(reasonsOf(a.id, d.id), undefined, 'another first name elsewhere is not a duplicate');

    const chrono = await register('PREF69');
    const other = await register('ARS-ARA');
    const link = await pref.inject({ method: 'PUT', url: `/api/entities/PREF69/mail-items/${chrono}/sender-contact`, payload: { contactId: b.id } });
    assert.equal(link.statusCode, 200);
    assert.equal((await ars.inject({ method: 'PUT', url: `/api/entities/ARS-ARA/mail-items/${other}/sender-contact`, payload: { contactId: b.id } })).statusCode, 200);
    // PREF69's agent cannot link ARS-ARA's mail
    assert.equal((await pref.inject({ method: 'PUT', url: `/api/entities/ARS-ARA/mail-items/${other}/sender-contact`, payload: { contactId: a.id } })).statusCode, 404);

    const merged = await pref.inject({ method: 'POST', url: '/api/contacts/merge', payload: { sourceId: b.id, targetId: a.id } });
    assert.equal(merged.statusCode, 200);
    assert.equal(merged.json().mailItemsMoved, 2, 'the links of both entities follow');
    assert.equal(merged.json().contact.phone, '04 72 00 00 00', 'an empty field is filled from the merged contact');
    assert.equal(merged.json().contact.postcode, '69007', 'the kept contact keeps its own fields');
    const linked = (await pref.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/sender-contact` })).json();
    assert.equal(linked.contact.id, a.id);
    const prefItems = (await pref.inject({ method: 'GET', url: `/api/contacts/${a.id}/mail-items` })).json().mailItems;
    assert.deepEqual(prefItems.map((i: { chrono: string }) => i.chrono), [chrono], 'each agent sees only its entities’ mail');
    assert.equal((await pref.inject({ method: 'GET', url: `/api/contacts/${b.id}` })).json().id, a.id, 'the old id leads to the kept contact');
    assert.equal((await list(pref, 'sophie')).contacts.some((x: { id: string }) => x.id === b.id), false);
    const again = (await pref.inject({ method: 'GET', url: '/api/contacts/duplicates' })).json().pairs as Array<{ contacts: Array<{ id: string }> }>;
    assert.equal(again.some((p) => p.contacts.some((x) => x.id === b.id)), false);
    const self = await pref.inject({ method: 'POST', url: '/api/contacts/merge', payload: { sourceId: a.id, targetId: a.id } });
    assert.equal(self.statusCode, 409);
  });

  it('refuses to merge a confidential contact into a shared one', async () => {
    const shared = (await create(pref, { kind: 'person', lastName: 'Petit', email: 'petit@exemple.fr' })).json();
    const hidden = (await create(pref, { kind: 'person', lastName: 'Petit', email: 'petit@exemple.fr', confidentialEntityCode: 'PREF69' })).json();
    const refused = await pref.inject({ method: 'POST', url: '/api/contacts/merge', payload: { sourceId: hidden.id, targetId: shared.id } });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().message, /confidentiel/);
    const blind = await ars.inject({ method: 'POST', url: '/api/contacts/merge', payload: { sourceId: shared.id, targetId: hidden.id } });
    assert.equal(blind.statusCode, 404);
  });

  it('suggests the contacts that look like the sender read on an item, and makes one from it', async () => {
    const chrono = await makeRequest(t.app, { entity: 'PREF69', senderName: 'Mme Élodie MARTINEAU', senderAddress: '12 rue de la République, 69002 Lyon' });
    const url = `/api/entities/PREF69/mail-items/${chrono}/sender-contact`;
    assert.deepEqual((await pref.inject({ method: 'GET', url })).json().suggestions, []);
    const alike = (await create(ars, { kind: 'person', firstName: 'Elodie', lastName: 'Martineau', postcode: '69002', city: 'Lyon' })).json();
    const hidden = (await create(ars, { kind: 'person', firstName: 'Élodie', lastName: 'Martineau', confidentialEntityCode: 'ARS-ARA' })).json();
    const suggested = (await pref.inject({ method: 'GET', url })).json();
    assert.equal(suggested.contact, null);
    assert.deepEqual(suggested.suggestions.map((c: { id: string; reason: string }) => [c.id, c.reason]), [[alike.id, 'name']], 'never another entity’s confidential contact');
    assert.notEqual(alike.id, hidden.id);

    const other = await makeRequest(t.app, { entity: 'PREF69', senderName: 'Mme Élodie MARTINEAU', senderAddress: '12 rue de la République, 69002 Lyon' });
    const made = await pref.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${other}/sender-contact/from-sender`, payload: { confidential: true } });
    assert.equal(made.statusCode, 201, made.body);
    const contact = made.json().contact;
    assert.deepEqual([contact.kind, contact.firstName, contact.lastName, contact.addressLines, contact.postcode, contact.city, contact.confidentialEntityCode],
      ['person', 'Élodie', 'MARTINEAU', ['12 rue de la République'], '69002', 'Lyon', 'PREF69']);
    assert.equal((await pref.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${other}/sender-contact` })).json().contact.id, contact.id);
    const nobody = await makeRequest(t.app, { entity: 'PREF69', senderName: null, senderAddress: null });
    const refused = await pref.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${nobody}/sender-contact/from-sender`, payload: {} });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().message, /Aucun expéditeur/);
  });
});
