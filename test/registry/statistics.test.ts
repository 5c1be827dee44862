import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../src/capture/index.ts';
import { registerStatsCommands } from '../../src/cli/stats.command.ts';
import type { MailChannel, PlatformStatistics } from '../../src/registry/index.ts';
import {
  assignMailItem,
  changeHandlingStatus,
  createService,
  getEntityStatistics,
  getHandlingView,
  getPlatformStatistics,
  qualifyMailItem,
} from '../../src/registry/index.ts';
import { corpusFile, manualClock, startTestApp, TEST_DIALECT, type TestApp, pilotOperator, signInAgent, type SignedInAgent } from '../helpers/test-app.ts';

/**
 * Steering figures over a known set of items. « Today » is Monday 16 June 2025, 10:00 in Paris.
 *
 * PREF69, received in the default period (17 June 2024 – 16 June 2025):
 *   A 10/01 upload  ACCES-DOCUMENTS (→ 10/02), CAB,       answered 05/02            26 days, in time
 *   B 04/03 scan    DEMANDE (→ 04/05), STAT-TEST,         answered 05/05 00:30 Paris 62 days, late
 *     (received 03/03 23:30 UTC: 4 March in Paris; answered 4 May 22:30 UTC: 5 May in Paris)
 *   C 01/04 scan    RECOURS (→ 01/06), STAT-TEST,         open: past its date; 76 days old
 *   D 10/06 upload  —                                     open, registered; 6 days old
 *   E 20/05 upload  CAB,                                  closed 22/05              2 days
 *   F 10/05 upload  CAB, in progress                      open; 37 days old
 *   H 20/02 upload  DEMANDE (→ 20/04), DCL,               answered 18/04, closed 25/04: 57 days, in time
 *   I 09/06 00:10 Paris (08/06 22:10 UTC) upload —        open; 7 days old
 *   J 08/06 23:50 Paris upload —                          open; 8 days old
 * and G, received 01/03/2024 (before the period), open: 472 days old.
 * ARS-ARA: K 01/05 DEMANDE, answered 02/05 (1 day, in time); L 15/06, open.
 */
describe(`registry: steering figures (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  const clock = manualClock('2025-01-01T09:00:00Z');
  const TODAY = '2025-06-16T08:00:00Z';
  const SERVICE_NAME = 'Bureau "A" ; statistiques';
  const ctx = () => t.app.ctx;

  async function register(entity: string, at: string, channel: MailChannel = 'upload') {
    clock.set(at);
    const result = await ingestFile(ctx(), entity, channel, { filename: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') });
    return result.item!.chrono;
  }
  async function setStatus(entity: string, chrono: string, at: string, status: 'answered' | 'closed' | 'in_progress', reason?: string) {
    clock.set(at);
    await changeHandlingStatus(ctx(), entity, chrono, { status, reason });
  }
  const get = (url: string) => api.inject({ method: 'GET', url });

  before(async () => {
    t = await startTestApp({ clock });
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
    await createService(ctx(), { entityCode: 'PREF69', code: 'STAT-TEST', name: SERVICE_NAME });

    const a = await register('PREF69', '2025-01-10T09:00:00Z');
    await qualifyMailItem(ctx(), 'PREF69', a, { requestTypeCode: 'ACCES-DOCUMENTS', serviceCode: 'CAB' });
    await setStatus('PREF69', a, '2025-02-05T10:00:00Z', 'answered');

    const b = await register('PREF69', '2025-03-03T23:30:00Z', 'scan');
    await qualifyMailItem(ctx(), 'PREF69', b, { requestTypeCode: 'DEMANDE', serviceCode: 'STAT-TEST' });
    assert.equal((await getHandlingView(ctx(), 'PREF69', b)).deadline?.date, '2025-05-04');
    await setStatus('PREF69', b, '2025-05-04T22:30:00Z', 'answered');

    const c = await register('PREF69', '2025-04-01T08:00:00Z', 'scan');
    await qualifyMailItem(ctx(), 'PREF69', c, { requestTypeCode: 'RECOURS', serviceCode: 'STAT-TEST' });
    assert.equal((await getHandlingView(ctx(), 'PREF69', c)).deadline?.date, '2025-06-01');

    await register('PREF69', '2025-06-10T08:00:00Z'); // D

    const e = await register('PREF69', '2025-05-20T08:00:00Z');
    await assignMailItem(ctx(), 'PREF69', e, { serviceCode: 'CAB' });
    await setStatus('PREF69', e, '2025-05-22T08:00:00Z', 'closed', 'Doublon');

    const f = await register('PREF69', '2025-05-10T08:00:00Z');
    await assignMailItem(ctx(), 'PREF69', f, { serviceCode: 'CAB' });
    await setStatus('PREF69', f, '2025-05-12T08:00:00Z', 'in_progress');

    await register('PREF69', '2024-03-01T08:00:00Z'); // G

    const h = await register('PREF69', '2025-02-20T08:00:00Z');
    await qualifyMailItem(ctx(), 'PREF69', h, { requestTypeCode: 'DEMANDE', serviceCode: 'DCL' });
    assert.equal((await getHandlingView(ctx(), 'PREF69', h)).deadline?.date, '2025-04-20');
    await setStatus('PREF69', h, '2025-04-18T08:00:00Z', 'answered');
    await setStatus('PREF69', h, '2025-04-25T08:00:00Z', 'closed', 'Réponse envoyée');

    await register('PREF69', '2025-06-08T22:10:00Z'); // I
    await register('PREF69', '2025-06-08T21:50:00Z'); // J

    const k = await register('ARS-ARA', '2025-05-01T08:00:00Z');
    await qualifyMailItem(ctx(), 'ARS-ARA', k, { requestTypeCode: 'DEMANDE', serviceCode: 'SPE' });
    await setStatus('ARS-ARA', k, '2025-05-02T08:00:00Z', 'answered');
    await register('ARS-ARA', '2025-06-15T08:00:00Z'); // L

    clock.set(TODAY);
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  const PREF69_FIGURES = {
    received: 9,
    byChannel: [
      { channel: 'scan', count: 2 }, { channel: 'upload', count: 7 }, { channel: 'email', count: 0 },
      { channel: 'form', count: 0 }, { channel: 'api', count: 0 }, { channel: 'transfer', count: 0 },
    ],
    byHandlingStatus: [
      { status: 'registered', count: 3 }, { status: 'assigned', count: 1 }, { status: 'in_progress', count: 1 },
      { status: 'answered', count: 2 }, { status: 'closed', count: 2 }, { status: 'transferred_out', count: 0 },
    ],
    byRequestType: [
      { code: 'DEMANDE', name: 'Demande (cas général)', count: 2 },
      { code: 'ACCES-DOCUMENTS', name: 'Communication de documents administratifs', count: 1 },
      { code: 'RECOURS', name: 'Recours administratif (gracieux ou hiérarchique) ou réclamation', count: 1 },
      { code: null, name: null, count: 5 },
    ],
    byService: [
      { entityCode: 'PREF69', code: 'CAB', name: 'Cabinet du préfet', count: 3 },
      { entityCode: 'PREF69', code: 'STAT-TEST', name: SERVICE_NAME, count: 2 },
      { entityCode: 'PREF69', code: 'DCL', name: 'Direction des collectivités et de la légalité', count: 1 },
      { entityCode: null, code: null, name: null, count: 3 },
    ],
    // A 26, B 62, E 2, H 57 (ended 18/04 by its answer, not its closing)
    processingTime: { count: 4, medianDays: 41.5, p90Days: 62, meanDays: 36.8, truncated: false },
    legalDelay: { answered: 3, withinDelay: 2, rate: 0.6667, openPastDate: 1 },
    backlog: {
      total: 6,
      buckets: [
        { key: '0-7', minDays: 0, maxDays: 7, count: 2 },
        { key: '8-30', minDays: 8, maxDays: 30, count: 1 },
        { key: '31-60', minDays: 31, maxDays: 60, count: 1 },
        { key: '61-90', minDays: 61, maxDays: 90, count: 1 },
        { key: '91+', minDays: 91, maxDays: null, count: 1 },
      ],
    },
  };

  it('computes every figure of an entity over the default period (the 12 months ending today)', async () => {
    const stats = await getEntityStatistics(ctx(), 'PREF69');
    assert.deepEqual(stats, {
      entity: { code: 'PREF69', name: 'Préfecture du Rhône', shortName: stats.entity.shortName },
      period: { from: '2024-06-17', to: '2025-06-16' },
      today: '2025-06-16',
      ...PREF69_FIGURES,
    });
    const res = await get('/api/entities/PREF69/statistics');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), stats);
  });

  it('counts processing time on items ended in the period, and the rest on items received in it', async () => {
    const stats = await getEntityStatistics(ctx(), 'PREF69', { from: '2025-04-01', to: '2025-06-16' });
    assert.equal(stats.received, 6, 'C, D, E, F, I, J');
    assert.deepEqual(stats.processingTime, { count: 3, medianDays: 57, p90Days: 62, meanDays: 40.3, truncated: false }, 'H 57, B 62, E 2');
    assert.deepEqual(stats.legalDelay, { answered: 0, withinDelay: 0, rate: null, openPastDate: 1 });
    assert.deepEqual(stats.backlog, PREF69_FIGURES.backlog, 'the backlog is today’s, whatever the period');
  });

  it('cuts the period on Paris calendar days', async () => {
    const fourth = await getEntityStatistics(ctx(), 'PREF69', { from: '2025-03-04', to: '2025-03-04' });
    assert.equal(fourth.received, 1, 'B, received on 3 March at 23:30 UTC, is a 4 March item');
    const third = await getEntityStatistics(ctx(), 'PREF69', { from: '2025-03-03', to: '2025-03-03' });
    assert.equal(third.received, 0);
    const may5 = await getEntityStatistics(ctx(), 'PREF69', { from: '2025-05-05', to: '2025-05-05' });
    assert.equal(may5.processingTime.count, 1, 'B was answered on 5 May in Paris');
  });

  it('never counts another entity’s items', async () => {
    const ars = await getEntityStatistics(ctx(), 'ARS-ARA');
    assert.equal(ars.received, 2);
    assert.deepEqual(ars.byService, [
      { entityCode: 'ARS-ARA', code: 'SPE', name: 'Santé publique et environnement', count: 1 },
      { entityCode: null, code: null, name: null, count: 1 },
    ]);
    assert.deepEqual(ars.processingTime, { count: 1, medianDays: 1, p90Days: 1, meanDays: 1, truncated: false });
    assert.deepEqual(ars.legalDelay, { answered: 1, withinDelay: 1, rate: 1, openPastDate: 0 });
    assert.deepEqual(ars.backlog.buckets.map((b) => b.count), [1, 0, 0, 0, 0]);
    const dreal = await getEntityStatistics(ctx(), 'DREAL-ARA');
    assert.equal(dreal.received, 0);
    assert.deepEqual(dreal.processingTime, { count: 0, medianDays: null, p90Days: null, meanDays: null, truncated: false });
    assert.equal(dreal.backlog.total, 0);
  });

  it('gives the platform each entity and totals over all items (not averaged)', async () => {
    const res = await get('/api/statistics');
    assert.equal(res.statusCode, 200);
    const stats: PlatformStatistics = res.json();
    assert.deepEqual(res.json(), await getPlatformStatistics(ctx()));
    assert.deepEqual(stats.period, { from: '2024-06-17', to: '2025-06-16' });
    const { entity: _entity, ...prefFigures } = stats.entities.find((e) => e.entity.code === 'PREF69')!;
    assert.deepEqual(prefFigures, PREF69_FIGURES);
    assert.equal(stats.entities.length, 5);
    assert.equal(stats.totals.received, 11);
    assert.deepEqual(stats.totals.processingTime, { count: 5, medianDays: 26, p90Days: 62, meanDays: 29.6, truncated: false }, '1, 2, 26, 57, 62');
    assert.deepEqual(stats.totals.legalDelay, { answered: 4, withinDelay: 3, rate: 0.75, openPastDate: 1 });
    assert.deepEqual(stats.totals.backlog.buckets.map((b) => b.count), [3, 1, 1, 1, 1]);
    assert.equal(stats.totals.byRequestType.find((r) => r.code === 'DEMANDE')?.count, 3);
    assert.deepEqual(stats.totals.byService.at(-1), { entityCode: null, code: null, name: null, count: 4 });
  });

  it('exports an entity’s figures as CSV for a French spreadsheet', async () => {
    const res = await get('/api/entities/PREF69/statistics.csv?from=2024-06-17&to=2025-06-16');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="pilotage-PREF69-2024-06-17-2025-06-16.csv"');
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const expected = [
      '\uFEFFPilotage du courrier',
      'Entité;Nom;Du;Au;Situation au',
      'PREF69;Préfecture du Rhône;17/06/2024;16/06/2025;16/06/2025',
      '',
      'Chiffres clés',
      'Indicateur;Valeur',
      'Courriers reçus;9',
      'Demandes répondues (avec échéance légale);3',
      'dont dans le délai légal;2',
      'Part dans le délai légal (%);66,67',
      'Demandes en cours à échéance dépassée;1',
      'Courriers traités dans la période;4',
      'Délai médian de traitement (jours);41,5',
      'Délai de traitement, 90e centile (jours);62',
      'Délai moyen de traitement (jours);36,8',
      'Stock (ni répondus ni classés);6',
      '',
      'Courriers reçus par canal',
      'Canal;Nombre',
      'Numérisation;2',
      'Dépôt;7',
      'Courriel;0',
      'Formulaire;0',
      'API;0',
      'Transmission;0',
      '',
      'Courriers reçus par type de demande',
      'Code;Type de demande;Nombre',
      'DEMANDE;Demande (cas général);2',
      'ACCES-DOCUMENTS;Communication de documents administratifs;1',
      'RECOURS;Recours administratif (gracieux ou hiérarchique) ou réclamation;1',
      ';Non qualifié;5',
      '',
      'Courriers reçus par service',
      'Code;Service;Nombre',
      'CAB;Cabinet du préfet;3',
      'STAT-TEST;"Bureau ""A"" ; statistiques";2',
      'DCL;Direction des collectivités et de la légalité;1',
      ';Non attribué;3',
      '',
      'Courriers reçus par statut de traitement',
      'Statut;Nombre',
      'Enregistré;3',
      'Attribué;1',
      'En cours;1',
      'Répondu;2',
      'Classé;2',
      'Transmis hors plateforme;0',
      '',
      'Stock par ancienneté (jours depuis la réception)',
      'Ancienneté;Nombre',
      '0 à 7 jours;2',
      '8 à 30 jours;1',
      '31 à 60 jours;1',
      '61 à 90 jours;1',
      'Plus de 90 jours;1',
      '',
    ].join('\r\n');
    assert.equal(res.body, expected);
  });

  it('exports the platform’s figures as CSV, one row per entity and a total', async () => {
    const res = await get('/api/statistics.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-disposition'], 'attachment; filename="pilotage-plateforme-2024-06-17-2025-06-16.csv"');
    const lines = res.body.split('\r\n');
    assert.equal(lines[0], '\uFEFFPilotage du courrier — plateforme');
    assert.equal(lines[2], '17/06/2024;16/06/2025;16/06/2025');
    assert.equal(lines[5], 'Entité;Nom;Courriers reçus;Demandes répondues (avec échéance légale);dont dans le délai légal;Part dans le délai légal (%);Demandes en cours à échéance dépassée;Courriers traités dans la période;Délai médian de traitement (jours);Délai de traitement, 90e centile (jours);Délai moyen de traitement (jours);Stock (ni répondus ni classés)');
    assert.ok(lines.includes('PREF69;Préfecture du Rhône;9;3;2;66,67;1;4;41,5;62;36,8;6'));
    assert.ok(lines.some((l) => /^DREAL-ARA;[^;]+;0;0;0;;0;0;;;;0$/.test(l)), 'no item: empty cells for undefined ratios and delays');
    assert.ok(lines.includes('Toutes entités;Toutes entités;11;4;3;75;1;5;26;62;29,6;7'));
    assert.ok(lines.includes('PREF69;STAT-TEST;"Bureau ""A"" ; statistiques";2'));
    assert.ok(lines.includes('ARS-ARA;Dépôt;2'));
    assert.ok(lines.includes('Toutes entités;Plus de 90 jours;1'));
  });

  it('refuses bad periods with a French message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=2025-02-30', /cette date n’existe pas/],
      ['to=2025-13-01', /cette date n’existe pas/],
      ['from=2025-1-01', /AAAA-MM-JJ/],
      ['from=hier', /AAAA-MM-JJ/],
      ['from=2025-06-02&to=2025-06-01', /date de début est postérieure à la date de fin/],
    ];
    for (const [query, message] of cases) {
      for (const url of [`/api/entities/PREF69/statistics?${query}`, `/api/entities/PREF69/statistics.csv?${query}`, `/api/statistics?${query}`, `/api/statistics.csv?${query}`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().code, 'PLATFORM_VALIDATION_FAILED');
        assert.match(res.json().message, message, url);
      }
    }
    await assert.rejects(getEntityStatistics(ctx(), 'PREF69', { from: '2025-06-02', to: '2025-06-01' }), (error: Error & { code?: string; frenchMessage?: string }) => {
      assert.equal(error.code, 'PLATFORM_VALIDATION_FAILED');
      assert.match(error.frenchMessage!, /Période invalide : la date de début \(2025-06-02\) est postérieure à la date de fin \(2025-06-01\)/);
      return true;
    });
    await assert.rejects(getEntityStatistics(ctx(), 'PREF69', { to: '2025-02-29' }), /bad statistics period/);
    assert.equal((await get('/api/entities/NOPE/statistics')).statusCode, 404);
    assert.equal((await get('/api/entities/NOPE/statistics.csv')).statusCode, 404);
  });

  it('gives the same figures on the command line: text, JSON and CSV (`octo stats`)', async () => {
    const run = async (...args: string[]) => {
      let out = '';
      const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
      registerStatsCommands(program, (fn) => fn(t.app), { write: (text) => void (out += text), readStdin: async () => '' });
      await program.parseAsync(['stats', ...args], { from: 'user' });
      return out;
    };
    const csv = await run('--entity', 'PREF69', '--csv');
    assert.equal(csv, (await get('/api/entities/PREF69/statistics.csv')).body);
    assert.deepEqual(JSON.parse(await run('--platform', '--json', '--from', '2025-04-01')), JSON.parse((await get('/api/statistics?from=2025-04-01')).body));
    const text = await run('--entity', 'PREF69');
    assert.match(text, /^Pilotage — Préfecture du Rhône \(PREF69\), du 17\/06\/2024 au 16\/06\/2025 ; situation au 16\/06\/2025$/m);
    assert.match(text, /^  Réponses dans le délai légal : 2 sur 3 \(66,7 %\) ; en cours à échéance dépassée : 1$/m);
    assert.match(text, /^  Délai de traitement \(4 courrier\(s\) traité\(s\)\) : médiane 41,5 j, 90e centile 62 j, moyenne 36,8 j$/m);
    assert.match(text, /^    Bureau "A" ; statistiques \(STAT-TEST\) +2$/m);
    await assert.rejects(run('--entity', 'PREF69', '--to', '2025-02-29'), /Cette date n’existe pas/);
  });
});
