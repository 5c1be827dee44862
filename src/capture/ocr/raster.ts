// A decoded page image, 8-bit gray, one byte per pixel, rows top to bottom.
// Gray is enough for OCR and a quarter of the RGBA size pdfjs renders.

export interface GrayRaster {
  width: number;
  height: number;
  data: Buffer;
  /** Pixels per inch of this raster (after any scaling). */
  dpi: number;
}

/**
 * Binary PGM (P5): leptonica reads it inside the tesseract worker without
 * decompression, so handing a page over costs a copy, not a PNG encode.
 */
export function toPgm(raster: GrayRaster): Buffer {
  const header = Buffer.from(`P5\n${raster.width} ${raster.height}\n255\n`, 'ascii');
  return Buffer.concat([header, raster.data.subarray(0, raster.width * raster.height)]);
}
