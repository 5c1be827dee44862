import { getDocumentFile, listDocumentViews } from '../../capture/index.ts';
import { auditAction } from '../../platform/audit/index.ts';
import { sha256Of } from '../../platform/blob-store.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { parisDateOf } from '../deadlines/index.ts';
import { findServiceByCode, findServiceById } from '../entity.queries.ts';
import { requireEntity } from '../entity.service.ts';
import { getHandlingView } from '../handling.service.ts';
import { findMailItemByChrono, updateMailItem } from '../mail-item.queries.ts';
import type { RegistryMailItemTable } from '../tables.ts';
import { EXPORT_FORMAT, type ExportFile, type ExportManifest } from './export-manifest.ts';
import { buildStoredZip, type ZipEntry } from './store-zip.ts';
import { renderTransmissionSlip } from './transmission-slip.ts';

export interface ExportInput {
  recipientName: string;
  recipientAddress?: string[];
  reason?: string | null;
}

export const DEFAULT_EXPORT_REASON = 'Demande ne relevant pas de la compétence de l’entité (CRPA L114-2)';

export interface ExportInfo {
  chrono: string;
  filename: string;
  sha256: string;
  sizeBytes: number;
  transferredOutAt: string;
  recipient: { name: string; addressLines: string[] };
  reason: string;
}

const refused = (detailFr: string) => new OctoError('REGISTRY_EXPORT_REFUSED', 'export refused', { detailFr });

/** A file name safe on every system, keeping accents. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_').trim();
  return (cleaned || 'document').slice(0, 120);
}

async function requireItem(ctx: Ctx, entityCode: string, chrono: string) {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  return { entity, item };
}

function refuseUnlessOpen(item: RegistryMailItemTable) {
  if (item.transferred_out_at) throw refused(`Ce courrier a déjà été transmis hors plateforme le ${parisDateOf(new Date(item.transferred_out_at))}.`);
  if (item.transferred_to_chrono) throw refused(`Ce courrier a déjà été transmis sur la plateforme (${item.transferred_to_chrono}).`);
  if (item.handling_status === 'closed') throw refused('Ce courrier est classé : rouvrez-le avant de le transmettre.');
  if (item.handling_status === 'answered') throw refused('Ce courrier a déjà reçu une réponse.');
}

/**
 * CRPA L114-2, to an administration outside the platform: builds the package (originals,
 * searchable PDFs, manifest.json, bordereau.html, SHA256SUMS) as a ZIP, keeps it in the blob
 * store, closes the item as « transmis hors plateforme » and records it in the history.
 */
export async function exportMailItem(ctx: Ctx, entityCode: string, chrono: string, input: ExportInput): Promise<ExportInfo> {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  refuseUnlessOpen(item);
  const recipientName = input.recipientName.trim();
  const reason = input.reason?.trim() || DEFAULT_EXPORT_REASON;
  if (!recipientName) throw refused('Indiquez le nom de l’administration destinataire.');
  const addressLines = (input.recipientAddress ?? []).map((l) => l.trim()).filter(Boolean);

  const handling = await getHandlingView(ctx, entityCode, chrono);
  const service =
    (item.service_id ? await findServiceById(ctx.db, entity.id, item.service_id) : undefined) ?? (await findServiceByCode(ctx.db, entity.id, 'COURRIER'));
  const now = ctx.clock.now();
  const folder = safeName(item.chrono);
  const entries: ZipEntry[] = [];
  const files: ExportFile[] = [];
  const add = (relative: string, bytes: Buffer): ExportFile => {
    const file = { path: relative, sha256: sha256Of(bytes), sizeBytes: bytes.length };
    entries.push({ path: `${folder}/${relative}`, bytes });
    return file;
  };
  const warnings: string[] = [];
  const documents: ExportManifest['documents'] = [];
  for (const doc of await listDocumentViews(ctx, entity.id, item.id)) {
    const number = String(doc.position + 1).padStart(2, '0');
    // A part refused at reception never leaves the platform: it is named, not sent.
    if (doc.quarantineReason) {
      warnings.push(`Document ${number} (${doc.filename}) non transmis : refusé à la réception (${doc.quarantineReason}).`);
      continue;
    }
    const original = await getDocumentFile(ctx, entity.code, doc.id, 'original');
    const originalFile = add(`originaux/${number}-${safeName(original.filename)}`, original.bytes);
    files.push(originalFile);
    let searchableFile: ExportFile | null = null;
    if (doc.hasSearchablePdf) {
      const searchable = await getDocumentFile(ctx, entity.code, doc.id, 'searchable');
      searchableFile = add(`recherchables/${number}-${safeName(searchable.filename)}`, searchable.bytes);
      files.push(searchableFile);
    } else if (doc.status === 'pending' || doc.status === 'processing') {
      warnings.push(`Document ${number} (${doc.filename}) : la lecture (OCR) n’était pas terminée, sa version recherchable manque.`);
    }
    documents.push({
      position: doc.position + 1, role: doc.role, filename: doc.filename, mime: doc.mime, pageCount: doc.pageCount, original: originalFile, searchable: searchableFile,
    });
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    generatedAt: now.toISOString(),
    transmittedOn: parisDateOf(now),
    transmittedBy: ctx.actor.label,
    sender: { entityCode: entity.code, entityName: entity.name, serviceName: service?.name ?? null },
    recipient: { name: recipientName, addressLines },
    reason,
    item: {
      chrono: item.chrono,
      receivedAt: item.received_at,
      receivedOn: parisDateOf(new Date(item.received_at)),
      channel: item.channel,
      letterDate: item.letter_date,
      subject: item.subject,
      sender: { name: item.sender_name, address: item.sender_address, contactId: item.sender_contact_id ?? null },
      requestType: handling.requestType ? { code: handling.requestType.code, name: handling.requestType.name, regime: handling.requestType.regime, delay: handling.requestType.delay } : null,
    },
    legalClocks: {
      rule: 'CRPA L114-2',
      firstReceivedOn: item.first_received_on ?? parisDateOf(new Date(item.received_at)),
      acceptanceDelayRunsFrom: 'receipt_by_recipient',
      implicitDecision: handling.deadline ? { kind: handling.deadline.kind, date: handling.deadline.date } : null,
      incomplete: handling.incomplete,
    },
    documents,
    files,
    warnings,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const slipBytes = Buffer.from(renderTransmissionSlip(manifest), 'utf8');
  const listed = [...files, add('manifest.json', manifestBytes), add('bordereau.html', slipBytes)];
  // sha256sum's own format: « <hash>  <path> », checkable with `sha256sum -c` inside the folder.
  add('SHA256SUMS', Buffer.from(listed.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8'));
  // The slip and manifest first, so a person opening the archive sees them at the top.
  const ordered = [...entries.filter((e) => !e.path.includes('/originaux/') && !e.path.includes('/recherchables/')), ...entries.filter((e) => e.path.includes('/originaux/') || e.path.includes('/recherchables/'))];
  const zip = buildStoredZip(ordered, now);
  const sha256 = await ctx.blobs.put(zip);
  const filename = `transmission-${folder}.zip`;
  const to = { name: recipientName, addressLines };
  const nowIso = now.toISOString();

  await ctx.db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: two agents exporting at once leave one transfer.
    const fresh = await findMailItemByChrono(trx, entity.id, chrono);
    refuseUnlessOpen(fresh!);
    await updateMailItem(trx, entity.id, item.id, {
      handling_status: 'transferred_out',
      handling_reason: `Transmis hors plateforme à ${recipientName} (CRPA L114-2) : ${reason}`.slice(0, 1000),
      closed_at: nowIso,
      transferred_out_at: nowIso,
      transferred_out_to: JSON.stringify(to),
      transferred_out_reason: reason,
      export_sha256: sha256,
      export_filename: filename,
      updated_at: nowIso,
    });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.mail_item.transferred_out', subjectType: 'mail_item', subjectId: item.id,
      before: { handlingStatus: item.handling_status ?? 'registered' },
      after: { handlingStatus: 'transferred_out', recipient: recipientName, sha256, documents: documents.length },
      details: { reason },
    });
  });
  return { chrono: item.chrono, filename, sha256, sizeBytes: zip.length, transferredOutAt: nowIso, recipient: to, reason };
}

function infoOf(item: RegistryMailItemTable): ExportInfo | null {
  if (!item.transferred_out_at || !item.export_sha256) return null;
  return {
    chrono: item.chrono,
    filename: item.export_filename ?? `transmission-${item.chrono}.zip`,
    sha256: item.export_sha256,
    sizeBytes: -1,
    transferredOutAt: item.transferred_out_at,
    recipient: JSON.parse(item.transferred_out_to ?? '{"name":"","addressLines":[]}') as ExportInfo['recipient'],
    reason: item.transferred_out_reason ?? '',
  };
}

/** The package of an item transferred out, as built then (404 when none). */
export async function getExportPackage(ctx: Ctx, entityCode: string, chrono: string) {
  const { item } = await requireItem(ctx, entityCode, chrono);
  const info = infoOf(item);
  if (!info) throw new OctoError('REGISTRY_EXPORT_NOT_FOUND', `no export for ${chrono}`, { chrono });
  const bytes = await ctx.blobs.get(info.sha256);
  return { info: { ...info, sizeBytes: bytes.length }, bytes };
}

/** The transfer-out record of an item, for the notice to the sender (null when not transferred out). */
export async function transferOutOf(ctx: Ctx, item: RegistryMailItemTable) {
  const info = infoOf(item);
  return info ? { recipient: info.recipient, reason: info.reason, transferredOn: parisDateOf(new Date(info.transferredOutAt)) } : null;
}
