import { findRequestTypeById } from './handling.queries.ts';
import { randomUUID } from 'node:crypto';
import { listDocumentViews } from '../capture/index.ts';
import { listFieldViews } from '../indexing/index.ts';
import { parisMidnight, parisYear } from '../platform/clock.ts';
import { addDays } from './deadlines/index.ts';
import type { Ctx } from '../platform/context.ts';
import { auditAction, listAuditEvents } from '../platform/audit/index.ts';
import { queryTerms } from '../platform/database/full-text.ts';
import { OctoError } from '../platform/errors.ts';
import { nextChronoValue, formatChrono } from './chrono.ts';
import { findEntityById } from './entity.queries.ts';
import { requireEntity } from './entity.service.ts';
import {
  findMailItemByChrono,
  findMailItemByChronoAnyEntity,
  findMailItemById,
  insertMailItem,
  listMailItems,
  type MailItemFilter,
  updateMailItem,
} from './mail-item.queries.ts';
import { toMailItemSummary, type MailItemSummary } from './mail-item.views.ts';
import { searchMailItems, upsertSearchDocument } from './search.queries.ts';
import type { MailChannel, MailDirection, MailStatus } from './tables.ts';

export interface RegisterMailItemInput {
  entityId: string;
  entityCode: string;
  direction: MailDirection;
  channel: MailChannel;
  status: MailStatus;
  sourceFilename: string | null;
  sourceSha256: string | null;
  documentCount: number;
  pageCount: number;
  senderName?: string | null;
  senderAddress?: string | null;
  subject?: string | null;
  warnings?: string[];
  emailMeta?: Record<string, unknown> | null;
  /** An application's own reference for the item (API deposit). */
  externalReference?: string | null;
  /** Sender and subject declared at deposit: indexing keeps them instead of its guesses. */
  declared?: DeclaredMailMeta | null;
}

export interface DeclaredMailMeta {
  senderName?: string;
  senderAddress?: string;
  subject?: string;
}

/**
 * Registers an item: gives it the next chrono number of its register. Must run inside the
 * caller's transaction (ctx.db is a transaction), so the number, the documents and the jobs
 * commit together or not at all.
 */
export async function registerMailItem(ctx: Ctx, input: RegisterMailItemInput): Promise<{ id: string; chrono: string; receivedAt: string }> {
  const receivedAt = ctx.clock.now();
  const year = parisYear(receivedAt);
  const value = await nextChronoValue(ctx.db, input.entityId, year, input.direction);
  const chrono = formatChrono(input.entityCode, year, input.direction, value);
  const id = randomUUID();
  const iso = receivedAt.toISOString();
  await insertMailItem(ctx.db, {
    id,
    entity_id: input.entityId,
    chrono,
    chrono_year: year,
    chrono_number: value,
    direction: input.direction,
    channel: input.channel,
    status: input.status,
    received_at: iso,
    source_filename: input.sourceFilename,
    source_sha256: input.sourceSha256,
    sender_name: input.senderName ?? null,
    sender_address: input.senderAddress ?? null,
    subject: input.subject ?? null,
    letter_date: null,
    page_count: input.pageCount,
    document_count: input.documentCount,
    warnings: JSON.stringify(input.warnings ?? []),
    email_meta: input.emailMeta ? JSON.stringify(input.emailMeta) : null,
    ...(input.externalReference ? { external_reference: input.externalReference } : {}),
    ...(input.declared ? { declared_meta: JSON.stringify(input.declared) } : {}),
    created_at: iso,
    updated_at: iso,
  });
  await auditAction(ctx.db, ctx, {
    entityId: input.entityId,
    action: 'registry.mail_item.registered',
    subjectType: 'mail_item',
    subjectId: id,
    after: { chrono, direction: input.direction, channel: input.channel, status: input.status, sourceSha256: input.sourceSha256, documentCount: input.documentCount },
  });
  await upsertSearchDocument(ctx.db, {
    key: id,
    entityId: input.entityId,
    chrono,
    subject: input.subject ?? '',
    sender: [input.senderName, input.senderAddress].filter(Boolean).join(' '),
    body: input.sourceFilename ?? '',
  });
  return { id, chrono, receivedAt: iso };
}

export interface IndexingOutcome {
  status: MailStatus;
  senderName: string | null;
  senderAddress: string | null;
  subject: string | null;
  letterDate: string | null;
  pageCount: number;
  warnings: string[];
  searchBody: string;
}

/** Records what processing found and makes it searchable. */
export async function completeMailItemIndexing(ctx: Ctx, entityId: string, id: string, outcome: IndexingOutcome): Promise<void> {
  const item = await findMailItemById(ctx.db, entityId, id);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${id} not found`);
  await auditAction(ctx.db, ctx, {
    entityId,
    action: 'registry.mail_item.indexed',
    subjectType: 'mail_item',
    subjectId: id,
    before: { status: item.status },
    after: { status: outcome.status, pageCount: outcome.pageCount, letterDate: outcome.letterDate, warnings: outcome.warnings.length },
  });
  await updateMailItem(ctx.db, entityId, id, {
    status: outcome.status,
    sender_name: outcome.senderName,
    sender_address: outcome.senderAddress,
    subject: outcome.subject,
    letter_date: outcome.letterDate,
    page_count: outcome.pageCount,
    warnings: JSON.stringify(outcome.warnings),
    updated_at: ctx.clock.now().toISOString(),
  });
  await upsertSearchDocument(ctx.db, {
    key: id,
    entityId,
    chrono: item.chrono,
    subject: outcome.subject ?? '',
    sender: [outcome.senderName, outcome.senderAddress].filter(Boolean).join(' '),
    body: outcome.searchBody,
  });
}

export async function setMailItemStatus(ctx: Ctx, entityId: string, id: string, status: MailStatus, warnings?: string[]) {
  const item = await findMailItemById(ctx.db, entityId, id);
  await auditAction(ctx.db, ctx, {
    entityId,
    action: 'registry.mail_item.status_changed',
    subjectType: 'mail_item',
    subjectId: id,
    before: { status: item?.status ?? null },
    after: { status },
  });
  await updateMailItem(ctx.db, entityId, id, {
    status,
    ...(warnings ? { warnings: JSON.stringify(warnings) } : {}),
    updated_at: ctx.clock.now().toISOString(),
  });
}

export interface InboxQuery extends Omit<MailItemFilter, 'receivedFrom' | 'receivedBefore'> {
  from?: string; // YYYY-MM-DD, Paris calendar, inclusive
  to?: string; // YYYY-MM-DD, inclusive
  page: number;
  pageSize: number;
}

function toFilter(query: InboxQuery, serviceIds?: string[] | null): MailItemFilter {
  return {
    serviceIds,
    channel: query.channel,
    status: query.status,
    receivedFrom: query.from ? parisMidnight(query.from).toISOString() : undefined,
    receivedBefore: query.to ? parisMidnight(addDays(query.to, 1)).toISOString() : undefined,
  };
}

/** `serviceIds`: the caller's visible services (see mail-access.ts); null or absent: the whole entity. */
export async function listInbox(ctx: Ctx, entityCode: string, query: InboxQuery, serviceIds?: string[] | null) {
  const entity = await requireEntity(ctx, entityCode);
  const { rows, total } = await listMailItems(ctx.db, entity.id, toFilter(query, serviceIds), query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map((r) => toMailItemSummary(r, entity.code)), total, page: query.page, pageSize: query.pageSize };
}

export async function searchInbox(ctx: Ctx, entityCode: string, text: string, query: InboxQuery, serviceIds?: string[] | null) {
  const entity = await requireEntity(ctx, entityCode);
  const terms = queryTerms(text);
  if (terms.length === 0) throw new OctoError('REGISTRY_SEARCH_INVALID', 'empty query', { detailFr: 'Saisissez au moins un mot.' });
  const { rows, total } = await searchMailItems(ctx.db, entity.id, terms, toFilter(query, serviceIds), query.pageSize, (query.page - 1) * query.pageSize);
  return {
    results: rows.map((row) => ({ item: toMailItemSummary(row, entity.code), score: Number(row.score), snippet: row.snippet ?? '' })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface MailItemDetail extends MailItemSummary {
  documents: Awaited<ReturnType<typeof listDocumentViews>>;
  fields: Awaited<ReturnType<typeof listFieldViews>>;
  warnings: string[];
  email?: Record<string, unknown>;
}

export async function getMailItemDetail(ctx: Ctx, entityCode: string, chrono: string): Promise<MailItemDetail> {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const [documents, fields] = await Promise.all([listDocumentViews(ctx, entity.id, row.id), listFieldViews(ctx, entity.id, row.id)]);
  return {
    ...toMailItemSummary(row, entity.code),
    documents,
    fields,
    warnings: JSON.parse(row.warnings) as string[],
    ...(row.email_meta ? { email: JSON.parse(row.email_meta) as Record<string, unknown> } : {}),
  };
}

export async function getMailItemSummary(ctx: Ctx, entityId: string, entityCode: string, id: string): Promise<MailItemSummary> {
  const row = await findMailItemById(ctx.db, entityId, id);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${id} not found`);
  return toMailItemSummary(row, entityCode);
}

/** What processing needs to know of an item. */
export async function getMailItemState(ctx: Ctx, entityId: string, id: string) {
  const row = await findMailItemById(ctx.db, entityId, id);
  if (!row) return null;
  const requestType = row.request_type_id ? await findRequestTypeById(ctx.db, entityId, row.request_type_id) : undefined;
  return {
    id: row.id,
    chrono: row.chrono,
    channel: row.channel,
    /** Set at registration by the public form (the type the person chose) or by a depositing application. */
    requestTypeCode: requestType?.code ?? null,
    receivedAt: row.received_at,
    status: row.status,
    warnings: JSON.parse(row.warnings) as string[],
    email: row.email_meta ? (JSON.parse(row.email_meta) as { from?: { name?: string; address: string }; subject?: string; date?: string }) : null,
    declared: row.declared_meta ? (JSON.parse(row.declared_meta) as DeclaredMailMeta) : null,
  };
}

/** Who did what to an item, oldest first, from the audit log. */
export async function getMailItemHistory(ctx: Ctx, entityCode: string, chrono: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const events = await listAuditEvents(ctx.db, entity.id, { subjectType: 'mail_item', subjectId: row.id });
  return {
    events: events.map((e) => ({
      seq: e.seq,
      occurredAt: e.occurredAt,
      action: e.action,
      actorType: e.actor.type,
      actorLabel: e.actor.label,
      source: e.source,
      before: e.before,
      after: e.after,
    })),
  };
}

/** The operator's lookup by chrono alone (CLI): the chrono carries its entity's code. */
export async function getMailItemDetailByChrono(ctx: Ctx, chrono: string): Promise<MailItemDetail> {
  const row = await findMailItemByChronoAnyEntity(ctx.db, chrono);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const entity = await findEntityById(ctx.db, row.entity_id);
  if (!entity) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${row.entity_id} not found`);
  return getMailItemDetail(ctx, entity.code, chrono);
}
