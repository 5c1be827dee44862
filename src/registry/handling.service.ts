import { randomUUID } from 'node:crypto';
import { auditAction } from '../platform/audit/index.ts';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { addDays, computeCrpaDeadlines, daysLeft, parisDateOf } from './deadlines/index.ts';
import { findServiceByCode, listServices } from './entity.queries.ts';
import { requireEntity } from './entity.service.ts';
import {
  addCopy,
  findRequestTypeByCode,
  findRequestTypeById,
  insertComment,
  insertLink,
  insertRequestTypeIfAbsent,
  listComments,
  listCopies,
  listItemsDueBy,
  listLinks,
  listRequestTypes,
} from './handling.queries.ts';
import { notifyHandlingCorrected } from './handling-events.ts';
import { findMailItemByChrono, findMailItemById, updateMailItem } from './mail-item.queries.ts';
import { toMailItemSummary } from './mail-item.views.ts';
import { DEFAULT_REQUEST_TYPES } from './request-types.ts';
import type { HandlingStatus, RegistryMailItemTable } from './tables.ts';

/** Gives every entity the default request types it lacks (idempotent). */
export async function seedRequestTypes(ctx: Ctx, entityId: string, entityCode: string) {
  const now = ctx.clock.now().toISOString();
  for (const seed of DEFAULT_REQUEST_TYPES) {
    if (seed.entities && !seed.entities.includes(entityCode)) continue;
    await insertRequestTypeIfAbsent(ctx.db, {
      id: randomUUID(), entity_id: entityId, code: seed.code, name: seed.name, regime: seed.regime,
      delay: seed.delay, ack: seed.ack, legal_basis: seed.legalBasis, created_at: now,
    });
  }
}

export async function listRequestTypeViews(ctx: Ctx, entityCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  return (await listRequestTypes(ctx.db, entity.id)).map((t) => ({
    code: t.code, name: t.name, regime: t.regime, delay: t.delay, ackRequired: t.ack === 'required', legalBasis: t.legal_basis,
  }));
}

async function requireItem(ctx: Ctx, entityCode: string, chrono: string) {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  return { entity, item };
}

async function requireService(ctx: Ctx, entityId: string, code: string) {
  const service = await findServiceByCode(ctx.db, entityId, code);
  if (!service) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `service ${code} not found`, { detailFr: `Service inconnu dans cette entité : ${code}.` });
  }
  return service;
}

/** Changes an item's handling fields and records the change, in one transaction. */
async function changeItem(
  ctx: Ctx,
  entityId: string,
  item: RegistryMailItemTable,
  action: string,
  changes: Partial<RegistryMailItemTable>,
  details: Record<string, unknown> = {},
) {
  // Inside a caller's transaction (an intake that qualifies as it registers), join it.
  const inTransaction = <T>(work: (trx: typeof ctx.db) => Promise<T>) => (ctx.db.isTransaction ? work(ctx.db) : ctx.db.transaction().execute(work));
  await inTransaction(async (trx) => {
    await updateMailItem(trx, entityId, item.id, { ...changes, updated_at: ctx.clock.now().toISOString() });
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (item as unknown as Record<string, unknown>)[k] ?? null]));
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId, action, subjectType: 'mail_item', subjectId: item.id, before, after: changes as Record<string, unknown>, details,
    });
  });
}

/** The CRPA deadlines of an item of a given type, with its incomplete-request and transfer history. */
function deadlinesOf(item: RegistryMailItemTable, type: { regime: 'sva' | 'svr' | 'none'; delay: string | null }) {
  const receivedHere = parisDateOf(new Date(item.received_at));
  const transferred = Boolean(item.first_received_on);
  return computeCrpaDeadlines({
    // L114-2: a rejection runs from the first receipt, an acceptance from receipt here.
    receivedOn: item.first_received_on ?? receivedHere,
    competentReceivedOn: transferred ? receivedHere : null,
    regime: type.regime,
    delay: type.delay ?? undefined,
    incomplete: item.incomplete_requested_on
      ? { requestedOn: item.incomplete_requested_on, timeLimit: item.incomplete_time_limit ?? undefined, completedOn: item.completed_on ?? undefined }
      : null,
  });
}

function deadlineColumns(deadlines: ReturnType<typeof computeCrpaDeadlines>, ack: 'required' | 'none') {
  return {
    implicit_decision_kind: deadlines.implicitDecisionKind,
    implicit_decision_date: deadlines.implicitDecisionDate,
    ack_due_date: ack === 'required' ? deadlines.areDueDate : null,
  };
}

/**
 * Qualifies an item as a request of a given type: the type's legal regime and delay give the
 * date of the implicit decision, counted from the day of receipt (Paris calendar).
 */
export async function qualifyMailItem(ctx: Ctx, entityCode: string, chrono: string, input: { requestTypeCode: string; serviceCode?: string }) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const type = await findRequestTypeByCode(ctx.db, entity.id, input.requestTypeCode);
  if (!type) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `request type ${input.requestTypeCode} not found`, {
      detailFr: `Type de demande inconnu : ${input.requestTypeCode}.`,
    });
  }
  const service = input.serviceCode ? await requireService(ctx, entity.id, input.serviceCode) : null;
  await changeItem(ctx, entity.id, item, 'registry.mail_item.qualified', {
    request_type_id: type.id,
    ...deadlineColumns(deadlinesOf(item, type), type.ack),
    ...(service ? { service_id: service.id, handling_status: 'assigned' as HandlingStatus } : {}),
  });
  await notifyHandlingCorrected(ctx, { entityId: entity.id, mailItemId: item.id, requestTypeCode: type.code, serviceCode: service?.code });
  return getHandlingView(ctx, entityCode, chrono);
}

async function requireQualified(ctx: Ctx, entityId: string, item: RegistryMailItemTable) {
  const type = item.request_type_id ? await findRequestTypeById(ctx.db, entityId, item.request_type_id) : undefined;
  if (!type) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'item not qualified', { detailFr: 'Qualifiez d’abord la demande (type de demande).' });
  }
  return type;
}

/**
 * L114-5: asks the requester for missing items. An acceptance delay will run only from their
 * receipt; a rejection delay is suspended meanwhile. The new dates replace the old ones.
 */
export async function requestMissingItems(
  ctx: Ctx,
  entityCode: string,
  chrono: string,
  input: { missingItems: string[]; timeLimit: string },
) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const type = await requireQualified(ctx, entity.id, item);
  const changes = {
    incomplete_requested_on: parisDateOf(ctx.clock.now()),
    incomplete_missing_items: JSON.stringify(input.missingItems),
    incomplete_time_limit: input.timeLimit,
    completed_on: null,
  };
  const deadlines = deadlinesOf({ ...item, ...changes }, type);
  await changeItem(ctx, entity.id, item, 'registry.mail_item.missing_items_requested', { ...changes, ...deadlineColumns(deadlines, type.ack) });
  return getHandlingView(ctx, entityCode, chrono);
}

/** The missing items arrived: the delays run again (L114-5). */
export async function recordMissingItemsReceived(ctx: Ctx, entityCode: string, chrono: string) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const type = await requireQualified(ctx, entity.id, item);
  if (!item.incomplete_requested_on) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'no missing items requested', { detailFr: 'Aucune pièce manquante n’a été demandée pour ce courrier.' });
  }
  const changes = { completed_on: parisDateOf(ctx.clock.now()) };
  const deadlines = deadlinesOf({ ...item, ...changes }, type);
  await changeItem(ctx, entity.id, item, 'registry.mail_item.missing_items_received', { ...changes, ...deadlineColumns(deadlines, type.ack) });
  return getHandlingView(ctx, entityCode, chrono);
}

export async function assignMailItem(ctx: Ctx, entityCode: string, chrono: string, input: { serviceCode: string; assigneeLabel?: string | null }) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const service = await requireService(ctx, entity.id, input.serviceCode);
  const status: HandlingStatus = !item.handling_status || item.handling_status === 'registered' ? 'assigned' : item.handling_status;
  await changeItem(ctx, entity.id, item, item.service_id ? 'registry.mail_item.reassigned' : 'registry.mail_item.assigned', {
    service_id: service.id,
    assignee_label: input.assigneeLabel ?? null,
    handling_status: status,
  });
  await notifyHandlingCorrected(ctx, { entityId: entity.id, mailItemId: item.id, serviceCode: service.code });
  return getHandlingView(ctx, entityCode, chrono);
}

export async function copyMailItem(ctx: Ctx, entityCode: string, chrono: string, serviceCode: string) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const service = await requireService(ctx, entity.id, serviceCode);
  await ctx.db.transaction().execute(async (trx) => {
    await addCopy(trx, entity.id, item.id, service.id, ctx.clock.now().toISOString());
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.mail_item.copied', subjectType: 'mail_item', subjectId: item.id, after: { serviceCode },
    });
  });
  return getHandlingView(ctx, entityCode, chrono);
}

export async function commentMailItem(ctx: Ctx, entityCode: string, chrono: string, body: string) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  await ctx.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await insertComment(trx, { id, entity_id: entity.id, mail_item_id: item.id, author_label: ctx.actor.label, body, created_at: ctx.clock.now().toISOString() });
    // The audit keeps that a comment was made, not what it says.
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.mail_item.commented', subjectType: 'mail_item', subjectId: item.id, details: { commentId: id },
    });
  });
  return getHandlingView(ctx, entityCode, chrono);
}

export async function linkMailItems(ctx: Ctx, entityCode: string, chrono: string, input: { otherChrono: string; kind: 'reply' | 'related' }) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const other = await findMailItemByChrono(ctx.db, entity.id, input.otherChrono);
  if (!other) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${input.otherChrono} not found`, { chrono: input.otherChrono });
  if (other.id === item.id) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'self link', { detailFr: 'Un courrier ne peut pas être lié à lui-même.' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertLink(trx, { entity_id: entity.id, from_item_id: item.id, to_item_id: other.id, kind: input.kind, created_at: ctx.clock.now().toISOString() });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.mail_item.linked', subjectType: 'mail_item', subjectId: item.id, after: { to: other.chrono, kind: input.kind },
    });
  });
  return getHandlingView(ctx, entityCode, chrono);
}

const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * An agent corrects what indexing read (or failed to read) of the sender and subject. The
 * extracted fields stay as they were found; the item's own sender and subject change, in history.
 */
export async function correctMailItemSender(
  ctx: Ctx,
  entityCode: string,
  chrono: string,
  input: { senderName?: string | null; senderAddress?: string | null; subject?: string | null },
) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const changes: Partial<RegistryMailItemTable> = {};
  const clean = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() ? value.trim() : null);
  const senderName = clean(input.senderName);
  const senderAddress = clean(input.senderAddress);
  const subject = clean(input.subject);
  if (senderName !== undefined) changes.sender_name = senderName;
  if (senderAddress !== undefined) {
    if (senderAddress !== null && /@/.test(senderAddress) && !EMAIL_ADDRESS.test(senderAddress)) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad sender e-mail', { detailFr: `Adresse électronique de l’expéditeur invalide : « ${senderAddress} ».` });
    }
    changes.sender_address = senderAddress;
  }
  if (subject !== undefined) changes.subject = subject;
  if (Object.keys(changes).length === 0) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'nothing to correct', { detailFr: 'Indiquez l’expéditeur, son adresse ou l’objet à corriger.' });
  }
  await changeItem(ctx, entity.id, item, 'registry.mail_item.sender_corrected', changes);
  return getHandlingView(ctx, entityCode, chrono);
}

const REASON_REQUIRED: HandlingStatus[] = ['closed'];

export async function changeHandlingStatus(ctx: Ctx, entityCode: string, chrono: string, input: { status: HandlingStatus; reason?: string | null }) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  if (REASON_REQUIRED.includes(input.status) && !input.reason?.trim()) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'reason required', { detailFr: 'Indiquez le motif du classement.' });
  }
  const now = ctx.clock.now().toISOString();
  await changeItem(ctx, entity.id, item, 'registry.mail_item.handling_status_changed', {
    handling_status: input.status,
    handling_reason: input.reason?.trim() || null,
    ...(input.status === 'answered' ? { answered_at: now } : {}),
    ...(input.status === 'closed' ? { closed_at: now } : {}),
  });
  return getHandlingView(ctx, entityCode, chrono);
}

export async function getHandlingView(ctx: Ctx, entityCode: string, chrono: string) {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const today = parisDateOf(ctx.clock.now());
  const type = item.request_type_id ? await findRequestTypeById(ctx.db, entity.id, item.request_type_id) : undefined;
  const services = await listServices(ctx.db, entity.id);
  const service = services.find((s) => s.id === item.service_id);
  const [copies, comments, links] = await Promise.all([
    listCopies(ctx.db, entity.id, item.id),
    listComments(ctx.db, entity.id, item.id),
    listLinks(ctx.db, entity.id, item.id),
  ]);
  return {
    requestType: type ? { code: type.code, name: type.name, regime: type.regime, delay: type.delay, ackRequired: type.ack === 'required', legalBasis: type.legal_basis } : null,
    service: service ? { code: service.code, name: service.name } : null,
    assigneeLabel: item.assignee_label ?? null,
    handlingStatus: item.handling_status ?? 'registered',
    handlingReason: item.handling_reason ?? null,
    deadline: item.implicit_decision_date
      ? {
          kind: item.implicit_decision_kind ?? null,
          date: item.implicit_decision_date,
          daysLeft: daysLeft(item.implicit_decision_date, today),
        }
      : null,
    ackDueDate: item.ack_due_date ?? null,
    incomplete: item.incomplete_requested_on
      ? {
          requestedOn: item.incomplete_requested_on,
          missingItems: JSON.parse(item.incomplete_missing_items ?? '[]') as string[],
          timeLimit: item.incomplete_time_limit ?? null,
          completedOn: item.completed_on ?? null,
        }
      : null,
    firstReceivedOn: item.first_received_on ?? null,
    transferredFrom: item.transferred_from ?? null,
    transferredToChrono: item.transferred_to_chrono ?? null,
    copies: copies.map((c) => ({ code: c.code, name: c.name })),
    comments: comments.map((c) => ({ id: c.id, author: c.author_label, body: c.body, createdAt: c.created_at })),
    links,
  };
}

/** The "late" basket (implicit decision date passed) and the "due within a week" one. */
export async function listDeadlineBaskets(ctx: Ctx, entityCode: string, serviceIds?: string[] | null) {
  const entity = await requireEntity(ctx, entityCode);
  const today = parisDateOf(ctx.clock.now());
  const due = await listItemsDueBy(ctx.db, entity.id, addDays(today, 7), 500, serviceIds);
  const view = (row: RegistryMailItemTable) => ({
    ...toMailItemSummary(row, entity.code),
    implicitDecisionDate: row.implicit_decision_date!,
    daysLeft: daysLeft(row.implicit_decision_date!, today),
  });
  return {
    today,
    late: due.filter((r) => r.implicit_decision_date! < today).map(view),
    dueSoon: due.filter((r) => r.implicit_decision_date! >= today).map(view),
  };
}

/** An item's chrono and current service and request type codes (what routing compares with). */
export async function getItemHandlingCodes(ctx: Ctx, entityId: string, mailItemId: string) {
  const item = await findMailItemById(ctx.db, entityId, mailItemId);
  if (!item) return null;
  const type = item.request_type_id ? await findRequestTypeById(ctx.db, entityId, item.request_type_id) : undefined;
  const services = item.service_id ? await listServices(ctx.db, entityId) : [];
  return {
    chrono: item.chrono,
    serviceCode: services.find((s) => s.id === item.service_id)?.code ?? null,
    requestTypeCode: type?.code ?? null,
  };
}
