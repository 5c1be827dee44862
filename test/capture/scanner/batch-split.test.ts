import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDocumentFile, listQuarantineViews } from '../../../src/capture/index.ts';
import { PdfReader } from '../../../src/capture/ocr/pdf-reader.ts';
import { ingestScanBatch } from '../../../src/capture/scanner/batch-split.service.ts';
import { makeSeparatorSheet } from '../../../src/capture/scanner/separator-sheet.ts';
import { getHandlingView, getMailItemDetail, getMailItemHistory } from '../../../src/registry/index.ts';
import { corpusFile, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { PDFDocument } from 'pdf-lib';
import { assembleScanPdf, blankPagePdf, renderPdfPage, rescan, textPagePdf } from './scan-fixtures.ts';

async function pdfText(pdf: Buffer): Promise<string[]> {
  const reader = await PdfReader.open(pdf);
  try {
    const pages = [];
    for (let i = 0; i < reader.numPages; i++) pages.push((await reader.pageRuns(i)).runs.map((r) => r.text).join(' '));
    return pages;
  } finally {
    await reader.close();
  }
}

describe(`scanner: batch scans cut on separator sheets (${TEST_DIALECT})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('cuts a rescanned batch at each sheet, drops blanks, assigns the sheet’s service, flags a foreign sheet', async () => {
    const ctx = t.app.ctx;
    const sheet = async (entityCode: string, serviceCode: string | null, seed: number, angle: number) =>
      rescan(await renderPdfPage(await makeSeparatorSheet(ctx, { entityCode, serviceCode }), 0, 150), { angle, noise: 15, blur: 0.8, seed });
    const letter = async (pdf: Buffer, seed: number) => rescan(await renderPdfPage(pdf, 0, 150), { noise: 10, seed, angle: 0.7 });
    const blank = await rescan(await renderPdfPage(await blankPagePdf(), 0, 150), { noise: 15, specks: 150, faintBorder: true, seed: 30 });
    const batch = await assembleScanPdf([
      await sheet('PREF69', 'DCIT-ASSO', 1, 1.5), // 1
      await letter(await corpusFile('../derived-scans/maarchparaph-demande_subvention-scan.pdf'), 2), // 2
      blank, // 3
      await letter(await textPagePdf(['Lu et approuvé'], 12), 4), // 4
      await sheet('PREF69', null, 5, -2.5), // 5
      await letter(await corpusFile('scans/ocrmypdf-francais.pdf'), 6), // 6
      await sheet('DREAL-ARA', 'COURRIER', 7, 2.8), // 7
      await letter(await textPagePdf(['Monsieur le Préfet,', 'Objet : demande de subvention'], 12), 8), // 8
      blank, // 9
    ]);
    const result = await ingestScanBatch(ctx, 'PREF69', { filename: 'lot-du-matin.pdf', bytes: batch }, { split: true, source: 'cli' });
    assert.equal(result.quarantine, null);
    assert.equal(result.pageCount, 9);
    assert.deepEqual(result.separators, [1, 5, 7]);
    assert.deepEqual(result.blanks, [3, 9]);
    assert.deepEqual(result.items.map((i) => i.pages), [[2, 4], [6], [8]]);
    assert.deepEqual(result.items.map((i) => i.serviceCode), ['DCIT-ASSO', null, null]);
    for (const item of result.items) assert.equal(item.item?.channel, 'scan');
    assert.deepEqual(result.items.map((i) => i.item?.pageCount), [2, 1, 1]);

    const first = result.items[0]!.item!;
    assert.equal((await getHandlingView(ctx, 'PREF69', first.chrono)).service?.code, 'DCIT-ASSO');
    const history = await getMailItemHistory(ctx, 'PREF69', first.chrono);
    assert.ok(history.events.some((e) => e.action === 'registry.mail_item.assigned'), 'the assignment is in the history');
    assert.equal((await getHandlingView(ctx, 'PREF69', result.items[1]!.item!.chrono)).service, null);

    const foreign = await getMailItemDetail(ctx, 'PREF69', result.items[2]!.item!.chrono);
    assert.ok(foreign.warnings.some((w) => /autre entité \(DREAL-ARA, service COURRIER\) en page 7/.test(w)), foreign.warnings.join(' | '));

    // Each item's file holds exactly its pages, as they were scanned.
    const doc = (await getMailItemDetail(ctx, 'PREF69', first.chrono)).documents[0]!;
    const original = await getDocumentFile(ctx, 'PREF69', doc.id, 'original');
    assert.equal((await PDFDocument.load(original.bytes)).getPageCount(), 2);
    assert.equal(original.filename, 'lot-du-matin-p2-4.pdf');
  });

  it('registers a batch without any separator as one item, blanks dropped', async () => {
    const blank = await rescan(await renderPdfPage(await blankPagePdf(), 0, 150), { noise: 12, seed: 40 });
    const batch = await assembleScanPdf([
      await rescan(await renderPdfPage(await textPagePdf(['Première page'], 12), 0, 150), { noise: 8, seed: 41 }),
      blank,
      await rescan(await renderPdfPage(await textPagePdf(['Deuxième page'], 12), 0, 150), { noise: 8, seed: 42 }),
    ]);
    const result = await ingestScanBatch(t.app.ctx, 'PREF69', { filename: 'sans-separateur.pdf', bytes: batch }, { split: true, source: 'cli' });
    assert.deepEqual(result.separators, []);
    assert.deepEqual(result.blanks, [2]);
    assert.equal(result.items.length, 1);
    assert.deepEqual(result.items[0]!.pages, [1, 3]);
    assert.equal(result.items[0]!.item?.pageCount, 2);
  });

  it('splits a multi-page TIFF too (real scan, no separator: one item)', async () => {
    const tiff = await corpusFile('scans/paperless-multi-page-images.tiff');
    const result = await ingestScanBatch(t.app.ctx, 'PREF69', { filename: 'lot.tiff', bytes: tiff }, { split: true, source: 'cli' });
    assert.equal(result.items.length, 1);
    assert.equal(result.items[0]!.item?.pageCount, result.pageCount - result.blanks.length);
    assert.ok(result.pageCount >= 2);
  });

  it('keeps a batch of nothing but blanks and sheets in quarantine with its reason', async () => {
    const blank = await rescan(await renderPdfPage(await blankPagePdf(), 0, 150), { noise: 12, seed: 50 });
    const sheet = await rescan(await renderPdfPage(await makeSeparatorSheet(t.app.ctx, { entityCode: 'PREF69' }), 0, 150), { noise: 12, seed: 51 });
    const result = await ingestScanBatch(t.app.ctx, 'PREF69', { filename: 'vide.pdf', bytes: await assembleScanPdf([sheet, blank]) }, { split: true, source: 'cli' });
    assert.equal(result.items.length, 0);
    assert.equal(result.quarantine?.code, 'CAPTURE_BATCH_NO_CONTENT');
    assert.match(result.quarantine!.message, /1 feuille\(s\) de séparation, 1 page\(s\) blanche\(s\)/);
    const open = await listQuarantineViews(t.app.ctx, 'PREF69', 'open');
    assert.ok(open.some((q) => q.id === result.quarantine!.id && q.filename === 'vide.pdf'));
  });

  it('refuses a truncated batch into quarantine with its reason instead of failing', async () => {
    const whole = await corpusFile('scans/ocrmypdf-francais.pdf');
    const result = await ingestScanBatch(t.app.ctx, 'PREF69', { filename: 'tronque.pdf', bytes: whole.subarray(0, whole.length / 3) }, { split: true, source: 'cli' });
    assert.equal(result.items.length, 0);
    assert.equal(result.quarantine?.code, 'CAPTURE_PDF_CORRUPT');
  });
});

describe(`scanner: chrono stamp on the derived PDF (${TEST_DIALECT})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ workers: true });
  });
  after(() => t?.close());

  it('stamps the chrono on the first page of the derived PDF, never on the original', async () => {
    const ctx = t.app.ctx;
    // Born-digital pages (text layer): no OCR needed, so the test stays quick.
    const batch = await PDFDocument.create();
    const letter = await PDFDocument.load(await corpusFile('pdf/maarch-courrier-entrant-demandes-interventions.pdf'));
    const sheet = await PDFDocument.load(await makeSeparatorSheet(ctx, { entityCode: 'PREF69', serviceCode: 'CAB' }));
    for (const page of await batch.copyPages(sheet, [0])) batch.addPage(page);
    for (const page of await batch.copyPages(letter, letter.getPageIndices())) batch.addPage(page);
    const result = await ingestScanBatch(ctx, 'PREF69', { filename: 'lot-tampon.pdf', bytes: Buffer.from(await batch.save()) }, { split: true, stamp: true, source: 'cli' });
    assert.deepEqual(result.separators, [1]);
    assert.equal(result.items.length, 1);
    const chrono = result.items[0]!.item!.chrono;
    assert.equal(await t.app.waitForIdle(5 * 60_000), true);
    const doc = (await getMailItemDetail(ctx, 'PREF69', chrono)).documents[0]!;
    assert.equal(doc.hasSearchablePdf, true);
    const derived = await pdfText((await getDocumentFile(ctx, 'PREF69', doc.id, 'searchable')).bytes);
    assert.ok(derived[0]!.includes(chrono), 'the chrono is printed on page 1');
    const original = await pdfText((await getDocumentFile(ctx, 'PREF69', doc.id, 'original')).bytes);
    assert.ok(!original.join(' ').includes(chrono), 'the original is untouched');
    assert.equal(derived.length, original.length);
  });
});
