// Pages of an image file (JPEG, PNG, every frame of a TIFF): a gray raster for
// OCR and the page picture for the searchable PDF, decoded one page at a time.

import type { Metadata } from 'sharp';
import { sharp } from './sharp-settings.ts';
import { OctoError } from '../../platform/errors.ts';
import type { GrayRaster } from './raster.ts';

export type ImageKind = 'tiff' | 'jpeg' | 'png';

export const DEFAULT_DPI = 300;

/** The original pixels, ready to become a PDF image XObject without loss. */
export type PagePicture =
  | { kind: 'jpeg'; bytes: Buffer }
  | { kind: 'raw'; width: number; height: number; colorSpace: 'gray' | 'rgb' | 'bilevel'; data: Buffer };

export interface ImagePage {
  index: number;
  raster: GrayRaster;
  picture: PagePicture;
}

export async function countImagePages(bytes: Buffer, kind: ImageKind): Promise<number> {
  const meta = await readMetadata(bytes, kind);
  return kind === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
}

export async function decodeImagePage(bytes: Buffer, kind: ImageKind, index: number, maxPixels: number): Promise<ImagePage> {
  const meta = await readMetadata(bytes, kind, index);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new OctoError('CAPTURE_IMAGE_CORRUPT', 'Image has no dimensions', { page: index });
  if (width * height > maxPixels) {
    throw new OctoError('CAPTURE_IMAGE_TOO_LARGE', `Image page ${index + 1} is ${width}x${height} pixels`, {
      page: index,
      width,
      height,
      maxPixels,
    });
  }
  const dpi = plausibleDpi(meta.density, width, height);
  try {
    const open = () => sharp(bytes, { page: index, limitInputPixels: maxPixels, failOn: 'error' });
    const bilevel = meta.bitsPerSample === 1 || (meta.isPalette && (meta.bitsPerSample ?? 8) === 1);
    const colour = !bilevel && (meta.channels ?? 1) >= 3 && meta.space !== 'b-w';
    const decoded = await open()
      .flatten({ background: '#ffffff' })
      .toColourspace(colour ? 'srgb' : 'b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const gray = colour
      ? await sharp(decoded.data, { raw: { width, height, channels: decoded.info.channels as 3 } }).grayscale().raw().toBuffer()
      : decoded.data;
    const picture: PagePicture =
      kind === 'jpeg'
        ? { kind: 'jpeg', bytes } // embedded as is: the page image stays untouched
        : { kind: 'raw', width, height, colorSpace: bilevel ? 'bilevel' : colour ? 'rgb' : 'gray', data: decoded.data };
    return { index, raster: { width, height, data: gray, dpi }, picture };
  } catch (error) {
    throw new OctoError('CAPTURE_IMAGE_CORRUPT', `Cannot decode image page ${index + 1}: ${String(error)}`, { page: index });
  }
}

async function readMetadata(bytes: Buffer, kind: ImageKind, page = 0): Promise<Metadata> {
  try {
    return await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (error) {
    throw new OctoError('CAPTURE_IMAGE_CORRUPT', `Unreadable ${kind} image: ${String(error)}`, { page });
  }
}

/** Cameras and editors write 72/96 dpi by habit; trust a density only when it gives a paper-sized page. */
function plausibleDpi(density: number | undefined, width: number, height: number): number {
  if (!density || !Number.isFinite(density) || density < 50 || density > 2400) return DEFAULT_DPI;
  const longestInches = Math.max(width, height) / density;
  return longestInches > 17.5 ? DEFAULT_DPI : density; // larger than A3 is a made-up density
}
