// Batch scans built the way a real one is made: the separator sheet (and letters) rendered to
// pixels, turned a little, blurred and sprinkled with noise, then assembled into one PDF.

import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { PdfReader } from '../../../src/capture/ocr/pdf-reader.ts';
import type { GrayRaster } from '../../../src/capture/ocr/raster.ts';

export interface ScannedPage {
  jpeg: Buffer;
  dpi: number;
  width: number;
  height: number;
}

/** A seeded generator: the same noise on every run. */
function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
}

/** Renders page `index` of a PDF to gray at `dpi`. */
export async function renderPdfPage(pdf: Buffer, index: number, dpi: number): Promise<GrayRaster> {
  const reader = await PdfReader.open(pdf);
  try {
    const pixels = 8.27 * 11.7 * dpi * dpi * 1.01;
    return (await reader.render(index, pixels)).raster;
  } finally {
    await reader.close();
  }
}

export interface ScanEffects {
  angle?: number;
  noise?: number;
  blur?: number;
  seed?: number;
  /** Paper gray level (scanners rarely give pure white). */
  paper?: number;
  /** A faint gray frame near the edge, as a scanner lid leaves. */
  faintBorder?: boolean;
  specks?: number;
}

/** Prints-and-rescans a gray raster: darker paper, rotation, blur, noise, JPEG. */
export async function rescan(raster: GrayRaster, effects: ScanEffects = {}): Promise<ScannedPage> {
  const paper = effects.paper ?? 236;
  const random = prng(effects.seed ?? 7);
  const data = Buffer.from(raster.data);
  const scale = paper / 255;
  for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i]! * scale);
  let image = sharp(data, { raw: { width: raster.width, height: raster.height, channels: 1 } });
  if (effects.angle) image = image.rotate(effects.angle, { background: { r: paper, g: paper, b: paper } });
  if (effects.blur) image = image.blur(effects.blur);
  const { data: turned, info } = await image.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const gray = info.channels === 1 ? turned : toGray(turned, info.channels);
  if (effects.faintBorder) {
    const inset = Math.round(width * 0.015);
    for (let t = 0; t < 3; t++) {
      for (let x = inset; x < width - inset; x++) {
        gray[(inset + t) * width + x] = 205;
        gray[(height - inset - 1 - t) * width + x] = 205;
      }
      for (let y = inset; y < height - inset; y++) {
        gray[y * width + inset + t] = 205;
        gray[y * width + width - inset - 1 - t] = 205;
      }
    }
  }
  const noise = effects.noise ?? 0;
  if (noise > 0) {
    for (let i = 0; i < gray.length; i++) {
      const n = (random() + random() + random() - 1.5) * 2 * noise; // roughly gaussian
      gray[i] = Math.max(0, Math.min(255, Math.round(gray[i]! + n)));
    }
  }
  for (let s = 0; s < (effects.specks ?? 0); s++) {
    const x = Math.floor(random() * (width - 2));
    const y = Math.floor(random() * (height - 2));
    for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) gray[(y + dy) * width + x + dx] = 40;
  }
  const jpeg = await sharp(gray, { raw: { width, height, channels: 1 } }).toColourspace('b-w').jpeg({ quality: 80 }).toBuffer();
  return { jpeg, dpi: raster.dpi, width, height };
}

function toGray(data: Buffer, channels: number): Buffer {
  const out = Buffer.alloc(data.length / channels);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) out[i] = data[j]!;
  return out;
}

/** One scanned-looking PDF: each page an image at its resolution, as scanners write them. */
export async function assembleScanPdf(pages: ScannedPage[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const page of pages) {
    const image = await doc.embedJpg(page.jpeg);
    const w = (page.width * 72) / page.dpi;
    const h = (page.height * 72) / page.dpi;
    doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return Buffer.from(await doc.save());
}

/** A white A4 page with a few words (born digital, rendered then rescanned by the tests). */
export async function textPagePdf(lines: string[], size = 12): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 500 - i * size * 1.4, size, font }));
  return Buffer.from(await doc.save());
}

export async function blankPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return Buffer.from(await doc.save());
}

/** Every page of a real scan (corpus), rescanned as is. */
export async function scanPagesOf(pdf: Buffer, dpi = 150): Promise<ScannedPage[]> {
  const reader = await PdfReader.open(pdf);
  const count = reader.numPages;
  await reader.close();
  const pages: ScannedPage[] = [];
  for (let i = 0; i < count; i++) pages.push(await rescan(await renderPdfPage(pdf, i, dpi), { noise: 4, seed: i + 11 }));
  return pages;
}
