import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { corpusFile, startTestApp, TEST_DIALECT, type TestApp, pilotOperator, signInAgent, type SignedInAgent } from '../helpers/test-app.ts';

function multipart(files: Array<{ name: string; bytes: Buffer }>, fields: Record<string, string> = {}) {
  const boundary = `----octo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`REST API (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;
  let api: SignedInAgent;
  let baseUrl: string;

  before(async () => {
    // No workers: these tests are about registration, not OCR.
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    api = await signInAgent(t.app, server, pilotOperator(), { displayName: 'Nadia Benali' });
    baseUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('lists the five entities of the pilot with their services', async () => {
    const res = await api.inject({ method: 'GET', url: '/api/entities' });
    assert.equal(res.statusCode, 200);
    const codes = res.json().entities.map((e: { code: string }) => e.code);
    assert.deepEqual(codes, ['AC-LYON', 'ARS-ARA', 'DREAL-ARA', 'DRFIP-ARA', 'PREF69']);
    const pref = res.json().entities.find((e: { code: string }) => e.code === 'PREF69');
    assert.ok(pref.services.some((s: { code: string; name: string }) => s.code === 'SGCD'));
  });

  it('gives 50 parallel uploads 50 distinct, gapless chrono numbers', async () => {
    const bytes = await corpusFile('pdf/maarch-courrier-entrant-demandes-interventions.pdf');
    const responses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const body = multipart([{ name: `lettre-${i}.pdf`, bytes }], { channel: 'upload' });
        const res = await fetch(`${baseUrl}/api/entities/DREAL-ARA/mail-items`, { method: 'POST', headers: { ...body.headers, ...api.headers }, body: body.payload });
        assert.equal(res.status, 201);
        return (await res.json()) as { results: Array<{ item: { chrono: string } }> };
      }),
    );
    const numbers = responses.map((r) => Number(r.results[0]!.item.chrono.slice(-6))).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 50 }, (_, i) => i + 1));
    const list = await api.inject({ method: 'GET', url: '/api/entities/DREAL-ARA/mail-items?pageSize=200' });
    assert.equal(list.json().total, 50);
  });

  it('quarantines bad files with a specific French reason and keeps them', async () => {
    const cases: Array<[string, Buffer, string]> = [
      ['vide.pdf', Buffer.alloc(0), 'CAPTURE_EMPTY_FILE'],
      ['protege.pdf', await corpusFile('pdf/paperless-password-is-test.pdf'), 'CAPTURE_PDF_ENCRYPTED'],
      ['invalide.pdf', await corpusFile('pdf/ocrmypdf-invalid.pdf'), 'CAPTURE_PDF_NO_PAGES|CAPTURE_PDF_CORRUPT'],
      ['casse.pdf', await corpusFile('pdf/dss-EmptyPage-corrupted.pdf'), 'CAPTURE_PDF_NO_PAGES|CAPTURE_PDF_CORRUPT'],
      ['programme.pdf', Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(200)]), 'CAPTURE_EXECUTABLE_FILE'],
      ['casse.eml', await corpusFile('eml/paperless-broken.eml'), 'CAPTURE_EML_INVALID'],
      ['chiffre.eml', await corpusFile('eml/unstructured-fake-encrypted-pgp.eml'), 'CAPTURE_EML_ENCRYPTED'],
    ];
    for (const [name, bytes, code] of cases) {
      const body = multipart([{ name, bytes }]);
      const res = await api.inject({ method: 'POST', url: '/api/entities/AC-LYON/mail-items', ...body });
      assert.equal(res.statusCode, 201, name);
      const result = res.json().results[0];
      assert.equal(result.item, undefined, `${name} must not be registered`);
      assert.match(result.quarantine.code, new RegExp(`^(${code})$`), name);
      assert.ok(result.quarantine.message.length > 20, `${name}: ${result.quarantine.message}`);
      const original = await api.inject({ method: 'GET', url: `/api/entities/AC-LYON/quarantine/${result.quarantine.id}/original` });
      assert.equal(original.statusCode, 200);
      assert.deepEqual(original.rawPayload, bytes, `${name} is kept byte for byte`);
    }
    const list = await api.inject({ method: 'GET', url: '/api/entities/AC-LYON/quarantine' });
    assert.equal(list.json().entries.length, cases.length);
    assert.equal((await api.inject({ method: 'GET', url: '/api/entities/AC-LYON/mail-items' })).json().total, 0);
  });

  it('dismisses a quarantine entry with a note, once', async () => {
    const body = multipart([{ name: 'vide.png', bytes: Buffer.alloc(0) }]);
    const entry = (await api.inject({ method: 'POST', url: '/api/entities/DRFIP-ARA/mail-items', ...body })).json().results[0].quarantine;
    const url = `/api/entities/DRFIP-ARA/quarantine/${entry.id}/dismiss`;
    const dismissed = await api.inject({ method: 'POST', url, payload: { note: 'Envoi vide, expéditeur recontacté' } });
    assert.equal(dismissed.statusCode, 200);
    assert.equal(dismissed.json().status, 'dismissed');
    const again = await api.inject({ method: 'POST', url, payload: { note: 'encore' } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'REGISTRY_QUARANTINE_ALREADY_RESOLVED');
    const resolved = await api.inject({ method: 'GET', url: '/api/entities/DRFIP-ARA/quarantine?status=resolved' });
    assert.equal(resolved.json().entries[0].resolutionNote, 'Envoi vide, expéditeur recontacté');
  });

  it('answers 404 for an item or document looked up through another entity', async () => {
    const body = multipart([{ name: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') }]);
    const item = (await api.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...body })).json().results[0].item;
    const own = await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${item.chrono}` });
    assert.equal(own.statusCode, 200);
    const documentId = own.json().documents[0].id;
    for (const url of [
      `/api/entities/ARS-ARA/mail-items/${item.chrono}`,
      `/api/entities/ARS-ARA/documents/${documentId}/original`,
      `/api/entities/ARS-ARA/documents/${documentId}/text`,
    ]) {
      const res = await api.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
    }
    const original = await api.inject({ method: 'GET', url: `/api/entities/PREF69/documents/${documentId}/original` });
    assert.equal(original.headers['content-type'], 'application/pdf');
    const foreignHistory = await api.inject({ method: 'GET', url: `/api/entities/ARS-ARA/mail-items/${item.chrono}/history` });
    assert.equal(foreignHistory.statusCode, 404);
  });

  it('keeps each item\'s history in the hash-chained audit log', async () => {
    const body = multipart([{ name: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') }]);
    const item = (await api.inject({ method: 'POST', url: '/api/entities/DRFIP-ARA/mail-items', ...body })).json().results[0].item;
    const history = await api.inject({ method: 'GET', url: `/api/entities/DRFIP-ARA/mail-items/${item.chrono}/history` });
    assert.equal(history.statusCode, 200);
    const [registered] = history.json().events;
    assert.equal(registered.action, 'registry.mail_item.registered');
    assert.equal(registered.actorLabel, 'Nadia Benali');
    assert.equal(registered.source, '127.0.0.1');
    assert.equal(registered.after.chrono, item.chrono);
    const { verifyAuditChain } = await import('../../src/platform/audit/index.ts');
    const { requireEntity } = await import('../../src/registry/index.ts');
    const entity = await requireEntity(t.app.ctx, 'DRFIP-ARA');
    const verdict = await verifyAuditChain(t.app.ctx.db, entity.id);
    assert.equal(verdict.ok, true);
  });

  it('rejects bad queries with a clear error', async () => {
    const unknown = await api.inject({ method: 'GET', url: '/api/entities/NOPE/mail-items' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'REGISTRY_ENTITY_NOT_FOUND');
    assert.equal(unknown.json().message, 'Entité inconnue.');
    const badDate = await api.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items?from=14/11/2026' });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.json().message, /AAAA-MM-JJ/);
    const impossible = await api.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items?from=2026-02-30' });
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.json().message, /from : cette date n’existe pas/);
    const negative = await api.inject({ method: 'GET', url: '/api/entities/PREF69/mail-items?page=-1' });
    assert.equal(negative.statusCode, 400);
    assert.doesNotMatch(negative.json().message, /Too small|expected/, 'validation messages are in French');
    const badJson = await api.inject({ method: 'POST', url: '/api/entities/PREF69/quarantine/x/dismiss', headers: { 'content-type': 'application/json' }, payload: '{"note":' });
    assert.equal(badJson.statusCode, 400);
    assert.match(badJson.json().message, /JSON valide/);
    const truncated = multipart([{ name: 'lettre.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') }]);
    const cut = await api.inject({
      method: 'POST', url: '/api/entities/PREF69/mail-items', headers: truncated.headers,
      payload: truncated.payload.subarray(0, truncated.payload.length - 5000),
    });
    assert.equal(cut.statusCode, 400, 'a truncated upload is the client\'s fault');
    assert.match(cut.json().message, /interrompu/);
    const emptySearch = await api.inject({ method: 'GET', url: '/api/entities/PREF69/search?q=%20%21%20' });
    assert.equal(emptySearch.statusCode, 400);
    const noFile = await api.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...multipart([], { channel: 'scan' }) });
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.json().message, /Aucun fichier/);
  });

  it('registers the same file twice but flags the second as a possible duplicate of the first', async () => {
    const bytes = await corpusFile('pdf/maarchparaph-demande_subvention.pdf');
    const upload = async () =>
      (await api.inject({ method: 'POST', url: '/api/entities/AC-LYON/mail-items', ...multipart([{ name: 'subvention.pdf', bytes }]) })).json().results[0].item;
    const first = await upload();
    const second = await upload();
    assert.notEqual(second.chrono, first.chrono, 'nothing is dropped');
    const detail = (await api.inject({ method: 'GET', url: `/api/entities/AC-LYON/mail-items/${second.chrono}` })).json();
    assert.ok(detail.warnings.some((w: string) => w.includes('Doublon possible') && w.includes(first.chrono)), detail.warnings.join(' | '));
    const firstDetail = (await api.inject({ method: 'GET', url: `/api/entities/AC-LYON/mail-items/${first.chrono}` })).json();
    assert.equal(firstDetail.warnings.some((w: string) => w.includes('Doublon')), false);
  });

  it('never serves a refused attachment as a document, nor sends it in a transfer package', async () => {
    // An executable renamed .pdf, attached to an otherwise good e-mail (the bytes are an ELF header).
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(256, 0x41)]);
    const eml = Buffer.from(
      [
        'From: Camille Martin <camille.martin@example.org>',
        'To: courrier@pref69.example',
        'Subject: Pièces pour mon dossier',
        'Date: Mon, 16 Nov 2026 10:00:00 +0100',
        'Message-ID: <refused-part@example.org>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Bonjour, voici la pièce demandée.',
        '--b1',
        'Content-Type: application/pdf; name="facture.pdf"',
        'Content-Disposition: attachment; filename="facture.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        elf.toString('base64'),
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const item = (await api.inject({ method: 'POST', url: '/api/entities/PREF69/mail-items', ...multipart([{ name: 'dossier.eml', bytes: eml }]) })).json().results[0].item;
    const detail = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${item.chrono}` })).json();
    const refused = detail.documents.find((d: { filename: string }) => d.filename === 'facture.pdf');
    assert.ok(refused.quarantineReason, 'the part is kept, with its reason');
    const original = await api.inject({ method: 'GET', url: `/api/entities/PREF69/documents/${refused.id}/original` });
    assert.equal(original.statusCode, 403);
    assert.equal(original.json().code, 'CAPTURE_QUARANTINED_PART_WITHHELD');
    const exported = await api.inject({ method: 'POST', url: `/api/entities/PREF69/mail-items/${item.chrono}/export`, payload: { recipientName: 'Mairie de Lyon' } });
    assert.equal(exported.statusCode, 201, exported.body);
    const zip = (await api.inject({ method: 'GET', url: `/api/entities/PREF69/mail-items/${item.chrono}/export.zip` })).rawPayload;
    assert.ok(!zip.includes(elf), 'the refused bytes are not in the package');
    assert.ok(zip.includes(Buffer.from('facture.pdf) non transmis')), 'the slip names the part left out');
  });

  it('publishes its OpenAPI description', async () => {
    const res = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/entities/{code}/mail-items', '/api/entities/{code}/search', '/api/entities/{code}/quarantine']) {
      assert.ok(paths.includes(p), p);
    }
  });
});
