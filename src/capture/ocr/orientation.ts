// Choosing how to turn a page before OCR. Projection profiles (deskew.ts) tell
// horizontal from vertical text lines almost for free; upside-down text is only
// visible to the recogniser, so when the first full pass reads poorly we OCR a
// half-size copy in the four orientations and keep the one that reads best.

import sharp from 'sharp';
import type { OcrPool, OcrResult } from './ocr-pool.ts';
import { toPgm, type GrayRaster } from './raster.ts';
import { rotateRaster } from './straighten.ts';

export type Rotation = 0 | 90 | 180 | 270;

/** Below this mean confidence a first pass is suspected of reading a turned page. */
export const CONFIDENT_PASS = 60;
/** A vertical/horizontal profile ratio under this is not trusted to turn the page. */
export const AXIS_TRUST = 1.3;

export function passScore(result: Pick<OcrResult, 'confidence' | 'wordCount'>): number {
  // a handful of confident words on a rotated page must not beat a real read
  return result.confidence * Math.min(1, result.wordCount / 12);
}

export function isConfident(result: OcrResult): boolean {
  return result.confidence >= CONFIDENT_PASS && result.wordCount >= 3;
}

/** OCRs a half-size copy of `raster` turned by each rotation; returns the best-reading rotation. */
export async function bestOrientation(
  raster: GrayRaster,
  pool: OcrPool,
  candidates: Rotation[],
): Promise<{ rotation: Rotation; score: number; scores: Record<number, number> }> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .resize(Math.max(1, Math.round(raster.width / 2)))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const half: GrayRaster = { width: info.width, height: info.height, data, dpi: raster.dpi / 2 };
  const scores: Record<number, number> = {};
  // all candidates at once: the pool spreads them over its workers
  await Promise.all(
    candidates.map(async (rotation) => {
      const turned = await rotateRaster(half, rotation);
      const result = await pool.recognize(toPgm(turned.raster), { dpi: half.dpi });
      scores[rotation] = passScore(result);
    }),
  );
  let best: Rotation = candidates[0];
  for (const rotation of candidates) if (scores[rotation] > scores[best]) best = rotation;
  return { rotation: best, score: scores[best], scores };
}
