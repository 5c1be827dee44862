// Pages of a batch scan (PDF or multi-page TIFF): a small render of each for the analysis,
// and the file of one item cut from it. PDF pages are copied as they are (no re-encoding);
// TIFF pages become PDF pages holding the untouched pixels.

import { PDFDocument } from 'pdf-lib';
import { OctoError } from '../../platform/errors.ts';
import { countImagePages, decodeImagePage } from '../ocr/image-pages.ts';
import { PdfReader } from '../ocr/pdf-reader.ts';
import type { GrayRaster } from '../ocr/raster.ts';
import { ImagePdfBuilder } from '../ocr/searchable-pdf.ts';
import { ANALYSIS_DPI, toAnalysisRaster } from './page-analysis.ts';

/** A4 at ANALYSIS_DPI, with room for Legal-sized pages. */
const ANALYSIS_MAX_PIXELS = Math.round(8.5 * 14 * ANALYSIS_DPI * ANALYSIS_DPI);

export interface BatchPages {
  pageCount: number;
  /** A gray render of the page at about ANALYSIS_DPI. */
  analysisRaster(index: number): Promise<GrayRaster>;
  /** One PDF holding these pages (0-based), in order. */
  extract(indices: number[]): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openBatchPages(bytes: Buffer, kind: 'pdf' | 'tiff', maxPixelsPerPage: number): Promise<BatchPages> {
  return kind === 'pdf' ? openPdf(bytes) : openTiff(bytes, maxPixelsPerPage);
}

async function openPdf(bytes: Buffer): Promise<BatchPages> {
  const reader = await PdfReader.open(bytes);
  let source: PDFDocument | null = null;
  return {
    pageCount: reader.numPages,
    async analysisRaster(index) {
      return (await reader.render(index, ANALYSIS_MAX_PIXELS)).raster;
    },
    async extract(indices) {
      try {
        source ??= await PDFDocument.load(bytes, { updateMetadata: false });
      } catch (error) {
        throw new OctoError('CAPTURE_PDF_CORRUPT', `Cannot split the PDF: ${String(error)}`);
      }
      const out = await PDFDocument.create({ updateMetadata: false });
      for (const page of await out.copyPages(source, indices)) out.addPage(page);
      return Buffer.from(await out.save({ useObjectStreams: true }));
    },
    close: () => reader.close(),
  };
}

async function openTiff(bytes: Buffer, maxPixels: number): Promise<BatchPages> {
  return {
    pageCount: await countImagePages(bytes, 'tiff'),
    async analysisRaster(index) {
      return toAnalysisRaster((await decodeImagePage(bytes, 'tiff', index, maxPixels)).raster);
    },
    async extract(indices) {
      const builder = new ImagePdfBuilder();
      for (const [position, index] of indices.entries()) {
        const page = await decodeImagePage(bytes, 'tiff', index, maxPixels);
        const widthPt = (page.raster.width * 72) / page.raster.dpi;
        const heightPt = (page.raster.height * 72) / page.raster.dpi;
        await builder.add(position, { picture: page.picture, widthPt, heightPt, overlay: null });
      }
      return builder.save();
    },
    close: async () => {},
  };
}
