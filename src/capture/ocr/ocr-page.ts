// One image page through OCR: find the text-line axis and skew, turn the page
// upright, recognise, and fall back to an orientation search when the read is poor.

import type { OcrPool, OcrResult } from './ocr-pool.ts';
import { toPgm, type GrayRaster } from './raster.ts';
import { analyseLines } from './deskew.ts';
import { rotateRaster, type Straightened } from './straighten.ts';
import { AXIS_TRUST, detectRotation, isConfident, passScore, type Rotation } from './orientation.ts';

export interface PageOcr {
  text: string;
  confidence: number;
  rotation: Rotation;
  skewDegrees: number;
  /** Text-only PDF page from tesseract, in the straightened image's frame. */
  pdf: Buffer | null;
  straightened: Straightened;
}

/** Skews smaller than this are left alone (resampling costs more than it gains). */
const MIN_SKEW = 0.3;
const MAX_SKEW = 10;

export async function ocrRaster(raster: GrayRaster, pool: OcrPool, options: { pdf: boolean; signal?: AbortSignal }): Promise<PageOcr> {
  const geometry = await analyseLines(raster);
  const hasLines = geometry.axisContrast >= 1.05;
  let osdAsked = false;
  let turn: Rotation = 0;
  if (geometry.vertical && geometry.axisContrast >= AXIS_TRUST) {
    // 90 or 270: the profile cannot tell, OSD can
    osdAsked = true;
    turn = (await detectRotation(raster, pool)) ?? 90;
  }
  let page = await readAt(raster, turn, pool, options, turn === 0 ? geometry.skewDegrees : undefined);
  if (osdAsked && turn !== 0 && !isConfident(page.result)) {
    // vertical strokes that are not text (barcodes, tables) can fool profile and OSD alike
    const upright = await readAt(raster, 0, pool, options, geometry.skewDegrees);
    if (passScore(upright.result) > passScore(page.result)) page = upright;
  }
  if (isConfident(page.result) || !hasLines || osdAsked) return finish(page);

  // poor read of a page with text lines: maybe upside down or mis-turned
  const detected = await detectRotation(raster, pool);
  if (detected !== null && detected !== page.rotation) {
    const retry = await readAt(raster, detected, pool, options);
    if (passScore(retry.result) > passScore(page.result)) page = retry;
  }
  return finish(page);
}

interface Read {
  rotation: Rotation;
  skewDegrees: number;
  straightened: Straightened;
  result: OcrResult;
}

async function readAt(
  raster: GrayRaster,
  rotation: Rotation,
  pool: OcrPool,
  { pdf, signal }: { pdf: boolean; signal?: AbortSignal },
  knownSkew?: number,
): Promise<Read> {
  // skew is measured on the upright copy so its sign needs no per-rotation care
  const upright = rotation === 0 ? { raster, angle: 0 } : await rotateRaster(raster, rotation);
  const measured = knownSkew ?? (await analyseLines(upright.raster)).skewDegrees;
  const skew = Math.abs(measured) >= MIN_SKEW && Math.abs(measured) <= MAX_SKEW ? -measured : 0;
  const straightened = skew === 0 ? upright : await rotateRaster(raster, rotation + skew);
  const result = await pool.recognize(toPgm(straightened.raster), { dpi: raster.dpi, pdf, signal });
  return { rotation, skewDegrees: Math.round(skew * 10) / 10, straightened, result };
}

function finish(read: Read): PageOcr {
  return {
    text: read.result.text.replace(/[ \t]+$/gmu, '').replace(/\n{3,}/g, '\n\n').trim(),
    confidence: Math.round(read.result.confidence),
    rotation: read.rotation,
    skewDegrees: read.skewDegrees,
    pdf: read.result.pdf,
    straightened: read.straightened,
  };
}
