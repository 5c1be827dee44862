// The item's number stamped on its derived PDF: a Code 128 barcode with the chrono under it, in
// the top right margin of the first page, on a white patch so it reads on a grey scan. Only the
// derived (searchable) PDF gets it: the original bytes stay as received.

import bwipjs, { type RenderOptions } from 'bwip-js';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { getMailItemState } from '../../registry/index.ts';
import { listDocuments, updateDocument } from '../document.queries.ts';
import { findPendingStamp, markSegmentStamped } from './scan-batch.queries.ts';

const MM = 72 / 25.4;
const MARGIN = 6 * MM;
const BAR_HEIGHT = 9 * MM;

export async function stampChrono(pdf: Buffer, chrono: string): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new OctoError('CAPTURE_PDF_CORRUPT', `Cannot stamp the PDF: ${String(error)}`);
  }
  const page = doc.getPage(0);
  const options = { bcid: 'code128', text: chrono, scale: 3, height: 9, includetext: false } as RenderOptions;
  const png = await doc.embedPng(await (bwipjs.toBuffer(options) as Promise<Buffer>));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const textSize = 8;
  const barWidth = Math.min(60 * MM, (png.width / png.height) * BAR_HEIGHT);
  const patchW = barWidth + 2 * MM;
  const patchH = BAR_HEIGHT + textSize + 3 * MM;
  // Top right of the page as it is shown, whatever its /Rotate.
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const shownW = rotation % 180 === 0 ? box.width : box.height;
  const shownH = rotation % 180 === 0 ? box.height : box.width;
  const shown = { x: shownW - MARGIN - patchW, y: shownH - MARGIN - patchH };
  const toUser = (x: number, y: number) => {
    switch (rotation) {
      case 90: return { x: box.x + box.width - y, y: box.y + x };
      case 180: return { x: box.x + box.width - x, y: box.y + box.height - y };
      case 270: return { x: box.x + y, y: box.y + box.height - x };
      default: return { x: box.x + x, y: box.y + y };
    }
  };
  const at = (dx: number, dy: number) => toUser(shown.x + dx, shown.y + dy);
  const rotate = degrees(rotation);
  page.drawRectangle({ ...at(0, 0), width: patchW, height: patchH, color: rgb(1, 1, 1), rotate });
  page.drawImage(png, { ...at(1 * MM, textSize + 2 * MM), width: barWidth, height: BAR_HEIGHT, rotate });
  const textWidth = font.widthOfTextAtSize(chrono, textSize);
  page.drawText(chrono, { ...at((patchW - textWidth) / 2, 1 * MM), size: textSize, font, color: rgb(0, 0, 0), rotate });
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/**
 * Stamps an item whose batch asked for it, once its documents are processed (idempotent: the
 * stamp is recorded in the same transaction as the new derived PDF).
 */
export async function applyPendingChronoStamp(ctx: Ctx, entityId: string, mailItemId: string): Promise<void> {
  const pending = await findPendingStamp(ctx.db, entityId, mailItemId);
  if (!pending) return;
  const item = await getMailItemState(ctx, entityId, mailItemId);
  const main = (await listDocuments(ctx.db, entityId, mailItemId)).find((d) => d.role === 'main');
  if (!item || !main) return;
  const base = main.status === 'done' ? main.searchable_sha256 ?? (main.kind === 'pdf' ? main.sha256 : null) : null;
  const now = ctx.clock.now().toISOString();
  if (!base) {
    // Quarantined or not a PDF: nothing to stamp; not retried forever.
    await markSegmentStamped(ctx.db, entityId, pending.batch_id, pending.position, now);
    return;
  }
  const stamped = await ctx.blobs.put(await stampChrono(await ctx.blobs.get(base), item.chrono));
  await ctx.db.transaction().execute(async (trx) => {
    await updateDocument(trx, entityId, main.id, { searchable_sha256: stamped });
    await markSegmentStamped(trx, entityId, pending.batch_id, pending.position, now);
  });
}
