// A document's bytes → per-page text and, for scans, a searchable PDF.
// Pages are prepared one after another on this thread (render/decode) and OCR'd
// on the pool's workers, with at most pool.size pages in flight so memory stays flat.

import { OctoError } from '../../platform/errors.ts';
import type { OcrPool } from './ocr-pool.ts';
import { PdfReader } from './pdf-reader.ts';
import { hasMeaningfulText, linesFromRuns } from './pdf-text.ts';
import { countImagePages, decodeImagePage, type ImageKind } from './image-pages.ts';
import { ocrRaster, type PageOcr } from './ocr-page.ts';
import { ImagePdfBuilder, overlayOnPdf, type TextOverlay } from './searchable-pdf.ts';
import type { Rotation } from './orientation.ts';

export type ProcessableKind = 'pdf' | 'tiff' | 'jpeg' | 'png';

export interface PageText {
  index: number; // 0-based
  text: string; // lines separated by \n
  source: 'text-layer' | 'ocr';
  confidence: number | null; // 0..100 for OCR pages, null for text-layer pages
  rotation: Rotation; // clockwise, applied before OCR
  skewDegrees: number; // clockwise, applied before OCR (0 when none)
  widthPt: number;
  heightPt: number;
}

export interface ProcessedDocument {
  pages: PageText[];
  searchablePdf: Buffer | null;
}

export interface ProcessOptions {
  pool: OcrPool;
  maxPixelsPerPage?: number;
  onPage?: (page: PageText) => void | Promise<void>;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_PIXELS_PER_PAGE = 40_000_000;

export async function processDocument(
  bytes: Buffer,
  kind: ProcessableKind,
  options: ProcessOptions,
): Promise<ProcessedDocument> {
  if (!bytes?.length) throw new OctoError('CAPTURE_EMPTY_FILE', 'Empty document');
  const maxPixels = options.maxPixelsPerPage ?? DEFAULT_MAX_PIXELS_PER_PAGE;
  return kind === 'pdf' ? processPdf(bytes, maxPixels, options) : processImages(bytes, kind, maxPixels, options);
}

async function processPdf(bytes: Buffer, maxPixels: number, options: ProcessOptions): Promise<ProcessedDocument> {
  const doc = await PdfReader.open(bytes);
  const overlays = new Map<number, TextOverlay>();
  try {
    const pages = await runPages(doc.numPages, options, async (index) => {
      const { runs, widthPt, heightPt } = await doc.pageRuns(index);
      const text = linesFromRuns(runs);
      if (hasMeaningfulText(text)) {
        const result: PageText = { index, text, source: 'text-layer', confidence: null, rotation: 0, skewDegrees: 0, widthPt: round2(widthPt), heightPt: round2(heightPt) };
        return () => Promise.resolve(result);
      }
      const rendered = await doc.render(index, maxPixels);
      return async () => {
        const ocr = await ocrRaster(rendered.raster, options.pool, { pdf: true, signal: options.signal });
        if (ocr.pdf) {
          overlays.set(index, {
            pdf: ocr.pdf,
            straightened: geometryOf(ocr.straightened),
            raster: { width: rendered.raster.width, height: rendered.raster.height },
            userToRaster: rendered.transform,
          });
        }
        return ocrPage(index, ocr, widthPt, heightPt);
      };
    });
    if (!pages.some((p) => p.source === 'ocr')) return { pages, searchablePdf: null };
    return { pages, searchablePdf: await overlayOnPdf(bytes, overlays) };
  } finally {
    await doc.close();
  }
}

async function processImages(
  bytes: Buffer,
  kind: ImageKind,
  maxPixels: number,
  options: ProcessOptions,
): Promise<ProcessedDocument> {
  const count = await countImagePages(bytes, kind);
  const builder = new ImagePdfBuilder();
  const pages = await runPages(count, options, async (index) => {
    const image = await decodeImagePage(bytes, kind, index, maxPixels);
    const { raster } = image;
    const widthPt = (raster.width * 72) / raster.dpi;
    const heightPt = (raster.height * 72) / raster.dpi;
    return async () => {
      const ocr = await ocrRaster(raster, options.pool, { pdf: true, signal: options.signal });
      const overlay: TextOverlay | null = ocr.pdf
        ? {
            pdf: ocr.pdf,
            straightened: geometryOf(ocr.straightened),
            raster: { width: raster.width, height: raster.height },
            userToRaster: [raster.width / widthPt, 0, 0, -raster.height / heightPt, 0, raster.height],
          }
        : null;
      await builder.add(index, { picture: image.picture, widthPt, heightPt, overlay });
      return ocrPage(index, ocr, widthPt, heightPt);
    };
  });
  return { pages, searchablePdf: await builder.save() };
}

function ocrPage(index: number, ocr: PageOcr, widthPt: number, heightPt: number): PageText {
  return {
    index,
    text: ocr.text,
    source: 'ocr',
    confidence: ocr.confidence,
    rotation: ocr.rotation,
    skewDegrees: ocr.skewDegrees,
    widthPt: round2(widthPt),
    heightPt: round2(heightPt),
  };
}

/** Keeps sizes and angle, drops the pixels (overlays outlive the page). */
function geometryOf(s: PageOcr['straightened']): TextOverlay['straightened'] {
  return { angle: s.angle, raster: { width: s.raster.width, height: s.raster.height } };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Runs `prepare` for each page in order (sequential: rendering shares this thread),
 * then its returned OCR step concurrently, never more than pool.size steps at once.
 * onPage is called in page order.
 */
async function runPages(
  count: number,
  options: ProcessOptions,
  prepare: (index: number) => Promise<() => Promise<PageText>>,
): Promise<PageText[]> {
  const limit = Math.max(1, options.pool.size);
  const results: PageText[] = new Array(count);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let emitted = 0;
  let emitting: Promise<void> = Promise.resolve();

  const emitReady = () => {
    emitting = emitting.then(async () => {
      while (emitted < count && results[emitted]) {
        const page = results[emitted++];
        if (options.onPage) await options.onPage(page);
      }
    });
    emitting.catch((error) => (failure ??= error));
  };

  for (let index = 0; index < count && !failure; index++) {
    options.signal?.throwIfAborted();
    while (inFlight.size >= limit) await Promise.race(inFlight);
    if (failure) break;
    let step: () => Promise<PageText>;
    try {
      step = await prepare(index);
    } catch (error) {
      failure = error;
      break;
    }
    const task = step()
      .then((page) => {
        results[index] = page;
        emitReady();
      })
      .catch((error) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  await emitting.catch(() => {});
  if (failure) throw wrap(failure);
  options.signal?.throwIfAborted();
  return results;
}

function wrap(error: unknown): unknown {
  if (error instanceof OctoError || (error as Error)?.name === 'AbortError') return error;
  return new OctoError('CAPTURE_PROCESSING_FAILED', `Document processing failed: ${String(error)}`);
}
