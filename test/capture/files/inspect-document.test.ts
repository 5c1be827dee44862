import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { inspectDocument } from '../../../src/capture/files/index.ts';
import { OctoError, type OctoErrorCode } from '../../../src/platform/errors.ts';
import { FIXTURES, fixture, pngBomb, truncated } from './generated-files.ts';

async function rejects(promise: Promise<unknown>, code: OctoErrorCode, detail?: RegExp): Promise<OctoError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof OctoError, `not an OctoError: ${String(error)}`);
  assert.equal(error.code, code, `${error.message} / ${String(error.details.detailFr)}`);
  if (detail) assert.match(String(error.details.detailFr), detail);
  return error;
}

describe('inspectDocument: PDF', () => {
  it('a born-digital 2-page letter: 2 pages, both with text', async () => {
    const result = await inspectDocument(fixture('pdf/maarchparaph-ar_sva.pdf'), 'pdf');
    assert.deepEqual(result, { kind: 'pdf', pageCount: 2, pagesWithText: 2, warnings: [] });
  });

  it('an image-only scan has no text layer', async () => {
    const result = await inspectDocument(fixture('scans/ocrmypdf-ccitt.pdf'), 'pdf');
    assert.equal(result.pageCount, 1);
    assert.equal(result.pagesWithText, 0);
  });

  it('pyhanko-minimal-startxref-hopeless (wrong startxref) is repaired and accepted: 1 page of text', async () => {
    const result = await inspectDocument(fixture('pdf/pyhanko-minimal-startxref-hopeless.pdf'), 'pdf');
    assert.equal(result.pageCount, 1);
    assert.equal(result.pagesWithText, 1);
  });

  it('paperless-password-is-test (user password) is CAPTURE_PDF_ENCRYPTED', async () => {
    await rejects(inspectDocument(fixture('pdf/paperless-password-is-test.pdf'), 'pdf'), 'CAPTURE_PDF_ENCRYPTED', /mot de passe/);
  });

  it('parapheur-test_pdf_verouille (owner password only) is accepted with 5 pages and a warning', async () => {
    const result = await inspectDocument(fixture('pdf/parapheur-test_pdf_verouille.pdf'), 'pdf');
    assert.equal(result.pageCount, 5);
    assert.equal(result.pagesWithText, 5);
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /mot de passe propriétaire/);
  });

  it('ocrmypdf-invalid (header and %%EOF, no object) is CAPTURE_PDF_NO_PAGES', async () => {
    await rejects(inspectDocument(fixture('pdf/ocrmypdf-invalid.pdf'), 'pdf'), 'CAPTURE_PDF_NO_PAGES', /aucun objet/);
  });

  it('dss-EmptyPage-corrupted (null page tree) is CAPTURE_PDF_NO_PAGES', async () => {
    await rejects(inspectDocument(fixture('pdf/dss-EmptyPage-corrupted.pdf'), 'pdf'), 'CAPTURE_PDF_NO_PAGES', /arborescence des pages/);
  });

  for (const fraction of [0.5, 0.9]) {
    it(`a real PDF cut at ${fraction * 100} % is CAPTURE_PDF_CORRUPT (truncated)`, async () => {
      const whole = fixture('pdf/parapheur-test_pdf_verouille.pdf');
      await rejects(inspectDocument(truncated(whole, fraction), 'pdf'), 'CAPTURE_PDF_CORRUPT', /tronqué/);
    });
  }

  it('a PDF with trailing padding after %%EOF is not mistaken for a truncated one', async () => {
    const padded = Buffer.concat([fixture('pdf/maarchparaph-ar_sva.pdf'), Buffer.alloc(700, 0), Buffer.from('\r\n   \n')]);
    assert.equal((await inspectDocument(padded, 'pdf')).pageCount, 2);
  });

  it('a broken page (its object removed) is reported with its number', async () => {
    // Cut the second page object out of the file while keeping the end of it intact.
    const bytes = fixture('pdf/maarchparaph-ar_sva.pdf');
    const pageTree = /\/Type\s*\/Pages[^>]*\/Kids\s*\[\s*(\d+)\s+0\s+R\s+(\d+)\s+0\s+R/.exec(bytes.toString('latin1'));
    assert.ok(pageTree, 'page tree with two kids expected in the fixture');
    const text = bytes.toString('latin1').replace(new RegExp(`(^|[\\r\\n])${pageTree[2]} 0 obj`), `$1${pageTree[2]} 0 xbj`);
    const result = inspectDocument(Buffer.from(text, 'latin1'), 'pdf');
    await rejects(result, 'CAPTURE_PDF_CORRUPT', /Page 2/);
  });

  it('a PDF with an empty page tree (0 pages) is CAPTURE_PDF_NO_PAGES', async () => {
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    await rejects(inspectDocument(empty, 'pdf'), 'CAPTURE_PDF_NO_PAGES', /0 page/);
  });

  it('an absurd page size (over 200 inches) is refused, a large one (A0) is not', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([2384, 3370]); // A0
    const a0 = Buffer.from(await doc.save());
    assert.equal((await inspectDocument(a0, 'pdf')).pageCount, 1);
    doc.addPage([72 * 250, 72 * 10]);
    const absurd = Buffer.from(await doc.save());
    await rejects(inspectDocument(absurd, 'pdf'), 'CAPTURE_PDF_CORRUPT', /Page 2 au format aberrant \(635 × 25 cm\)/);
  });

  it('too many pages is CAPTURE_TOO_MANY_PAGES', async () => {
    await rejects(inspectDocument(fixture('pdf/parapheur-test_pdf_verouille.pdf'), 'pdf', { maxPages: 3 }), 'CAPTURE_TOO_MANY_PAGES', /5 pages/);
  });

  it('a page larger than the pixel budget at 300 dpi is a warning, not an error', async () => {
    const result = await inspectDocument(fixture('pdf/maarchparaph-ar_sva.pdf'), 'pdf', { maxPixelsPerPage: 1e6 });
    assert.equal(result.pageCount, 2);
    assert.match(result.warnings.join(' '), /Pages 1, 2 de grand format/);
  });

  it('a probe that overruns its time budget is stopped, and the next PDF is still inspected', async () => {
    await rejects(inspectDocument(fixture('pdf/parapheur-test_pdf_verouille.pdf'), 'pdf', { timeoutMs: 1 }), 'CAPTURE_PDF_CORRUPT', /n’a pas abouti/);
    assert.equal((await inspectDocument(fixture('pdf/maarchparaph-ar_sva.pdf'), 'pdf')).pageCount, 2);
  });

  it('agrees with qpdf on page counts of the accepted fixtures', async (t) => {
    try {
      execFileSync('qpdf', ['--version']);
    } catch {
      t.skip('qpdf not installed');
      return;
    }
    for (const path of ['pdf/maarchparaph-ar_sva.pdf', 'pdf/parapheur-test_pdf_verouille.pdf', 'scans/ocrmypdf-ccitt.pdf']) {
      const expected = Number(execFileSync('qpdf', ['--show-npages', FIXTURES + path]).toString().trim());
      assert.equal((await inspectDocument(fixture(path), 'pdf')).pageCount, expected, path);
    }
  });
});

describe('inspectDocument: images', () => {
  it('the 3-page TIFF has 3 pages', async () => {
    const result = await inspectDocument(fixture('scans/paperless-multi-page-images.tiff'), 'tiff');
    assert.deepEqual(result, { kind: 'tiff', pageCount: 3, pagesWithText: 0, warnings: [] });
  });

  it('a single-page TIFF, a JPEG and a PNG scan are accepted', async () => {
    assert.equal((await inspectDocument(fixture('scans/tesseract-eurotext.tif'), 'tiff')).pageCount, 1);
    assert.equal((await inspectDocument(fixture('scans/docspell-scanner-jfif.jpg'), 'jpeg')).pageCount, 1);
    assert.equal((await inspectDocument(fixture('scans/ocrmypdf-typewriter.png'), 'png')).pageCount, 1);
  });

  it('an image bomb (20000 x 20000 1-bit PNG, a few KB) is CAPTURE_IMAGE_TOO_LARGE without being decoded', async () => {
    const bomb = pngBomb();
    assert.ok(bomb.length < 200_000, `bomb should be small on disk, is ${bomb.length}`);
    const before = process.memoryUsage().rss;
    await rejects(inspectDocument(bomb, 'png'), 'CAPTURE_IMAGE_TOO_LARGE', /20000 × 20000/);
    assert.ok(process.memoryUsage().rss - before < 200e6, 'the bomb must not be decoded');
  });

  it('the pixel limit is configurable', async () => {
    await rejects(inspectDocument(fixture('scans/ocrmypdf-typewriter.png'), 'png', { maxPixelsPerPage: 10e6 }), 'CAPTURE_IMAGE_TOO_LARGE', /4000 × 2864/);
  });

  it('a truncated JPEG is CAPTURE_IMAGE_CORRUPT', async () => {
    await rejects(inspectDocument(truncated(fixture('scans/docspell-scanner-jfif.jpg'), 0.6), 'jpeg'), 'CAPTURE_IMAGE_CORRUPT', /tronquées/);
  });

  it('a truncated PNG is CAPTURE_IMAGE_CORRUPT', async () => {
    await rejects(inspectDocument(truncated(fixture('scans/ocrmypdf-typewriter.png'), 0.7), 'png'), 'CAPTURE_IMAGE_CORRUPT');
  });

  it('a truncated multi-page TIFF is CAPTURE_IMAGE_CORRUPT', async () => {
    await rejects(inspectDocument(truncated(fixture('scans/paperless-multi-page-images.tiff'), 0.9), 'tiff'), 'CAPTURE_IMAGE_CORRUPT');
  });

  it('bytes that are not the announced image type are CAPTURE_IMAGE_CORRUPT', async () => {
    await rejects(inspectDocument(fixture('scans/ocrmypdf-typewriter.png'), 'jpeg'), 'CAPTURE_IMAGE_CORRUPT', /JPEG/);
  });
});
