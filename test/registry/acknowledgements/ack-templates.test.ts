import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { missingMentions } from '../../../src/registry/acknowledgements/ack-document.ts';
import { seedPilotEntities } from '../../../src/registry/index.ts';
import { manualClock, startTestApp, TEST_DIALECT, type TestApp, pilotOperator, signInAgent, type SignedInAgent } from '../../helpers/test-app.ts';
import { flat, makeRequest, pdfText } from './helpers.ts';

describe(`registry: editable acknowledgement templates and the routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  const clock = manualClock('2025-02-07T09:00:00Z');
  const put = (entity: string, kind: string, payload: object) => api.inject({ method: 'PUT', url: `/api/entities/${entity}/ack-templates/${kind}`, payload });

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('lists the default texts of each kind and channel, with the placeholders', async () => {
    const res = await api.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/ack-templates' });
    assert.equal(res.statusCode, 200);
    const { templates, placeholders, mandatoryBlockMarker } = res.json();
    assert.deepEqual(templates.map((x: { kind: string; channel: string }) => `${x.kind}/${x.channel}`), ['sva/letter', 'sva/email', 'svr/letter', 'svr/email', 'none/letter', 'none/email']);
    assert.ok(templates.every((x: { isDefault: boolean }) => x.isDefault));
    assert.ok('date_reception' in placeholders);
    assert.equal(mandatoryBlockMarker, '{{mentions_obligatoires}}');
    assert.equal((await api.inject({ method: 'GET', url: '/api/entities/NOPE/ack-templates' })).statusCode, 404);
  });

  it('keeps every mandatory mention when an edited template drops all of them', async () => {
    // The new text says nothing of dates, service or attestation, and has no marker for the legal block.
    const edited = await put('PREF69', 'sva', { channel: 'letter', subject: 'Votre demande n° {{chrono}}', body: 'Madame, Monsieur,\n\nNous avons bien reçu votre courrier.\n\nLe préfet' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().isDefault, false);
    assert.equal(edited.json().updatedBy, 'Nadia Benali');
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'DCIT-ASSO' });
    const res = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement.pdf` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const text = flat(await pdfText(res.rawPayload));
    for (const words of [
      `Objet : Votre demande n° ${chrono}`, 'Nous avons bien reçu votre courrier.',
      'Date de réception de votre demande : vendredi 7 février 2025', 'réputée acceptée le lundi 7 avril 2025',
      'article L232-3', 'Bureau des associations', 'Adresse postale : 106 rue Pierre Corneille, 69419 Lyon Cedex 03',
      'Courriel : pref-associations@rhone.gouv.fr', 'Téléphone : 04 72 61 63 10',
    ]) assert.ok(text.includes(flat(words)), `missing « ${words} »`);
    assert.ok(!text.includes('susceptible de donner lieu'), 'the default text is replaced');
    assert.ok(text.indexOf('Nous avons bien reçu') < text.indexOf('Date de réception'), 'without a marker the block follows the text');
    // the e-mail template of the same kind is untouched
    const email = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement-email` })).json();
    assert.match(email.text, /susceptible de donner lieu/);
    // another entity keeps its defaults
    const ars = (await api.inject({ method: 'GET', url: '/api/entities/ARS-ARA/ack-templates' })).json().templates;
    assert.ok(ars.every((x: { isDefault: boolean }) => x.isDefault));
    // seeding again keeps the edit
    await seedPilotEntities(t.app.ctx);
    const listed = (await api.inject({ method: 'GET', url: '/api/entities/PREF69/ack-templates' })).json().templates;
    assert.equal(listed.find((x: { kind: string; channel: string }) => x.kind === 'sva' && x.channel === 'letter').body, 'Madame, Monsieur,\n\nNous avons bien reçu votre courrier.\n\nLe préfet');
  });

  it('places the legal block where the marker stands', async () => {
    const body = 'Bonjour,\n\nAVANT LE BLOC\n\n{{mentions_obligatoires}}\n\nAPRÈS LE BLOC {{service}}';
    assert.equal((await put('AC-LYON', 'svr', { channel: 'email', subject: 'AR {{chrono}}', body })).statusCode, 200);
    const chrono = await makeRequest(t.app, { entity: 'AC-LYON', type: 'RECOURS', service: 'DAJ' });
    const email = (await api.inject({ method: 'GET', url: `/api/entities/AC-LYON/mail-items/${chrono}/acknowledgement-email` })).json();
    const text: string = email.text;
    assert.equal(email.subject, `AR ${chrono}`);
    assert.ok(text.indexOf('AVANT LE BLOC') < text.indexOf('Date de réception') && text.indexOf('Date de réception') < text.indexOf('APRÈS LE BLOC Affaires juridiques'));
    assert.match(text, /recours contentieux/);
    assert.equal(email.mentions.appealRoutes.court, 'tribunal administratif de Lyon');
    assert.equal(email.to, null);
  });

  it('refuses unknown placeholders, a doubled marker, broken braces and an empty text, in French', async () => {
    const unknown = await put('PREF69', 'svr', { channel: 'letter', subject: 'AR', body: 'Recours possible jusqu’au {{date_limite_recours}}.' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().code, 'REGISTRY_ACK_TEMPLATE_INVALID');
    assert.match(unknown.json().message, /champs inconnus : \{\{date_limite_recours\}\}/);
    const doubled = await put('PREF69', 'svr', { channel: 'letter', subject: 'AR', body: '{{mentions_obligatoires}} {{mentions_obligatoires}}' });
    assert.match(doubled.json().message, /ne peut figurer qu’une fois/);
    const braces = await put('PREF69', 'svr', { channel: 'letter', subject: 'AR {{chrono', body: 'Texte' });
    assert.match(braces.json().message, /accolades/);
    const empty = await put('PREF69', 'svr', { channel: 'letter', subject: 'AR', body: '   ' });
    assert.match(empty.json().message, /le texte est vide/);
    assert.equal((await put('PREF69', 'xyz', { channel: 'letter', subject: 'AR', body: 'x' })).statusCode, 400);
  });

  it('the generator\'s last check names each mandatory mention absent from a text', () => {
    const missing = missingMentions('Date de réception de votre demande : vendredi 7 février 2025. Téléphone : 04 72 61 60 60', [
      { label: 'la date de réception', needle: 'Date de réception de votre demande : vendredi 7 février 2025' },
      { label: 'le téléphone du service', needle: 'Téléphone : 04 72 61 60 60' },
      { label: 'la date de la décision implicite', needle: 'lundi 7 avril 2025' },
    ]);
    assert.deepEqual(missing.map((m) => m.label), ['la date de la décision implicite']);
  });

  it('takes an incomplete request in the query, records the generation in the item\'s history, and answers 404 to another entity', async () => {
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-NAT' });
    const url = `/api/entities/PREF69/mail-items/${chrono}/acknowledgement-email?missing=${encodeURIComponent('Acte de naissance')}&missing=${encodeURIComponent('Photographie')}&due=2025-03-10`;
    const res = await api.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().mentions.incomplete.missingItems, ['Acte de naissance', 'Photographie']);
    assert.match(res.json().text, /au plus tard le lundi 10 mars 2025/);
    const half = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement.pdf?missing=Photo` });
    assert.equal(half.statusCode, 400);
    await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement.pdf` });
    const events = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/history` })).json().events;
    const generated = events.filter((e: { action: string }) => e.action === 'registry.mail_item.acknowledgement_generated');
    assert.deepEqual(generated.map((e: { after: { channel: string } }) => e.after.channel).sort(), ['email', 'letter']);
    const letter = generated.find((e: { after: { channel: string } }) => e.after.channel === 'letter');
    assert.match(letter.after.sha256, /^[0-9a-f]{64}$/);
    assert.ok(await t.app.ctx.blobs.has(letter.after.sha256), 'the PDF as generated is kept');
    for (const path of ['acknowledgement.pdf', 'acknowledgement-email']) {
      const foreign = await api.inject({ method: 'GET', url: `/api/entities/ARS-ARA/mail-items/${chrono}/${path}` });
      assert.equal(foreign.statusCode, 404);
      assert.equal(foreign.json().code, 'REGISTRY_ITEM_NOT_FOUND');
    }
  });
});
