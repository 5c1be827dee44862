import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createOcrPool, probeNativeTesseract, processDocument, type OcrPool, type PageText } from '../../../src/capture/ocr/index.ts';
import { OctoError } from '../../../src/platform/errors.ts';
import { fixture, fold, pageSizes, pdftotext, qpdfCheck } from './helpers.ts';

// The same real-document checks run on each engine; the native one needs Debian's tesseract.
const nativeProblem = probeNativeTesseract('fra+eng').problem;
const ENGINES = [
  { engine: 'tesseract.js' as const, skip: false as const },
  { engine: 'native' as const, skip: nativeProblem ? `native engine skipped: ${nativeProblem}` : (false as const) },
];

let pool: OcrPool;

function assertSearchableCopy(original: Buffer, searchable: Buffer | null, words: string[]) {
  assert.ok(searchable, 'a scan must get a searchable copy');
  qpdfCheck(searchable);
  assert.deepEqual(pageSizes(searchable), pageSizes(original));
  const text = fold(pdftotext(searchable));
  for (const word of words) assert.ok(text.includes(fold(word)), `pdftotext misses "${word}"`);
}

for (const { engine, skip } of ENGINES) describe(`[${engine}]`, { skip }, () => {
before(() => {
  pool = createOcrPool({ engine }); // one pool per engine: model loading is the costly part
});
after(async () => {
  await pool.terminate();
});

describe('processDocument on scans', () => {
  test('French image-only PDF: accents recognised, searchable copy readable by pdftotext', async () => {
    const bytes = fixture('ocrmypdf-francais.pdf');
    const { pages, searchablePdf } = await processDocument(bytes, 'pdf', { pool });
    assert.equal(pages.length, 1);
    const [page] = pages;
    assert.equal(page.source, 'ocr');
    assert.ok(page.confidence !== null && page.confidence > 80, `confidence ${page.confidence}`);
    assert.ok(fold(page.text).includes('whisky'));
    assert.ok(fold(page.text).includes('juge blond'));
    const accented = ['intérieure', 'côté', 'alcôve', 'ovoïde', 'bûches', 'âtre', 'être', 'ambiguë', 'capharnaüm', 'œuvre', 'à'];
    const exact = accented.filter((word) => page.text.includes(word));
    assert.ok(exact.length >= accented.length - 2, `accents right on ${exact.join(', ')} only`);
    assert.ok(page.text.split('\n').length >= 8, 'real line breaks are kept');
    assert.equal(page.widthPt, 216);
    assertSearchableCopy(bytes, searchablePdf, ['whisky', 'juge', 'intérieure']);
    assert.ok(pdftotext(searchablePdf!).includes('intérieure'), 'accents survive in the text layer');
  });

  test('pages in four orientations are turned upright', async () => {
    const bytes = fixture('ocrmypdf-cardinal.pdf');
    const seen: number[] = [];
    const { pages, searchablePdf } = await processDocument(bytes, 'pdf', { pool, onPage: (p) => void seen.push(p.index) });
    assert.deepEqual(seen, [0, 1, 2, 3], 'onPage in page order');
    assert.equal(pages.length, 4);
    for (const page of pages) {
      assert.match(page.text, /LinnSequencer|Sequence/, `page ${page.index} rotation ${page.rotation}`);
      assert.ok(page.confidence! > 70);
    }
    assert.deepEqual(
      pages.map((p) => p.rotation),
      [0, 270, 180, 90],
    );
    assertSearchableCopy(bytes, searchablePdf, ['LinnSequencer']);
  });

  test('a skewed scan is straightened', async () => {
    const bytes = fixture('ocrmypdf-skew.pdf');
    const { pages, searchablePdf } = await processDocument(bytes, 'pdf', { pool });
    assert.match(pages[0].text, /LinnSequencer/);
    assert.ok(Math.abs(pages[0].skewDegrees) >= 1, `skew ${pages[0].skewDegrees}`);
    assertSearchableCopy(bytes, searchablePdf, ['LinnSequencer']);
  });

  for (const name of ['ocrmypdf-jbig2.pdf', 'ocrmypdf-ccitt.pdf']) {
    test(`bilevel encodings are decoded: ${name}`, async () => {
      const bytes = fixture(name);
      const { pages, searchablePdf } = await processDocument(bytes, 'pdf', { pool });
      assert.match(pages[0].text, /^The LinnSequencer/);
      assertSearchableCopy(bytes, searchablePdf, ['LinnSequencer', 'Sequence']);
    });
  }

  test('multi-page TIFF: every frame is OCRed, searchable PDF one page per frame', async () => {
    const { pages, searchablePdf } = await processDocument(fixture('paperless-multi-page-images.tiff'), 'tiff', { pool });
    assert.deepEqual(
      pages.map((p) => /Page (\d)/.exec(p.text)?.[1]),
      ['1', '2', '3'],
    );
    assert.ok(searchablePdf);
    qpdfCheck(searchablePdf);
    assert.equal(pageSizes(searchablePdf).length, 3);
    assert.match(pdftotext(searchablePdf), /Page 3/);
  });

  test('bilevel TIFF with several languages', async () => {
    const { pages, searchablePdf } = await processDocument(fixture('tesseract-eurotext.tif'), 'tiff', { pool });
    assert.ok(fold(pages[0].text).includes('le renard brun'));
    assert.ok(pages[0].text.includes('$43,456.78'));
    assert.ok(searchablePdf);
    qpdfCheck(searchablePdf);
    assert.ok(fold(pdftotext(searchablePdf)).includes('renard'));
  });

  test('a photo without text does not crash and reads as low confidence', async () => {
    const { pages } = await processDocument(fixture('lataupe-mole-photo.pdf'), 'pdf', { pool });
    assert.equal(pages.length, 1);
    assert.ok(pages[0].confidence! < 60, `confidence ${pages[0].confidence}`);
    const words = pages[0].text.match(/\p{L}{4,}/gu) ?? [];
    assert.ok(words.length < 15, `too much text: ${pages[0].text}`);
  });
});

describe('processDocument on born-digital PDFs', () => {
  test('keeps the text layer, no OCR, no searchable copy', async () => {
    const pages: PageText[] = [];
    const result = await processDocument(fixture('maarch-courrier-entrant-demandes-interventions.pdf'), 'pdf', {
      pool,
      onPage: (p) => void pages.push(p),
    });
    assert.equal(result.searchablePdf, null);
    assert.equal(result.pages.length, 1);
    const [page] = result.pages;
    assert.equal(page.source, 'text-layer');
    assert.equal(page.confidence, null);
    assert.match(page.text, /PASCONTENT/);
    assert.match(page.text, /^Objet/m, '"Objet" starts its own line');
    assert.match(page.text, /^Bernard PASCONTENT\n3 bis rue Papin\n75003 PARIS$/m);
    assert.equal(pages.length, 1);
  });
});

describe('processDocument on odd input', () => {
  test('corrupt PDF → CAPTURE_PDF_CORRUPT', async () => {
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await assert.rejects(processDocument(bytes, 'pdf', { pool }), (e) => e instanceof OctoError && e.code === 'CAPTURE_PDF_CORRUPT');
  });

  test('truncated image → CAPTURE_IMAGE_CORRUPT', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } }).png().toBuffer();
    await assert.rejects(processDocument(png.subarray(0, 40), 'png', { pool }), (e) => e instanceof OctoError && e.code === 'CAPTURE_IMAGE_CORRUPT');
  });

  test('image beyond the pixel budget → CAPTURE_IMAGE_TOO_LARGE', async () => {
    const png = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#fff' } }).png().toBuffer();
    await assert.rejects(
      processDocument(png, 'png', { pool, maxPixelsPerPage: 4_000_000 }),
      (e) => e instanceof OctoError && e.code === 'CAPTURE_IMAGE_TOO_LARGE',
    );
  });

  test('blank PNG gives an empty page and a one-page searchable PDF', async () => {
    const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } }).png().toBuffer();
    const { pages, searchablePdf } = await processDocument(png, 'png', { pool });
    assert.equal(pages[0].text, '');
    assert.equal(pages[0].widthPt, 144); // 600 px at the default 300 dpi
    assert.ok(searchablePdf);
    qpdfCheck(searchablePdf);
  });

  test('an aborted signal stops the work', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(processDocument(fixture('ocrmypdf-francais.pdf'), 'pdf', { pool, signal: controller.signal }));
  });
});
});
