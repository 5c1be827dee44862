import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { PdfReader } from '../../../src/capture/ocr/pdf-reader.ts';
import { analysePage } from '../../../src/capture/scanner/page-analysis.ts';
import { formatSeparatorCode, parseSeparatorCode } from '../../../src/capture/scanner/separator-code.ts';
import { makeSeparatorSheet } from '../../../src/capture/scanner/separator-sheet.ts';
import { isOctoError } from '../../../src/platform/errors.ts';
import { corpusFile, startTestApp, TEST_DIALECT, type TestApp } from '../../helpers/test-app.ts';
import { blankPagePdf, renderPdfPage, rescan, textPagePdf, type ScanEffects, type ScannedPage } from './scan-fixtures.ts';

async function verdictOf(page: ScannedPage) {
  const { data, info } = await sharp(page.jpeg).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return analysePage({ width: info.width, height: info.height, data, dpi: page.dpi });
}

describe(`scanner: separator sheets and page analysis (${TEST_DIALECT})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('reads back what a separator code says, and nothing else', () => {
    assert.deepEqual(parseSeparatorCode(formatSeparatorCode({ entityCode: 'PREF69', serviceCode: 'DCIT-ASSO' })), { entityCode: 'PREF69', serviceCode: 'DCIT-ASSO' });
    assert.deepEqual(parseSeparatorCode('OCTO-SEP:v1:PREF69:-'), { entityCode: 'PREF69', serviceCode: null });
    assert.equal(parseSeparatorCode('https://example.org/paiement'), null);
    assert.equal(parseSeparatorCode('OCTO-SEP:v2:PREF69:-'), null);
    assert.equal(parseSeparatorCode('OCTO-SEP:v1:pref 69:-'), null);
  });

  it('prints an A4 sheet per copy, with the French text and the service', async () => {
    const pdf = await makeSeparatorSheet(t.app.ctx, { entityCode: 'PREF69', serviceCode: 'DCIT-ASSO', count: 3 });
    const reader = await PdfReader.open(pdf);
    try {
      assert.equal(reader.numPages, 3);
      const { runs, widthPt, heightPt } = await reader.pageRuns(2);
      assert.equal(Math.round(widthPt), 595);
      assert.equal(Math.round(heightPt), 842);
      const text = runs.map((r) => r.text).join(' ');
      assert.match(text, /Feuille de séparation — ne pas retirer/);
      assert.match(text, /Préfecture du Rhône \(PREF69\)/);
      assert.match(text, /Bureau des associations \(DCIT-ASSO\)/);
      assert.match(text, /OCTO-SEP:v1:PREF69:DCIT-ASSO/);
    } finally {
      await reader.close();
    }
  });

  it('refuses an unknown entity or service with a specific French message', async () => {
    await assert.rejects(makeSeparatorSheet(t.app.ctx, { entityCode: 'NOPE' }), (e: unknown) => {
      assert.ok(isOctoError(e));
      assert.equal(e.code, 'REGISTRY_ENTITY_NOT_FOUND');
      assert.match(e.frenchMessage, /Aucune entité n’a le code « NOPE »/);
      return true;
    });
    await assert.rejects(makeSeparatorSheet(t.app.ctx, { entityCode: 'PREF69', serviceCode: 'SGAR' }), (e: unknown) => {
      assert.ok(isOctoError(e));
      assert.match(e.frenchMessage, /Le service « SGAR » n’existe pas dans l’entité PREF69/);
      return true;
    });
  });

  it('finds the QR code on a printed and rescanned sheet: rotated 1–3°, blurred, noisy, 150–200 dpi', async () => {
    const pdf = await makeSeparatorSheet(t.app.ctx, { entityCode: 'PREF69', serviceCode: 'CAB' });
    const cases: Array<[number, ScanEffects]> = [
      [150, { angle: 1, noise: 10, blur: 0.6, seed: 1 }],
      [200, { angle: -2, noise: 18, blur: 1, seed: 2, specks: 200 }],
      [150, { angle: 3, noise: 25, blur: 1.4, seed: 3, faintBorder: true }],
      [200, { angle: -3, noise: 30, blur: 1.2, seed: 4, paper: 215 }],
    ];
    for (const [dpi, effects] of cases) {
      const verdict = await verdictOf(await rescan(await renderPdfPage(pdf, 0, dpi), effects));
      assert.equal(verdict.kind, 'separator', `${dpi} dpi ${JSON.stringify(effects)}`);
      assert.deepEqual(verdict.separator, { entityCode: 'PREF69', serviceCode: 'CAB' });
    }
  });

  it('counts a scanned blank page with noise, dust and a faint border as blank', async () => {
    const blank = await renderPdfPage(await blankPagePdf(), 0, 200);
    for (const effects of [
      { noise: 14, specks: 300, faintBorder: true, angle: 1.5, seed: 5 },
      { noise: 25, specks: 100, faintBorder: true, paper: 220, seed: 6 },
    ]) {
      const verdict = await verdictOf(await rescan(blank, effects));
      assert.equal(verdict.kind, 'blank', JSON.stringify(effects));
    }
  });

  it('never drops a page that holds only a short line of text', async () => {
    for (const [lines, size] of [[['Lu et approuvé'], 12], [['Vu'], 11], [['Signature :'], 10]] as const) {
      const page = await rescan(await renderPdfPage(await textPagePdf([...lines], size), 0, 200), { noise: 14, specks: 100, faintBorder: true, seed: 8 });
      const verdict = await verdictOf(page);
      assert.equal(verdict.kind, 'content', lines.join(' '));
    }
  });

  it('takes real scanned letters for content', async () => {
    for (const file of ['../derived-scans/maarchparaph-etat_civil-scan.pdf', 'scans/ocrmypdf-francais.pdf']) {
      const verdict = await verdictOf(await rescan(await renderPdfPage(await corpusFile(file), 0, 150), { noise: 6, seed: 9 }));
      assert.equal(verdict.kind, 'content', file);
    }
  });
});
