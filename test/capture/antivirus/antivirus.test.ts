import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { rescanHeldFiles } from '../../../src/capture/antivirus/index.ts';
import { NOT_CONFIGURED_MESSAGE } from '../../../src/capture/antivirus/antivirus-status.ts';
import { antivirusRescanJob } from '../../../src/capture/antivirus/antivirus-rescan.job.ts';
import { clamdInstalled, EICAR, startClamd, temporarySocketPath, type TestClamd } from '../../helpers/clamd.ts';
import {
  corpusFile,
  createTestEnvironment,
  mailroomOf,
  signInAgent,
  startTestApp,
  TEST_DIALECT,
  type SignedInAgent,
  type TestApp,
} from '../../helpers/test-app.ts';

const LETTER = 'pdf/maarch-courrier-entrant-demandes-interventions.pdf';
const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');

function multipart(files: Array<{ name: string; bytes: Buffer }>) {
  const boundary = `----octo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A plain e-mail whose attachment is the given file, base64-encoded as mail clients send it. */
function emailWithAttachment(filename: string, bytes: Buffer): Buffer {
  const body = bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: Jean Usager <jean.usager@example.fr>',
      'To: courrier@pref69.example.gouv.fr',
      'Subject: Pièce demandée pour mon dossier',
      'Date: Tue, 1 Dec 2026 10:00:00 +0100',
      'Message-ID: <antivirus-test@example.fr>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="SEP"',
      '',
      '--SEP',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour, veuillez trouver ci-joint la pièce demandée.',
      '--SEP',
      `Content-Type: application/pdf; name="${filename}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${filename}"`,
      '',
      body,
      '--SEP--',
      '',
    ].join('\r\n'),
  );
}

async function upload(agent: SignedInAgent, name: string, bytes: Buffer) {
  const res = await agent.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...multipart([{ name, bytes }]) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().results[0] as { item?: { chrono: string }; quarantine?: { id: string; code: string; message: string } };
}

async function auditActions(t: TestApp, subjectId: string) {
  const rows = await t.app.ctx.db.selectFrom('platform_audit').select(['action', 'after']).where('subject_id', '=', subjectId).orderBy('seq').execute();
  return rows.map((r) => ({ action: r.action, after: JSON.parse(r.after ?? 'null') }));
}

const skip = clamdInstalled ? false : 'clamd absent (apt-get install clamav-daemon)';

describe(`antivirus on intake, clamd running (${TEST_DIALECT})`, { skip }, () => {
  let clamd: TestClamd;
  let t: TestApp;
  let server: FastifyInstance;
  let agent: SignedInAgent;

  before(async () => {
    clamd = await startClamd();
    t = await startTestApp({ config: { clamavSocket: clamd.socket } });
    server = await t.app.buildHttpServer();
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
  });
  after(async () => {
    await server?.close();
    await t?.close();
    await clamd?.stop();
  });

  it('quarantines EICAR uploaded through the API with the signature in the reason, and never serves it', async () => {
    const result = await upload(agent, 'facture.pdf', EICAR);
    assert.equal(result.item, undefined);
    assert.equal(result.quarantine?.code, 'CAPTURE_VIRUS_FOUND');
    assert.match(result.quarantine!.message, /^L’antivirus a détecté un virus .* Virus détecté : « Octo\.Test\.EICAR_(HDB|NDB)-1\.UNOFFICIAL »\.$/);

    const list = await agent.inject({ method: 'GET', url: '/api/entities/PREF69/quarantine' });
    assert.ok(list.json().entries.some((e: { id: string }) => e.id === result.quarantine!.id));
    const items = await agent.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items' });
    assert.equal(items.json().total, 0, 'nothing infected reaches the inbox');

    const original = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/quarantine/${result.quarantine!.id}/original` });
    assert.equal(original.statusCode, 403);
    assert.equal(original.json().code, 'CAPTURE_INFECTED_FILE_WITHHELD');
    assert.match(original.json().message, /contient un virus : il ne peut pas être téléchargé/);
    assert.ok(!original.body.includes('EICAR-STANDARD'), 'not a byte of the file in the refusal');

    const audit = await auditActions(t, result.quarantine!.id);
    assert.deepEqual(audit.map((a) => a.action), ['capture.quarantine.created', 'capture.antivirus.virus_found']);
    assert.match(audit[1]!.after.signature, /Octo\.Test\.EICAR/);
  });

  it('scans each attachment of an e-mail and quarantines the e-mail naming the infected attachment', async () => {
    // The test clamd does not decode e-mails itself (ScanMail no): only Octo's per-attachment scan can see it.
    const result = await upload(agent, 'message.eml', emailWithAttachment('justificatif.pdf', EICAR));
    assert.equal(result.item, undefined);
    assert.equal(result.quarantine?.code, 'CAPTURE_VIRUS_FOUND');
    assert.match(result.quarantine!.message, /Virus détecté : « Octo\.Test\.EICAR_(HDB|NDB)-1\.UNOFFICIAL » dans la pièce jointe « justificatif\.pdf »\./);
    const original = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/quarantine/${result.quarantine!.id}/original` });
    assert.equal(original.statusCode, 403);
  });

  it('registers a clean letter and a clean e-mail as usual, and serves them', async () => {
    const letter = await upload(agent, 'lettre.pdf', await corpusFile(LETTER));
    assert.ok(letter.item, JSON.stringify(letter));
    const email = await upload(agent, 'message-sain.eml', emailWithAttachment('lettre.pdf', await corpusFile(LETTER)));
    assert.ok(email.item, JSON.stringify(email));
    const detail = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${letter.item!.chrono}` });
    const documentId = detail.json().documents[0].id;
    const original = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/documents/${documentId}/original` });
    assert.equal(original.statusCode, 200);
    assert.deepEqual(original.rawPayload, await corpusFile(LETTER));
  });

  it('says which clamd it uses, that it answers, and that it runs no official signatures', async () => {
    const unsigned = await server.inject({ method: 'GET', url: '/api/platform/antivirus' });
    assert.equal(unsigned.statusCode, 401);
    const res = await agent.inject({ method: 'GET', url: '/api/platform/antivirus' });
    assert.equal(res.statusCode, 200);
    const status = res.json();
    assert.equal(status.configured, true);
    assert.equal(status.reachable, true);
    assert.equal(status.endpoint, `unix:${clamd.socket}`);
    assert.match(status.engine, /^ClamAV /);
    assert.equal(status.signatureVersion, null);
    assert.match(status.message, /^Antivirus actif/);
    assert.ok(status.warnings.some((w: string) => /aucune base de signatures officielle/.test(w)));
  });
});

describe(`antivirus: bytes found infected after registration are no longer served (${TEST_DIALECT})`, { skip }, () => {
  it('refuses the original and searchable version of a document once the same bytes are found infected', async () => {
    const environment = await createTestEnvironment();
    const clamd = await startClamd();
    try {
      // Registered while no antivirus was configured: a PDF carrying EICAR in a trailing comment.
      const pdf = Buffer.concat([await corpusFile(LETTER), Buffer.from('\n%'), EICAR, Buffer.from('\n')]);
      let chrono: string;
      let documentId: string;
      {
        const t = await startTestApp({ environment });
        const server = await t.app.buildHttpServer();
        const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
        const result = await upload(agent, 'courrier.pdf', pdf);
        assert.ok(result.item, JSON.stringify(result));
        chrono = result.item.chrono;
        const detail = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${chrono}` });
        documentId = detail.json().documents[0].id;
        assert.equal((await agent.inject({ method: 'GET', url: `/api/entities/PREF69/documents/${documentId}/original` })).statusCode, 200);
        await server.close();
        await t.close();
      }
      // The antivirus is switched on; the same file arrives again and is found infected.
      const t = await startTestApp({ environment, config: { clamavSocket: clamd.socket } });
      const server = await t.app.buildHttpServer();
      try {
        const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
        const again = await upload(agent, 'courrier-bis.pdf', pdf);
        assert.equal(again.quarantine?.code, 'CAPTURE_VIRUS_FOUND');
        assert.match(again.quarantine!.message, /Octo\.Test\.EICAR_NDB-1/);
        for (const version of ['original', 'searchable']) {
          const res = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/documents/${documentId}/${version}` });
          assert.equal(res.statusCode, 403, version);
          assert.equal(res.json().code, 'CAPTURE_INFECTED_FILE_WITHHELD');
        }
      } finally {
        await server.close();
        await t.close();
      }
    } finally {
      await clamd.stop();
      await environment.dispose();
    }
  });
});

describe(`antivirus: clamd unreachable (${TEST_DIALECT})`, { skip }, () => {
  let socketDir: string;
  let socket: string;
  let t: TestApp;
  let server: FastifyInstance;
  let agent: SignedInAgent;
  let clamd: TestClamd | undefined;

  before(async () => {
    ({ dir: socketDir, socket } = await temporarySocketPath());
    t = await startTestApp({ config: { clamavSocket: socket } });
    server = await t.app.buildHttpServer();
    agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
  });
  after(async () => {
    await server?.close();
    await t?.close();
    await clamd?.stop();
    await fs.rm(socketDir, { recursive: true, force: true });
  });

  let heldLetter: string;
  let heldVirus: string;

  it('holds each received file in quarantine, unserved and unregistered, with a rescan job queued', async () => {
    const letter = await upload(agent, 'lettre.pdf', await corpusFile(LETTER));
    assert.equal(letter.item, undefined);
    assert.equal(letter.quarantine?.code, 'CAPTURE_ANTIVIRUS_UNAVAILABLE');
    assert.match(letter.quarantine!.message, /^Analyse antivirus impossible : .* Motif : clamd \(unix:.*\) est injoignable \(ENOENT\)\.$/);
    heldLetter = letter.quarantine!.id;
    const virus = await upload(agent, 'eicar.pdf', EICAR);
    assert.equal(virus.quarantine?.code, 'CAPTURE_ANTIVIRUS_UNAVAILABLE');
    heldVirus = virus.quarantine!.id;

    const items = await agent.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items' });
    assert.equal(items.json().total, 0);
    const original = await agent.inject({ method: 'GET', url: `/api/entities/PREF69/quarantine/${heldLetter}/original` });
    assert.equal(original.statusCode, 409);
    assert.equal(original.json().code, 'CAPTURE_UNSCANNED_FILE_WITHHELD');
    assert.match(original.json().message, /pas encore été analysé/);
    assert.equal(await t.app.ctx.jobs.pendingCount(), 2, 'one rescan job per held file');

    const status = (await agent.inject({ method: 'GET', url: '/api/platform/antivirus' })).json();
    assert.equal(status.reachable, false);
    assert.equal(status.heldCount, 2);
    assert.match(status.message, /^L’antivirus est configuré mais ne répond pas : clamd .* injoignable/);
  });

  it('leaves the files held while clamd is still down (the job fails, to be retried)', async () => {
    await assert.rejects(antivirusRescanJob.handler(t.app.ctx, { entityId: await entityId(t), quarantineId: heldLetter }), /still impossible/);
    const outcomes = await rescanHeldFiles(t.app.ctx);
    assert.deepEqual(outcomes.map((o) => o.outcome), ['still-held', 'still-held']);
  });

  it('once clamd answers, registers the clean file and marks the infected one, each in its entry', async () => {
    clamd = await startClamd({ socket });
    assert.equal(await antivirusRescanJob.handler(t.app.ctx, { entityId: await entityId(t), quarantineId: heldLetter }), 'done');
    const outcomes = await rescanHeldFiles(t.app.ctx, 'PREF69');
    assert.deepEqual(outcomes.map((o) => [o.quarantineId, o.outcome]), [[heldVirus, 'infected']]);

    const items = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items' })).json();
    assert.equal(items.total, 1);
    const resolved = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/quarantine?status=resolved' })).json().entries;
    const released = resolved.find((e: { id: string }) => e.id === heldLetter);
    assert.equal(released.status, 'released');
    assert.equal(released.resolutionNote, `Analyse antivirus faite : aucun virus. Enregistré sous ${items.items[0].chrono}.`);
    assert.equal((await agent.inject({ method: 'GET', url: `/api/entities/PREF69/quarantine/${heldLetter}/original` })).statusCode, 200);

    const open = (await agent.inject({ method: 'GET', url: '/api/entities/PREF69/quarantine' })).json().entries;
    const infected = open.find((e: { id: string }) => e.id === heldVirus);
    assert.equal(infected.code, 'CAPTURE_VIRUS_FOUND');
    assert.match(infected.message, /Octo\.Test\.EICAR/);
    assert.equal((await agent.inject({ method: 'GET', url: `/api/entities/PREF69/quarantine/${heldVirus}/original` })).statusCode, 403);
    assert.deepEqual((await auditActions(t, heldLetter)).map((a) => a.action), ['capture.quarantine.created', 'capture.antivirus.released']);
    assert.deepEqual((await auditActions(t, heldVirus)).map((a) => a.action), ['capture.quarantine.created', 'capture.antivirus.virus_found']);
    assert.equal((await rescanHeldFiles(t.app.ctx)).length, 0, 'nothing left held');
  });
});

async function entityId(t: TestApp) {
  const row = await t.app.ctx.db.selectFrom('registry_entity').select('id').where('code', '=', 'PREF69').executeTakeFirstOrThrow();
  return row.id;
}

describe(`antivirus not configured (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('says plainly, to a signed-in agent, that received files are not scanned', async () => {
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const res = await agent.inject({ method: 'GET', url: '/api/platform/antivirus' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().configured, false);
    assert.equal(res.json().reachable, null);
    assert.equal(res.json().message, 'Aucun antivirus n’est configuré : les fichiers reçus ne sont pas analysés.');
    assert.equal(res.json().message, NOT_CONFIGURED_MESSAGE);
  });

  it('octo antivirus status says the same, as text and JSON', async () => {
    const run = promisify(execFile);
    const text = await run(process.execPath, [OCTO, 'antivirus', 'status'], { env: t.environment.env });
    assert.match(text.stdout, /^Aucun antivirus n’est configuré : les fichiers reçus ne sont pas analysés\.\n/);
    const json = await run(process.execPath, [OCTO, 'antivirus', 'status', '--json'], { env: t.environment.env });
    assert.equal(JSON.parse(json.stdout).configured, false);
  });
});
