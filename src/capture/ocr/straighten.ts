// Rotating a raster before OCR, and the pixel mapping back to the original, which
// the searchable PDF needs to lay the invisible text over the untouched page.

import { sharp } from './sharp-settings.ts';
import type { GrayRaster } from './raster.ts';
import type { Matrix } from './affine.ts';

export interface Straightened {
  raster: GrayRaster;
  /** Clockwise degrees the original was turned by (orientation + skew). */
  angle: number;
}

export async function rotateRaster(raster: GrayRaster, clockwiseDegrees: number): Promise<Straightened> {
  const angle = ((clockwiseDegrees % 360) + 360) % 360;
  if (angle === 0) return { raster, angle: 0 };
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .rotate(angle, { background: { r: 255, g: 255, b: 255 } }) // new corners read as paper, not ink
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { raster: { width: info.width, height: info.height, data, dpi: raster.dpi }, angle };
}

/**
 * Pixel coordinates in the straightened image (y down) → pixel coordinates in the
 * original raster: the rotation is about the image centres (sharp expands the canvas).
 */
export function straightenedToOriginal(
  original: { width: number; height: number },
  s: { angle: number; raster: { width: number; height: number } },
): Matrix {
  const t = (s.angle * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = original.width / 2;
  const cy = original.height / 2;
  const sx = s.raster.width / 2;
  const sy = s.raster.height / 2;
  // x = cx + (X−sx)·cos + (Y−sy)·sin ; y = cy − (X−sx)·sin + (Y−sy)·cos
  return [cos, -sin, sin, cos, cx - sx * cos - sy * sin, cy + sx * sin - sy * cos];
}
