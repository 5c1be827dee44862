import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isOctoError } from '../../../src/platform/errors.ts';
import { assignMailItem, createService, generateAcknowledgement, getHandlingView, qualifyMailItem, requestMissingItems, seedPilotEntities, transferMailItem } from '../../../src/registry/index.ts';
import { manualClock, startTestApp, TEST_DIALECT, type TestApp, pilotOperator, signInAgent, type SignedInAgent } from '../../helpers/test-app.ts';
import { flat, makeRequest, pdfText } from './helpers.ts';

const PREF_SEJOUR = {
  name: 'Bureau des titres de séjour',
  address: '106 rue Pierre Corneille, 69419 Lyon Cedex 03',
  email: 'pref-titres-sejour@rhone.gouv.fr',
  phone: '04 72 61 62 10',
};
const ARS_HABITAT = {
  name: 'Habitat insalubre',
  address: '241 rue Garibaldi, CS 93383, 69418 Lyon Cedex 03',
  email: 'ars-ara-dsp-habitat@ars.sante.fr',
  phone: '04 72 34 74 12',
};

interface Case {
  title: string;
  entity: string;
  type: string;
  service: string;
  contact: typeof PREF_SEJOUR;
  incomplete?: { missingItems: string[]; dueDate: string };
  /** Words that must be in the letter (beyond the service's contact data and the receipt date). */
  present: string[];
  /** Words that must not be. */
  absent: string[];
  mentions: { decisionKind: 'acceptance' | 'rejection'; implicitDecisionDate: string; attestationRight: boolean; appealLastDay: string | null };
}

// Received on Friday 7 February 2025, 10:00 in Paris; the AR is established the same day.
const CASES: Case[] = [
  {
    title: 'SVA request (general case, 2 months): acceptance date and attestation right, no appeal routes',
    entity: 'PREF69', type: 'DEMANDE', service: 'DMI-SEJOUR', contact: PREF_SEJOUR,
    present: ['réputée acceptée le lundi 7 avril 2025', 'Décision implicite d\'acceptation', 'attestation de cette acceptation (article L232-3'],
    absent: ['réputée rejetée', 'recours contentieux', 'Télérecours', 'tribunal administratif'],
    mentions: { decisionKind: 'acceptance', implicitDecisionDate: '2025-04-07', attestationRight: true, appealLastDay: null },
  },
  {
    title: 'SVR request (administrative appeal, 2 months): rejection date and appeal routes, no attestation',
    entity: 'ARS-ARA', type: 'RECOURS', service: 'SPE-HAB', contact: ARS_HABITAT,
    present: [
      'réputée rejetée le lundi 7 avril 2025', 'Décision implicite de rejet',
      'recours contentieux devant le tribunal administratif de Lyon (184 rue Duguesclin, 69433 Lyon Cedex 03)',
      // 7 June + 1 day = Sunday 8 June, Whit Monday 9 June is a holiday: Tuesday 10 June (B3)
      'au plus tard le mardi 10 juin 2025', 'Télérecours citoyens', 'www.telerecours.fr', 'article L232-4',
    ],
    absent: ['réputée acceptée', 'attestation', 'L232-3', 'recours gracieux adressé'],
    mentions: { decisionKind: 'rejection', implicitDecisionDate: '2025-04-07', attestationRight: false, appealLastDay: '2025-06-10' },
  },
  {
    title: 'SVR request (access to documents, 1 month): CADA first, then the court',
    entity: 'PREF69', type: 'ACCES-DOCUMENTS', service: 'DMI-SEJOUR', contact: PREF_SEJOUR,
    present: [
      'réputée rejetée le vendredi 7 mars 2025', 'Commission d\'accès aux documents administratifs',
      // 7 May + 1 day = Thursday 8 May, a holiday: Friday 9 May
      'au plus tard le vendredi 9 mai 2025', 'préalable obligatoire', 'tribunal administratif de Lyon', 'Télérecours citoyens',
    ],
    absent: ['réputée acceptée', 'attestation'],
    mentions: { decisionKind: 'rejection', implicitDecisionDate: '2025-03-07', attestationRight: false, appealLastDay: '2025-05-09' },
  },
  {
    title: 'SVR request (residence permit, 4 months): recours gracieux or hiérarchique, then the court',
    entity: 'PREF69', type: 'TITRE-SEJOUR', service: 'DMI-SEJOUR', contact: PREF_SEJOUR,
    present: ['réputée rejetée le samedi 7 juin 2025', 'recours gracieux adressé à Préfecture du Rhône', 'recours hiérarchique adressé au ministre compétent', 'au plus tard le vendredi 8 août 2025', 'Télérecours citoyens'],
    absent: ['attestation', 'réputée acceptée'],
    mentions: { decisionKind: 'rejection', implicitDecisionDate: '2025-06-07', attestationRight: false, appealLastDay: '2025-08-08' },
  },
  {
    title: 'incomplete SVA request: missing items, time limit, the delay runs only from their receipt',
    entity: 'PREF69', type: 'DEMANDE', service: 'DMI-SEJOUR', contact: PREF_SEJOUR,
    incomplete: { missingItems: ['Copie recto verso de la pièce d’identité', 'Justificatif de domicile de moins de trois mois'], dueDate: '2025-03-07' },
    present: [
      'Votre demande est incomplète', 'au plus tard le vendredi 7 mars 2025, les pièces et informations suivantes',
      'Copie recto verso de la pièce d\'identité', 'Justificatif de domicile de moins de trois mois',
      'ne court qu\'à compter de la réception de ces pièces', 'réputée acceptée au plus tard le mercredi 7 mai 2025', 'article L232-3',
    ],
    absent: ['recours contentieux', 'est suspendu'],
    mentions: { decisionKind: 'acceptance', implicitDecisionDate: '2025-05-07', attestationRight: true, appealLastDay: null },
  },
  {
    title: 'incomplete SVR request: missing items, time limit, the rejection delay is suspended',
    entity: 'ARS-ARA', type: 'FINANCIERE', service: 'SPE-HAB', contact: ARS_HABITAT,
    incomplete: { missingItems: ['Relevé d’identité bancaire'], dueDate: '2025-03-07' },
    present: [
      'Votre demande est incomplète', 'Relevé d\'identité bancaire', 'au plus tard le vendredi 7 mars 2025, les pièces',
      'est suspendu à compter du vendredi 7 février 2025', 'met fin à la suspension',
      // 7 April + 29 suspended days (7 February to 7 March, both included)
      'réputée rejetée le mardi 6 mai 2025', 'recours contentieux',
    ],
    absent: ['attestation', 'réputée acceptée'],
    mentions: { decisionKind: 'rejection', implicitDecisionDate: '2025-05-06', attestationRight: false, appealLastDay: '2025-07-07' },
  },
];

describe(`registry: acknowledgements of receipt, mandatory mentions (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  const clock = manualClock('2025-02-07T09:00:00Z');

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  for (const c of CASES) {
    it(`letter — ${c.title}`, async () => {
      const chrono = await makeRequest(t.app, { entity: c.entity, type: c.type, service: c.service });
      const ack = await generateAcknowledgement(t.app.ctx, c.entity, chrono, { channel: 'letter', incomplete: c.incomplete });
      const text = flat(await pdfText(ack.pdf!));
      const mandatory = [
        'Date de réception de votre demande : vendredi 7 février 2025',
        c.contact.name,
        `Adresse postale : ${c.contact.address}`,
        `Courriel : ${c.contact.email}`,
        `Téléphone : ${c.contact.phone}`,
        'Objet : Accusé de réception de votre demande',
        chrono,
      ];
      for (const words of [...mandatory, ...c.present]) assert.ok(text.includes(flat(words)), `missing « ${words} » in:\n${text}`);
      for (const words of c.absent) assert.ok(!text.includes(flat(words)), `unexpected « ${words} »`);
      assert.equal(ack.mentions.decisionKind, c.mentions.decisionKind);
      assert.equal(ack.mentions.implicitDecisionDate, c.mentions.implicitDecisionDate);
      assert.equal(ack.mentions.attestationRight, c.mentions.attestationRight);
      assert.equal(ack.mentions.appealRoutes?.lastDay ?? null, c.mentions.appealLastDay);
      assert.deepEqual(ack.mentions.incomplete?.missingItems ?? null, c.incomplete?.missingItems ?? null);
    });

    it(`e-mail — ${c.title}`, async () => {
      const chrono = await makeRequest(t.app, { entity: c.entity, type: c.type, service: c.service });
      const ack = await generateAcknowledgement(t.app.ctx, c.entity, chrono, { channel: 'email', incomplete: c.incomplete });
      assert.equal(ack.pdf, undefined);
      const text = flat(ack.email!.text);
      assert.match(ack.email!.subject, new RegExp(chrono));
      for (const words of ['Date de réception de votre demande : vendredi 7 février 2025', `Courriel : ${c.contact.email}`, `Téléphone : ${c.contact.phone}`, `Adresse postale : ${c.contact.address}`, ...c.present]) {
        assert.ok(text.includes(flat(words)), `missing « ${words} »`);
      }
      for (const words of c.absent) assert.ok(!text.includes(flat(words)), `unexpected « ${words} »`);
    });
  }

  it('reads the missing items the handling recorded on the item, with the same dates as the item shows', async () => {
    const svr = await makeRequest(t.app, { entity: 'ARS-ARA', type: 'FINANCIERE', service: 'SPE-HAB' });
    await requestMissingItems(t.app.ctx, 'ARS-ARA', svr, { missingItems: ['Budget prévisionnel'], timeLimit: '1m' });
    const view = await getHandlingView(t.app.ctx, 'ARS-ARA', svr);
    const ack = await generateAcknowledgement(t.app.ctx, 'ARS-ARA', svr, { channel: 'letter' });
    assert.equal(ack.mentions.implicitDecisionDate, view.deadline!.date, 'the AR and the item agree');
    assert.deepEqual(ack.mentions.incomplete, { missingItems: ['Budget prévisionnel'], dueDate: '2025-03-07', effect: 'rejection_delay_suspended' });
    const text = flat(await pdfText(ack.pdf!));
    assert.ok(text.includes('Budget prévisionnel') && text.includes('au plus tard le vendredi 7 mars 2025, les pièces'));
    const sva = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-SEJOUR' });
    await requestMissingItems(t.app.ctx, 'PREF69', sva, { missingItems: ['Photographie d’identité'], timeLimit: '15d' });
    const pending = await generateAcknowledgement(t.app.ctx, 'PREF69', sva, { channel: 'email' });
    assert.equal(pending.mentions.implicitDecisionDateIsConditional, true);
    assert.equal(pending.mentions.implicitDecisionDate, '2025-04-22', 'due 22 February + 2 months');
    assert.match(pending.email!.text, /ne courra qu’à compter de la réception/);
  });

  it('states both receipts of a request transferred from another entity (L114-2)', async () => {
    const chrono = await makeRequest(t.app, { entity: 'PREF69' });
    clock.set('2025-02-12T09:00:00Z');
    const { chrono: target } = await transferMailItem(t.app.ctx, 'PREF69', chrono, { targetEntityCode: 'ARS-ARA' });
    await qualifyMailItem(t.app.ctx, 'ARS-ARA', target, { requestTypeCode: 'RECOURS', serviceCode: 'AUTO' });
    const ack = await generateAcknowledgement(t.app.ctx, 'ARS-ARA', target, { channel: 'email' });
    clock.set('2025-02-07T09:00:00Z');
    const text = flat(ack.email!.text);
    assert.ok(text.includes('Date de réception de votre demande : vendredi 7 février 2025, par Préfecture du Rhône, qui l\'a transmise à Agence régionale de santé Auvergne-Rhône-Alpes'), text);
    assert.ok(text.includes('où elle a été reçue le mercredi 12 février 2025'));
    assert.equal(ack.mentions.implicitDecisionDate, '2025-04-07', 'a rejection delay runs from the first receipt');
  });

  it('puts the requester in the envelope window, in postal style, and dates the letter from the service\'s city', async () => {
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-SEJOUR', senderName: 'M. Jérôme Lefèvre', senderAddress: '5 bis, allée des Érables, 69100 Villeurbanne' });
    const ack = await generateAcknowledgement(t.app.ctx, 'PREF69', chrono, { channel: 'letter' });
    const text = await pdfText(ack.pdf!);
    assert.match(text, /M\. Jérôme Lefèvre\s+5 B ALLEE DES ERABLES\s+69100 VILLEURBANNE/);
    assert.match(text, /Lyon, le 7 février 2025/);
    assert.deepEqual(ack.warnings, []);
    const unknown = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-SEJOUR', senderAddress: 'jerome@example.org' });
    const warned = await generateAcknowledgement(t.app.ctx, 'PREF69', unknown, { channel: 'letter' });
    assert.match(warned.warnings.join(' '), /Adresse postale de l’expéditeur inconnue/);
  });

  it('writes characters outside WinAnsi as close ones instead of failing', async () => {
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-SEJOUR', senderName: 'Łukasz Wałęsa 王', subject: 'Délai ≥ 2 mois → urgent' });
    const ack = await generateAcknowledgement(t.app.ctx, 'PREF69', chrono, { channel: 'letter' });
    const text = await pdfText(ack.pdf!);
    assert.match(text, /Lukasz Walesa \?/);
    assert.match(text, /Délai >= 2 mois -> urgent/);
  });

  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (isOctoError(error)) return error;
      throw error;
    }
    assert.fail('expected a refusal');
  };

  for (const [type, reason] of [['AGENT', /L112-2/], ['COURRIER', /L110-1/]] as const) {
    it(`owes no acknowledgement for a ${type} item (REGISTRY_ACK_NOT_OWED), by letter or e-mail`, async () => {
      const chrono = await makeRequest(t.app, { type, service: 'SGCD-RH' });
      for (const channel of ['letter', 'email'] as const) {
        const error = await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', chrono, { channel }));
        assert.equal(error.code, 'REGISTRY_ACK_NOT_OWED');
        assert.match(error.frenchMessage, reason);
      }
      const res = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}/acknowledgement.pdf` });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'REGISTRY_ACK_NOT_OWED');
      assert.match(res.json().message, /L112-2/);
    });
  }

  it('owes none for an outgoing letter', async () => {
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'CAB', direction: 'outgoing' });
    assert.equal((await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', chrono, { channel: 'letter' }))).code, 'REGISTRY_ACK_NOT_OWED');
  });

  it('refuses an unqualified request, an unassigned one, and a service without contact data, saying what to do', async () => {
    const bare = await makeRequest(t.app, {});
    const unqualified = await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', bare, { channel: 'letter' }));
    assert.equal(unqualified.code, 'REGISTRY_ACK_NOT_READY');
    assert.match(unqualified.frenchMessage, /Qualifiez d’abord la demande/);
    const unassigned = await makeRequest(t.app, { type: 'DEMANDE' });
    assert.match((await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', unassigned, { channel: 'letter' }))).frenchMessage, /Attribuez d’abord la demande/);
    await createService(t.app.ctx, { entityCode: 'PREF69', code: 'MISSION-JO', name: 'Mission jeux équestres' });
    await assignMailItem(t.app.ctx, 'PREF69', unassigned, { serviceCode: 'MISSION-JO' });
    const noContact = await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', unassigned, { channel: 'email' }));
    assert.equal(noContact.code, 'REGISTRY_ACK_NOT_READY');
    assert.match(noContact.frenchMessage, /Mission jeux équestres.*l’adresse postale et le numéro de téléphone/);
  });

  it('refuses an incomplete-request deadline that is not after the AR\'s date', async () => {
    const chrono = await makeRequest(t.app, { type: 'DEMANDE', service: 'DMI-SEJOUR' });
    const error = await refusal(generateAcknowledgement(t.app.ctx, 'PREF69', chrono, { channel: 'letter', incomplete: { missingItems: ['Photo'], dueDate: '2025-02-07' } }));
    assert.equal(error.code, 'PLATFORM_VALIDATION_FAILED');
    assert.match(error.frenchMessage, /postérieure/);
  });

  it('gives every pilot service its contact data, idempotently, keeping what an entity changed', async () => {
    const db = t.app.ctx.db;
    const services = await db.selectFrom('registry_service').selectAll().execute();
    assert.ok(services.length >= 40);
    for (const s of services.filter((s) => s.code !== 'MISSION-JO')) {
      assert.ok(s.address_lines && s.postcode && s.city && s.email && s.phone, `${s.code} lacks contact data`);
      assert.match(s.phone!, /^0\d( \d{2}){4}$/);
      assert.match(s.postcode!, /^\d{5}$/);
    }
    const pref = await db.selectFrom('registry_entity').select('id').where('code', '=', 'PREF69').executeTakeFirstOrThrow();
    await db.updateTable('registry_service').set({ phone: null, email: 'cabinet@rhone.gouv.fr' }).where('entity_id', '=', pref.id).where('code', '=', 'CAB').execute();
    await seedPilotEntities(t.app.ctx);
    const cab = await db.selectFrom('registry_service').selectAll().where('entity_id', '=', pref.id).where('code', '=', 'CAB').executeTakeFirstOrThrow();
    assert.equal(cab.phone, '04 72 61 61 10', 'an empty column is filled again');
    assert.equal(cab.email, 'cabinet@rhone.gouv.fr', 'an entity\'s own value is kept');
  });
});
