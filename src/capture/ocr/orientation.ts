// Choosing how to turn a page before OCR. Projection profiles (deskew.ts) tell
// horizontal from vertical text lines almost for free; which way up is left to
// tesseract's OSD, asked only when the profile says "vertical" or the first read
// is poor, so upright pages never pay for it. If OSD is unavailable, a half-size
// centre crop is OCR'd in the four orientations and the best read wins.

import { sharp } from './sharp-settings.ts';
import type { OcrPool, OcrResult } from './ocr-pool.ts';
import { toPgm, type GrayRaster } from './raster.ts';
import { rotateRaster } from './straighten.ts';

export type Rotation = 0 | 90 | 180 | 270;

/** Below this mean confidence a first pass is suspected of reading a turned page. */
export const CONFIDENT_PASS = 60;
/** A vertical/horizontal profile ratio under this is not trusted to turn the page. */
export const AXIS_TRUST = 1.3;
/** OSD orientation confidence we act on (tesseract's own CLI warns below ~2). */
const OSD_TRUST = 3;
const OSD_SIZE = 2000;

export function passScore(result: Pick<OcrResult, 'confidence' | 'wordCount'>): number {
  // a handful of confident words on a rotated page must not beat a real read
  return result.confidence * Math.min(1, result.wordCount / 12);
}

export function isConfident(result: OcrResult): boolean {
  return result.confidence >= CONFIDENT_PASS && result.wordCount >= 3;
}

/** Clockwise turn making the text upright, or null when nothing can tell. */
export async function detectRotation(raster: GrayRaster, pool: OcrPool): Promise<Rotation | null> {
  const small = await downscale(raster, Math.min(1, OSD_SIZE / Math.max(raster.width, raster.height)));
  const guess = await pool.detectOrientation(toPgm(small), small.dpi);
  if (guess && guess.confidence >= OSD_TRUST) return guess.degrees;
  if (guess) return null; // OSD ran but is unsure: a trial would be as unsure
  return trialRotation(raster, pool);
}

/** Fallback: OCR a half-size centre crop in the four orientations, keep the best read. */
async function trialRotation(raster: GrayRaster, pool: OcrPool): Promise<Rotation | null> {
  const half = await downscale(raster, 0.5, true);
  const rotations: Rotation[] = [0, 90, 180, 270];
  const scores = await Promise.all(
    rotations.map(async (rotation) => {
      const turned = await rotateRaster(half, rotation);
      return passScore(await pool.recognize(toPgm(turned.raster), { dpi: half.dpi }));
    }),
  );
  const best = scores.indexOf(Math.max(...scores));
  return scores[best] > 0 ? rotations[best] : null;
}

async function downscale(raster: GrayRaster, factor: number, centreCrop = false): Promise<GrayRaster> {
  let image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } });
  if (centreCrop) {
    // the middle half of each side holds body text on nearly every letter
    const width = Math.max(1, Math.round(raster.width / 2));
    const height = Math.max(1, Math.round(raster.height / 2));
    image = image.extract({ left: Math.floor(raster.width / 4), top: Math.floor(raster.height / 4), width, height });
    image = sharp(await image.raw().toBuffer(), { raw: { width, height, channels: 1 } });
  }
  if (factor < 1) image = image.resize(Math.max(1, Math.round((centreCrop ? raster.width / 2 : raster.width) * factor)));
  const { data, info } = await image.grayscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data, dpi: raster.dpi * (info.width / (centreCrop ? raster.width / 2 : raster.width)) };
}
