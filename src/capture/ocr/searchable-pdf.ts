// The searchable copy: the original page (or image) untouched, with tesseract's
// invisible text-only page laid over it as a form XObject. The overlay matrix
// chains: text page → straightened pixels → original raster pixels → PDF user space.

import { deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFPage,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFRef,
} from 'pdf-lib';
import { OctoError } from '../../platform/errors.ts';
import { invert, then, type Matrix } from './affine.ts';
import { straightenedToOriginal } from './straighten.ts';
import type { PagePicture } from './image-pages.ts';

export interface TextOverlay {
  /** Tesseract's text-only PDF (one page). */
  pdf: Buffer;
  /** Geometry only: overlays live until the document ends, pixels must not. */
  straightened: { angle: number; raster: { width: number; height: number } };
  /** Size of the raster OCR started from, before any turning. */
  raster: { width: number; height: number };
  /** PDF user space of the target page → raster pixels (y down). */
  userToRaster: Matrix;
}

/** Adds the invisible text of OCR'd pages to a copy of an existing PDF. */
export async function overlayOnPdf(original: Buffer, overlays: Map<number, TextOverlay>): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false });
  } catch (error) {
    throw new OctoError('CAPTURE_PDF_CORRUPT', `Cannot rewrite the PDF: ${String(error)}`);
  }
  const pages = doc.getPages();
  for (const [index, overlay] of overlays) {
    const page = pages[index];
    if (page) await drawOverlay(doc, page, overlay);
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

export interface ImagePageOut {
  picture: PagePicture;
  widthPt: number;
  heightPt: number;
  overlay: TextOverlay | null;
}

/** A new PDF, one page per image at its resolution, each with its invisible text. */
export class ImagePdfBuilder {
  private doc: Promise<PDFDocument> = PDFDocument.create({ updateMetadata: false });
  private pages: { ref: PDFRef; widthPt: number; heightPt: number; overlay: TextOverlay | null }[] = [];

  /** Compresses the picture now so the raw pixels can be released. */
  async add(index: number, out: ImagePageOut): Promise<void> {
    const doc = await this.doc;
    const ref =
      out.picture.kind === 'jpeg'
        ? (await doc.embedJpg(out.picture.bytes)).ref // the JPEG bytes go in as they are
        : doc.context.register(rawPictureStream(doc, out.picture));
    this.pages[index] = { ref, widthPt: out.widthPt, heightPt: out.heightPt, overlay: out.overlay };
  }

  async save(): Promise<Buffer> {
    const doc = await this.doc;
    for (const entry of this.pages) {
      const page = doc.addPage([entry.widthPt, entry.heightPt]);
      const name = page.node.newXObject('OctoScan', entry.ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(entry.widthPt, 0, 0, entry.heightPt, 0, 0),
        drawObject(name),
        popGraphicsState(),
      );
      if (entry.overlay) await drawOverlay(doc, page, entry.overlay);
    }
    return Buffer.from(await doc.save({ useObjectStreams: true }));
  }
}

async function drawOverlay(doc: PDFDocument, page: PDFPage, overlay: TextOverlay): Promise<void> {
  const [embedded] = await doc.embedPdf(overlay.pdf, [0]);
  const { width: textW, height: textH } = embedded; // tesseract page in points, origin bottom-left
  const { raster: straight } = overlay.straightened;
  const textToStraight: Matrix = [straight.width / textW, 0, 0, -straight.height / textH, 0, straight.height];
  const matrix = then(
    then(textToStraight, straightenedToOriginal(overlay.raster, overlay.straightened)),
    invert(overlay.userToRaster),
  );
  const name = page.node.newXObject('OctoOcrText', embedded.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
}

function rawPictureStream(doc: PDFDocument, picture: Extract<PagePicture, { kind: 'raw' }>) {
  const { width, height } = picture;
  const data = picture.colorSpace === 'bilevel' ? packBits(picture.data, width, height) : picture.data;
  // node's zlib rather than pdf-lib's pako: several times faster on 8 MB pages
  return doc.context.stream(deflateSync(data, { level: 6 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: picture.colorSpace === 'rgb' ? 'DeviceRGB' : 'DeviceGray',
    BitsPerComponent: picture.colorSpace === 'bilevel' ? 1 : 8,
    Filter: 'FlateDecode',
  });
}

/** 8-bit gray (0/255) → 1 bit per pixel, rows padded to a byte; 1 = white as in DeviceGray. */
function packBits(gray: Buffer, width: number, height: number): Buffer {
  const stride = Math.ceil(width / 8);
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const outRow = y * stride;
    for (let x = 0; x < width; x++) if (gray[row + x] >= 128) out[outRow + (x >> 3)] |= 0x80 >> (x & 7);
  }
  return out;
}
