import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import jsQRModule from 'jsqr';
import { makeSeparatorSheet } from '../../../src/capture/scanner/separator-sheet.ts';
import { getHandlingView } from '../../../src/registry/index.ts';
import { corpusFile, mailroomOf, signInAgent, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { renderPdfPage } from './scan-fixtures.ts';

const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

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

describe(`scanner: batch scans API (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let server: FastifyInstance;

  before(async () => {
    t = await startTestApp();
    server = await t.app.buildHttpServer();
    await server.ready();
  });
  after(async () => {
    await server?.close();
    await t?.close();
  });

  it('cuts an uploaded batch on its separator sheets (register permission)', async () => {
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const batch = await PDFDocument.create();
    const letter = await PDFDocument.load(await corpusFile('pdf/maarchparaph-etat_civil.pdf'));
    const sheet = await PDFDocument.load(await makeSeparatorSheet(t.app.ctx, { entityCode: 'PREF69', serviceCode: 'DCL' }));
    for (const source of [letter, sheet, letter]) for (const page of await batch.copyPages(source, [0])) batch.addPage(page);
    const res = await agent.inject({ method: 'POST', url: '/api/entities/PREF69/batch-scans', ...multipart([{ name: 'lot.pdf', bytes: Buffer.from(await batch.save()) }]) });
    assert.equal(res.statusCode, 201, res.body);
    const [result] = res.json().results;
    assert.deepEqual(result.separators, [2]);
    assert.deepEqual(result.items.map((i: { pages: number[] }) => i.pages), [[1], [3]]);
    assert.deepEqual(result.items.map((i: { serviceCode: string | null }) => i.serviceCode), [null, 'DCL']);
    assert.equal((await getHandlingView(t.app.ctx, 'PREF69', result.items[1].item.chrono)).service?.code, 'DCL');
  });

  it('refuses signed-out callers and agents of another entity', async () => {
    const body = multipart([{ name: 'x.pdf', bytes: await corpusFile('pdf/maarchparaph-etat_civil.pdf') }]);
    assert.equal((await server.inject({ method: 'POST', url: '/api/entities/PREF69/batch-scans', ...body })).statusCode, 401);
    const other = await signInAgent(t.app, server, mailroomOf('ARS-ARA'));
    assert.equal((await other.inject({ method: 'POST', url: '/api/entities/PREF69/batch-scans', ...body })).statusCode, 404);
    const reader = await signInAgent(t.app, server, [{ entityCode: 'PREF69', role: 'auditor' }]);
    assert.equal((await reader.inject({ method: 'POST', url: '/api/entities/PREF69/batch-scans', ...body })).statusCode, 403);
  });

  it('rejects a bad flag with a French message', async () => {
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const res = await agent.inject({ method: 'POST', url: '/api/entities/PREF69/batch-scans', ...multipart([{ name: 'x.pdf', bytes: Buffer.from('%PDF-1.4') }], { stamp: 'peut-être' }) });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /stamp vaut true ou false/);
  });

  it('serves a printable separator sheet whose QR code names the entity and service', async () => {
    const agent = await signInAgent(t.app, server, mailroomOf('PREF69'));
    const res = await agent.inject({ method: 'GET', url: '/api/entities/PREF69/separator-sheet.pdf?service=CAB&count=2' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = res.rawPayload;
    assert.equal((await PDFDocument.load(pdf)).getPageCount(), 2);
    const raster = await renderPdfPage(pdf, 1, 100);
    const rgba = new Uint8ClampedArray(raster.width * raster.height * 4);
    for (let i = 0; i < raster.width * raster.height; i++) rgba.fill(raster.data[i]!, i * 4, i * 4 + 3), (rgba[i * 4 + 3] = 255);
    assert.equal(jsQR(rgba, raster.width, raster.height)?.data, 'OCTO-SEP:v1:PREF69:CAB');
    const unknown = await agent.inject({ method: 'GET', url: '/api/entities/PREF69/separator-sheet.pdf?service=NOPE' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().message, /Le service « NOPE » n’existe pas/);
  });
});
