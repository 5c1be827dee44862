// One page of a batch scan: a separator sheet (our QR code), a blank page, or content.
// Everything is judged on a 150 dpi gray render: enough for a 90 mm QR code and for ink.

import jsQRModule from 'jsqr';

// jsqr is CommonJS: at run time its default import is the function its types call `.default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
import { sharp } from '../ocr/sharp-settings.ts';
import type { GrayRaster } from '../ocr/raster.ts';
import { parseSeparatorCode, type SeparatorCode } from './separator-code.ts';

export const ANALYSIS_DPI = 150;
/** Band ignored at each edge (scanner shadows, faint borders, punch holes): 6 % of the side. */
const EDGE_BAND = 0.06;
/**
 * A page with less ink than this share of its inner area is blank. A short line of 12 pt text
 * (4 cm) inks about 5e-4 of an A4 page, a lone « Vu » 6e-5; noise and dust after the median
 * filter, under 1e-5.
 */
const BLANK_INK_RATIO = 3e-5;

export type PageKind = 'separator' | 'blank' | 'content';

export interface PageVerdict {
  kind: PageKind;
  /** Share of the inner page area that is ink, after denoising. */
  inkRatio: number;
  separator?: SeparatorCode;
}

/** Brings a page raster to ANALYSIS_DPI (only ever down). */
export async function toAnalysisRaster(raster: GrayRaster): Promise<GrayRaster> {
  if (raster.dpi <= ANALYSIS_DPI * 1.1) return raster;
  const width = Math.max(1, Math.round((raster.width * ANALYSIS_DPI) / raster.dpi));
  const height = Math.max(1, Math.round((raster.height * ANALYSIS_DPI) / raster.dpi));
  const data = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .resize(width, height, { kernel: 'lanczos3', fit: 'fill' })
    .toColourspace('b-w') // one channel out, as in: sharp would widen to sRGB
    .raw()
    .toBuffer();
  return { width, height, dpi: ANALYSIS_DPI, data };
}

export async function analysePage(page: GrayRaster): Promise<PageVerdict> {
  const raster = await toAnalysisRaster(page);
  const denoised = await median(raster);
  const inkRatio = measureInk(denoised);
  if (inkRatio < BLANK_INK_RATIO) return { kind: 'blank', inkRatio };
  const separator = await findSeparatorCode(denoised);
  return separator ? { kind: 'separator', inkRatio, separator } : { kind: 'content', inkRatio };
}

async function median(raster: GrayRaster): Promise<GrayRaster> {
  const data = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } }).median(3).toColourspace('b-w').raw().toBuffer();
  return { ...raster, data };
}

/** Share of inner pixels clearly darker than the paper (its median gray). */
export function measureInk(raster: GrayRaster): number {
  const { width, height, data } = raster;
  const x0 = Math.floor(width * EDGE_BAND);
  const x1 = Math.ceil(width * (1 - EDGE_BAND));
  const y0 = Math.floor(height * EDGE_BAND);
  const y1 = Math.ceil(height * (1 - EDGE_BAND));
  const histogram = new Uint32Array(256);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[data[y * width + x]!]!++;
  const total = (x1 - x0) * (y1 - y0);
  if (total <= 0) return 0;
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= total) {
      paper = v;
      break;
    }
  }
  // Ink is well below the paper: a faint border or scanner haze (a few tens of levels) is not.
  const threshold = paper - Math.max(70, paper * 0.35);
  let ink = 0;
  for (let v = 0; v < Math.max(0, threshold); v++) ink += histogram[v]!;
  return ink / total;
}

/** The centre of a finder pattern on our sheets is 9 mm of solid black; a letter's text never is. */
const FINDER_CORE_MM = 4;

/**
 * jsQR on a clean black-and-white page: binarizing the denoised render first keeps it fast
 * (noise gives it thousands of false finder patterns) and sure. Halved first (a module is
 * still 8 px, a quarter of the work, and the blur helps a noisy rotated print), then full size.
 * A page with no solid black square big enough for our finder patterns is not tried at all.
 */
async function findSeparatorCode(denoised: GrayRaster): Promise<SeparatorCode | null> {
  const half = binarize(await halve(denoised));
  if (!hasSolidSquare(half, Math.round((FINDER_CORE_MM / 25.4) * half.dpi))) return null;
  for (const candidate of [half, binarize(denoised)]) {
    const found = jsQR(toRgba(candidate), candidate.width, candidate.height, { inversionAttempts: 'dontInvert' });
    if (!found) continue;
    // Another QR code printed on a letter (2D-Doc, payment) is content, not a separator.
    return parseSeparatorCode(found.data);
  }
  return null;
}

/** Whether some side×side window is (almost) all black, by an integral image. */
function hasSolidSquare(binary: GrayRaster, side: number): boolean {
  const { width, height, data } = binary;
  if (side < 2 || width < side || height < side) return false;
  const stride = width + 1;
  const sums = new Uint32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] === 0 ? 1 : 0;
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row;
    }
  }
  const need = side * side * 0.95;
  for (let y = side; y <= height; y += 2) {
    for (let x = side; x <= width; x += 2) {
      const black = sums[y * stride + x]! - sums[(y - side) * stride + x]! - sums[y * stride + x - side]! + sums[(y - side) * stride + x - side]!;
      if (black >= need) return true;
    }
  }
  return false;
}

async function halve(raster: GrayRaster): Promise<GrayRaster> {
  const width = Math.max(1, Math.round(raster.width / 2));
  const height = Math.max(1, Math.round(raster.height / 2));
  const data = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { width, height, dpi: raster.dpi / 2, data };
}

/** Black below 60 % of the paper's gray, white above. */
function binarize(raster: GrayRaster): GrayRaster {
  const threshold = paperLevel(raster) * 0.6;
  const data = Buffer.alloc(raster.data.length);
  for (let i = 0; i < data.length; i++) data[i] = raster.data[i]! < threshold ? 0 : 255;
  return { ...raster, data };
}

function paperLevel(raster: GrayRaster): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < raster.data.length; i += 7) histogram[raster.data[i]!]!++; // a sample is enough
  const total = histogram.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= total) return v;
  }
  return 255;
}

function toRgba(raster: GrayRaster): Uint8ClampedArray {
  const pixels = raster.width * raster.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    const v = raster.data[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  return rgba;
}
