import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestFile } from '../../../src/capture/index.ts';
import { buildStoredZip } from '../../../src/registry/export/store-zip.ts';
import { FIXTURES, mailroomOf, manualClock, signInAgent, startTestApp, TEST_DIALECT, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

const run = promisify(execFile);

describe('registry: store-only ZIP writer, read by Info-ZIP unzip', () => {
  it('writes UTF-8 names and exact bytes that unzip tests and extracts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-zip-'));
    try {
      const bytes = Buffer.from('Préfecture du Rhône\n', 'utf8');
      const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
      await fs.writeFile(path.join(dir, 'p.zip'), buildStoredZip([{ path: 'dossier/été.txt', bytes }, { path: 'dossier/data.bin', bytes: binary }], new Date('2025-02-14T09:00:00Z')));
      const tested = await run('unzip', ['-t', path.join(dir, 'p.zip')]);
      assert.match(tested.stdout, /No errors detected/);
      const listing = (await run('unzip', ['-l', path.join(dir, 'p.zip')])).stdout;
      assert.match(listing, /(2025-02-14|02-14-2025) 10:00 +dossier\/été\.txt/, 'Paris time, UTF-8 name');
      await run('unzip', ['-q', path.join(dir, 'p.zip'), '-d', path.join(dir, 'out')]);
      assert.deepEqual(await fs.readFile(path.join(dir, 'out/dossier/été.txt')), bytes);
      assert.deepEqual(await fs.readFile(path.join(dir, 'out/dossier/data.bin')), binary);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe(`registry: transfer outside the platform as a file package, CRPA L114-2 (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let agent: SignedInAgent;
  let chrono: string;
  let dir: string;
  // received on Friday 7 February 2025, sent out on Friday 14 February
  const clock = manualClock('2025-02-07T09:00:00Z');
  const base = () => `/api/entities/PREF69/mail-items/${chrono}`;

  before(async () => {
    t = await startTestApp({ workers: true, clock });
    server = await t.app.buildHttpServer();
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const bytes = await fs.readFile(path.join(FIXTURES, 'derived-scans/maarch-courrier-entrant-demandes-interventions-scan.pdf'));
    const result = await ingestFile(t.app.ctx, 'PREF69', 'scan', { filename: 'demande scannée.pdf', bytes });
    chrono = result.item!.chrono;
    assert.equal(await t.app.waitForIdle(10 * 60_000), true);
    assert.equal((await agent.inject({ method: 'POST', url: `${base()}/qualify`, payload: { requestTypeCode: 'DEMANDE' } })).statusCode, 200);
    clock.set('2025-02-14T09:00:00Z');
    // sessions follow the test clock: sign in again after moving it
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-export-'));
  });
  after(async () => {
    await server?.close();
    await t?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses signed-out callers and agents of other entities', async () => {
    assert.equal((await server.inject({ method: 'POST', url: `${base()}/export`, payload: { recipientName: 'X' } })).statusCode, 401);
    const ars = await signInAgent(t.app, server, mailroomOf('ARS-ARA'));
    assert.equal((await ars.inject({ method: 'POST', url: `${base()}/export`, payload: { recipientName: 'X' } })).statusCode, 404);
    assert.equal((await agent.inject({ method: 'GET', url: `${base()}/export.zip` })).statusCode, 404, 'no package before the transfer');
  });

  it('builds the package: originals, searchable PDFs, manifest, bordereau and checksums that sha256sum verifies', async () => {
    const created = await agent.inject({
      method: 'POST', url: `${base()}/export`,
      payload: { recipientName: 'Mairie de Villeurbanne', recipientAddress: ['Place Lazare-Goujon', '69100 Villeurbanne'], reason: 'Voirie communale : compétence du maire' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const info = created.json();
    assert.equal(info.filename, `transmission-${chrono}.zip`);
    const download = await agent.inject({ method: 'GET', url: `${base()}/export.zip` });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/zip');
    assert.equal(download.headers['x-octo-sha256'], info.sha256);
    const zipFile = path.join(dir, info.filename);
    await fs.writeFile(zipFile, download.rawPayload);
    assert.match((await run('unzip', ['-t', zipFile])).stdout, /No errors detected/);
    await run('unzip', ['-q', zipFile, '-d', dir]);
    const folder = path.join(dir, chrono);
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder });
    assert.match(sums.stdout, /originaux\/01-demande scannée\.pdf: OK/);
    assert.match(sums.stdout, /recherchables\/01-demande scannée-recherchable\.pdf: OK/);
    assert.match(sums.stdout, /manifest\.json: OK/);
    assert.match(sums.stdout, /bordereau\.html: OK/);

    const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
    assert.equal(manifest.format, 'octo-transmission/1');
    assert.equal(manifest.item.chrono, chrono);
    assert.equal(manifest.item.receivedOn, '2025-02-07');
    assert.deepEqual(manifest.recipient, { name: 'Mairie de Villeurbanne', addressLines: ['Place Lazare-Goujon', '69100 Villeurbanne'] });
    assert.equal(manifest.reason, 'Voirie communale : compétence du maire');
    assert.equal(manifest.legalClocks.firstReceivedOn, '2025-02-07');
    assert.deepEqual(manifest.legalClocks.implicitDecision, { kind: 'acceptance', date: '2025-04-07' });
    assert.equal(manifest.item.requestType.code, 'DEMANDE');
    assert.equal(manifest.documents.length, 1);
    const original = await fs.readFile(path.join(folder, manifest.documents[0].original.path));
    assert.deepEqual(original, await fs.readFile(path.join(FIXTURES, 'derived-scans/maarch-courrier-entrant-demandes-interventions-scan.pdf')), 'the original, byte for byte');
    assert.ok(manifest.documents[0].searchable, 'the searchable PDF is in the package');
    assert.match((await run('pdftotext', [path.join(folder, manifest.documents[0].searchable.path), '-'])).stdout, /interventions/i);

    const slip = await fs.readFile(path.join(folder, 'bordereau.html'), 'utf8');
    for (const words of ['Bordereau de transmission', chrono, 'Mairie de Villeurbanne', 'Place Lazare-Goujon', 'Voirie communale : compétence du maire',
      'vendredi 7 février 2025', 'article L114-2', 'réception par la première administration saisie', manifest.documents[0].original.sha256]) {
      assert.ok(slip.includes(words), `bordereau lacks « ${words} »`);
    }
  });

  it('closes the item as transferred out, once, out of the deadline baskets, with its history', async () => {
    const handling = (await agent.inject({ method: 'GET', url: `${base()}/handling` })).json();
    assert.equal(handling.handlingStatus, 'transferred_out');
    assert.match(handling.handlingReason, /Mairie de Villeurbanne/);
    const again = await agent.inject({ method: 'POST', url: `${base()}/export`, payload: { recipientName: 'Autre' } });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().message, /déjà été transmis hors plateforme le 2025-02-14/);
    clock.set('2025-04-01T09:00:00Z');
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const baskets = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/baskets/deadlines' })).json();
    assert.equal([...baskets.late, ...baskets.dueSoon].some((i: { chrono: string }) => i.chrono === chrono), false);
    clock.set('2025-02-17T09:00:00Z');
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const audit = await t.app.ctx.db.selectFrom('platform_audit').select(['action']).where('action', '=', 'registry.mail_item.transferred_out').execute();
    assert.equal(audit.length, 1);
  });

  it('tells the sender which outside administration now has the request (notice of L114-2)', async () => {
    const res = await agent.inject({ method: 'GET', url: `${base()}/transfer-notice-email` });
    assert.equal(res.statusCode, 200, res.body);
    const notice = res.json();
    assert.equal(notice.newChrono, null);
    assert.equal(notice.competentEntityCode, null);
    assert.equal(notice.competentEntityName, 'Mairie de Villeurbanne');
    assert.match(notice.text, /transmise le vendredi 14 février 2025 à l’administration compétente : Mairie de Villeurbanne/);
    assert.match(notice.text, /Place Lazare-Goujon/);
    assert.match(notice.text, /soit le vendredi 7 février 2025/);
    const pdf = await agent.inject({ method: 'GET', url: `${base()}/transfer-notice.pdf` });
    assert.equal(pdf.statusCode, 200, pdf.body);
    const file = path.join(dir, 'avis.pdf');
    await fs.writeFile(file, pdf.rawPayload);
    assert.match((await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' '), /Mairie de Villeurbanne/);
  });
});
