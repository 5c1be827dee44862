// Rasterise one PDF page for OCR: 300 dpi, capped by a pixel budget, converted
// to 8-bit gray at once so only one RGBA canvas is alive per page.

import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { OctoError } from '../../platform/errors.ts';
import type { GrayRaster } from './raster.ts';

export const OCR_DPI = 300;

export interface RenderedPage {
  raster: GrayRaster;
  /** pdfjs viewport transform at the render scale: PDF user space → raster pixels. */
  transform: number[];
}

export function renderScale(widthPt: number, heightPt: number, maxPixels: number): number {
  let scale = OCR_DPI / 72;
  const pixels = widthPt * scale * heightPt * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  return scale;
}

export async function renderPdfPage(page: PDFPageProxy, maxPixels: number): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: renderScale(base.width, base.height, maxPixels) });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  // canvasFactory is the @napi-rs/canvas-backed factory pdfjs installs in Node
  const factory = (page as unknown as { _transport: { canvasFactory: CanvasFactory } })._transport.canvasFactory;
  const { canvas, context } = factory.create(width, height);
  try {
    context.fillStyle = '#ffffff'; // transparent pages would turn black in gray conversion
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport, intent: 'print' }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    const gray = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
      raw: { width, height, channels: 4 },
    })
      .removeAlpha()
      .grayscale()
      .raw()
      .toBuffer();
    return { raster: { width, height, data: gray, dpi: (viewport.scale * 72) }, transform: viewport.transform };
  } catch (error) {
    throw new OctoError('CAPTURE_PDF_CORRUPT', `Cannot render page ${page.pageNumber}: ${String(error)}`, {
      page: page.pageNumber,
    });
  } finally {
    factory.destroy({ canvas, context });
    page.cleanup();
  }
}

interface CanvasLike {
  width: number;
  height: number;
}
interface ContextLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: CanvasLike; context: ContextLike };
  destroy(pair: { canvas: CanvasLike; context: ContextLike }): void;
}
