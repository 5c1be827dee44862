// A batch scan becomes items: cut at each separator sheet (the sheets removed), blank pages
// dropped, each run of pages registered as one item (channel scan) and, when the sheet names a
// service, assigned to it through the registry (so the history shows it). Every step is
// recorded in capture_scan_batch/segment, so a run interrupted half-way resumes where it stopped.

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import { OctoError, isOctoError } from '../../platform/errors.ts';
import { assignMailItem, getMailItemSummary, requireEntity, type MailItemSummary } from '../../registry/index.ts';
import { inspectDocument, sniffFile } from '../files/index.ts';
import { ingestFile, type IntakeFile } from '../intake.service.ts';
import { findQuarantineEntry } from '../quarantine.queries.ts';
import { quarantineFile, toQuarantineView, type QuarantineEntryView } from '../quarantine.service.ts';
import { openBatchPages } from './batch-pages.ts';
import { analysePage, type PageVerdict } from './page-analysis.ts';
import {
  findBatchBySource,
  finishScanBatch,
  insertScanBatch,
  insertScanSegment,
  listScanSegments,
  markSegmentAssigned,
} from './scan-batch.queries.ts';
import type { CaptureScanBatchTable, ScanBatchSource } from './tables.ts';

export interface BatchOptions {
  /** Cut on separator sheets (PDF, TIFF); false: the file is one item. */
  split: boolean;
  /** Stamp each item's chrono as a barcode on its derived PDF. Default: the configuration. */
  stamp?: boolean;
  source: ScanBatchSource;
  /** Hot folder: the file's path below the root; with the bytes' sha256, what a restart recognises. */
  sourcePath?: string;
  /** Service for items whose separator names none (a hot folder's service sub-folder). */
  defaultServiceCode?: string | null;
}

export interface BatchItemResult {
  /** The batch's 1-based page numbers this item took. */
  pages: number[];
  serviceCode: string | null;
  item: MailItemSummary | null;
  quarantine: QuarantineEntryView | null;
  warnings: string[];
}

export interface BatchResult {
  batchId: string;
  filename: string;
  sha256: string;
  pageCount: number;
  /** 1-based page numbers of the separator sheets found (removed). */
  separators: number[];
  /** 1-based page numbers of the blank pages dropped. */
  blanks: number[];
  items: BatchItemResult[];
  /** The whole file refused (unreadable, or nothing but blanks and separators). */
  quarantine: QuarantineEntryView | null;
}

interface Segment {
  pages: number[]; // 0-based
  serviceCode: string | null;
  warnings: string[];
}

/** Takes one file, cut on separator sheets or whole, resuming a batch already started from the same source. */
export async function ingestScanBatch(ctx: Ctx, entityCode: string, file: IntakeFile, options: BatchOptions): Promise<BatchResult> {
  const entity = await requireEntity(ctx, entityCode);
  const stamp = options.stamp ?? ctx.config.scanStamp;
  const sha256 = await ctx.blobs.put(file.bytes);
  const now = () => ctx.clock.now().toISOString();
  let batch: CaptureScanBatchTable | undefined = options.sourcePath
    ? await findBatchBySource(ctx.db, entity.id, options.sourcePath, sha256)
    : undefined;
  if (!batch) {
    batch = {
      id: randomUUID(), entity_id: entity.id, source: options.source, source_path: options.sourcePath ?? null,
      filename: file.filename, sha256, size_bytes: file.bytes.length, split: options.split ? 1 : 0,
      status: 'in_progress', summary: '{}', created_at: now(), finished_at: null,
    };
    await insertScanBatch(ctx.db, batch);
  }
  const done = new Map((await listScanSegments(ctx.db, entity.id, batch.id)).map((s) => [s.position, s]));
  const base: Omit<BatchResult, 'items' | 'quarantine'> = { batchId: batch.id, filename: file.filename, sha256, pageCount: 0, separators: [], blanks: [] };
  if (batch.status !== 'in_progress') return finishedBatch(ctx, entity, batch, base, [...done.values()]);

  // Plan the items: the whole file, or the runs of pages between separator sheets.
  let segments: Segment[];
  const kind = options.split ? await splittableKind(file) : null;
  if (kind) {
    let verdicts: PageVerdict[];
    try {
      verdicts = await analyseBatch(ctx, file.bytes, kind);
    } catch (error) {
      if (!isOctoError(error)) throw error;
      return refuseBatch(ctx, entity, batch, base, file, error, done);
    }
    base.pageCount = verdicts.length;
    base.separators = verdicts.flatMap((v, i) => (v.kind === 'separator' ? [i + 1] : []));
    base.blanks = verdicts.flatMap((v, i) => (v.kind === 'blank' ? [i + 1] : []));
    segments = planSegments(verdicts, entity.code, options.defaultServiceCode ?? null);
    if (segments.length === 0) {
      const error = new OctoError('CAPTURE_BATCH_NO_CONTENT', 'batch has only blank pages and separators', {
        detailFr: `${verdicts.length} page(s) : ${base.separators.length} feuille(s) de séparation, ${base.blanks.length} page(s) blanche(s).`,
      });
      return refuseBatch(ctx, entity, batch, base, file, error, done);
    }
  } else {
    segments = [{ pages: [], serviceCode: options.defaultServiceCode ?? null, warnings: [] }];
  }

  const items: BatchItemResult[] = [];
  const pagesOpen = kind ? await openBatchPages(file.bytes, kind, ctx.config.maxPixelsPerPage) : null;
  try {
    for (const [position, segment] of segments.entries()) {
      const pages1 = segment.pages.map((p) => p + 1);
      let recorded = done.get(position);
      let quarantine: QuarantineEntryView | null = null;
      if (!recorded) {
        const part: IntakeFile = pagesOpen
          ? { filename: segmentName(file.filename, pages1, segments.length), bytes: await pagesOpen.extract(segment.pages) }
          : file;
        const row = { batch_id: batch.id, position, entity_id: entity.id, pages: JSON.stringify(pages1), service_code: segment.serviceCode, assigned_at: null, stamp: stamp ? 1 : 0, stamped_at: null, created_at: now() };
        const result = await ingestFile(ctx, entity.code, 'scan', part, {
          warnings: segment.warnings,
          inTransaction: (trx, item) => insertScanSegment(trx, { ...row, mail_item_id: item.id, quarantine_id: null }),
        });
        if (result.quarantine) {
          await insertScanSegment(ctx.db, { ...row, mail_item_id: null, quarantine_id: result.quarantine.id, stamp: 0 });
          quarantine = result.quarantine;
        }
        recorded = (await listScanSegments(ctx.db, entity.id, batch.id)).find((s) => s.position === position)!;
      }
      const warnings = [...segment.warnings];
      if (recorded.mail_item_id && recorded.service_code && !recorded.assigned_at) {
        const chrono = (await getMailItemSummary(ctx, entity.id, entity.code, recorded.mail_item_id)).chrono;
        try {
          await assignMailItem(ctx, entity.code, chrono, { serviceCode: recorded.service_code });
        } catch (error) {
          if (!isOctoError(error)) throw error;
          // A sheet printed for a service since removed: the item stays unassigned, and says why.
          warnings.push(`Service ${recorded.service_code} de la feuille de séparation non appliqué : ${error.frenchMessage}`);
        }
        await markSegmentAssigned(ctx.db, entity.id, batch.id, position, now());
      }
      items.push({
        pages: pages1,
        serviceCode: recorded.service_code,
        item: recorded.mail_item_id ? await getMailItemSummary(ctx, entity.id, entity.code, recorded.mail_item_id) : null,
        quarantine,
        warnings,
      });
    }
  } finally {
    await pagesOpen?.close();
  }
  const summary = { pageCount: base.pageCount, separators: base.separators, blanks: base.blanks, items: items.length };
  await finishScanBatch(ctx.db, entity.id, batch.id, { status: 'done', summary: JSON.stringify(summary), finished_at: now() });
  return { ...base, items, quarantine: null };
}

/** A batch already taken (a hot-folder file seen again after a restart): its result, nothing registered again. */
async function finishedBatch(
  ctx: Ctx,
  entity: { id: string; code: string },
  batch: CaptureScanBatchTable,
  base: Omit<BatchResult, 'items' | 'quarantine'>,
  segments: Awaited<ReturnType<typeof listScanSegments>>,
): Promise<BatchResult> {
  const summary = JSON.parse(batch.summary) as { pageCount?: number; separators?: number[]; blanks?: number[] };
  const items: BatchItemResult[] = [];
  let quarantine: QuarantineEntryView | null = null;
  for (const segment of segments) {
    const entry = segment.quarantine_id ? await findQuarantineEntry(ctx.db, entity.id, segment.quarantine_id) : undefined;
    const view = entry ? toQuarantineView(entry, entity.code) : null;
    if (batch.status === 'refused') {
      quarantine = view;
      continue;
    }
    items.push({
      pages: JSON.parse(segment.pages) as number[],
      serviceCode: segment.service_code,
      item: segment.mail_item_id ? await getMailItemSummary(ctx, entity.id, entity.code, segment.mail_item_id) : null,
      quarantine: view,
      warnings: [],
    });
  }
  return { ...base, pageCount: summary.pageCount ?? 0, separators: summary.separators ?? [], blanks: summary.blanks ?? [], items, quarantine };
}

/** PDF and TIFF can hold a batch; anything else (or a file intake will refuse) goes in whole. */
async function splittableKind(file: IntakeFile): Promise<'pdf' | 'tiff' | null> {
  const sniffed = await sniffFile(file.bytes, file.filename).catch(() => null);
  return sniffed?.kind === 'pdf' || sniffed?.kind === 'tiff' ? sniffed.kind : null;
}

async function analyseBatch(ctx: Ctx, bytes: Buffer, kind: 'pdf' | 'tiff'): Promise<PageVerdict[]> {
  // The same checks as any intake (encryption, corruption, page and pixel limits) first.
  await inspectDocument(bytes, kind, { maxPixelsPerPage: ctx.config.maxPixelsPerPage, maxPages: ctx.config.maxPages });
  const pages = await openBatchPages(bytes, kind, ctx.config.maxPixelsPerPage);
  try {
    const verdicts: PageVerdict[] = [];
    for (let i = 0; i < pages.pageCount; i++) verdicts.push(await analysePage(await pages.analysisRaster(i)));
    return verdicts;
  } finally {
    await pages.close();
  }
}

/** Runs of content pages; a separator starts a new one and gives it its service. */
export function planSegments(verdicts: PageVerdict[], entityCode: string, defaultServiceCode: string | null): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { pages: [], serviceCode: defaultServiceCode, warnings: [] };
  const close = () => {
    if (current.pages.length > 0) segments.push(current);
  };
  for (const [index, verdict] of verdicts.entries()) {
    if (verdict.kind === 'blank') continue;
    if (verdict.kind === 'content') {
      current.pages.push(index);
      continue;
    }
    close();
    const code = verdict.separator!;
    if (code.entityCode === entityCode) {
      current = { pages: [], serviceCode: code.serviceCode ?? defaultServiceCode, warnings: [] };
    } else {
      // Registered here all the same (never lost), but someone must look at where it belongs.
      current = {
        pages: [],
        serviceCode: defaultServiceCode,
        warnings: [
          `Feuille de séparation d’une autre entité (${code.entityCode}${code.serviceCode ? `, service ${code.serviceCode}` : ''}) en page ${index + 1} : vérifiez la destination de ce courrier.`,
        ],
      };
    }
  }
  close();
  return segments;
}

function segmentName(filename: string, pages: number[], count: number): string {
  const stem = path.parse(filename).name || 'lot';
  if (count === 1 && pages.length > 0) return `${stem}.pdf`;
  const first = pages[0];
  const last = pages[pages.length - 1];
  return `${stem}-p${first}${last !== first ? `-${last}` : ''}.pdf`;
}

async function refuseBatch(
  ctx: Ctx,
  entity: { id: string; code: string },
  batch: CaptureScanBatchTable,
  base: Omit<BatchResult, 'items' | 'quarantine'>,
  file: IntakeFile,
  error: OctoError,
  done: Map<number, { quarantine_id: string | null }>,
): Promise<BatchResult> {
  const now = ctx.clock.now().toISOString();
  const earlier = done.get(0)?.quarantine_id;
  let row: Parameters<typeof toQuarantineView>[0] | undefined = earlier ? await findQuarantineEntry(ctx.db, entity.id, earlier) : undefined;
  if (!row) {
    row = await quarantineFile(ctx, { entityId: entity.id, channel: 'scan', filename: file.filename, sizeBytes: file.bytes.length, sha256: base.sha256, error });
    await insertScanSegment(ctx.db, {
      batch_id: batch.id, position: 0, entity_id: entity.id, mail_item_id: null, quarantine_id: row.id, pages: '[]',
      service_code: null, assigned_at: null, stamp: 0, stamped_at: null, created_at: now,
    });
  }
  const view = toQuarantineView(row, entity.code);
  const summary = { pageCount: base.pageCount, separators: base.separators, blanks: base.blanks, code: error.code };
  await finishScanBatch(ctx.db, entity.id, batch.id, { status: 'refused', summary: JSON.stringify(summary), finished_at: now });
  return { ...base, items: [], quarantine: view };
}
