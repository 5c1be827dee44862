import type { Db } from '../platform/database/db.ts';
import { applyMailItemFilter } from './mail-item.queries.ts';
import type { RegistryCommentTable, RegistryMailLinkTable, RegistryRequestTypeTable } from './tables.ts';

export async function insertRequestTypeIfAbsent(db: Db, row: RegistryRequestTypeTable) {
  await db.insertInto('registry_request_type').values(row).onConflict((oc) => oc.columns(['entity_id', 'code']).doNothing()).execute();
}

export function listRequestTypes(db: Db, entityId: string) {
  return db.selectFrom('registry_request_type').selectAll().where('entity_id', '=', entityId).orderBy('name').execute();
}

export function findRequestTypeByCode(db: Db, entityId: string, code: string) {
  return db.selectFrom('registry_request_type').selectAll().where('entity_id', '=', entityId).where('code', '=', code).executeTakeFirst();
}

export function findRequestTypeById(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_request_type').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function addCopy(db: Db, entityId: string, mailItemId: string, serviceId: string, at: string) {
  await db
    .insertInto('registry_mail_copy')
    .values({ entity_id: entityId, mail_item_id: mailItemId, service_id: serviceId, created_at: at })
    .onConflict((oc) => oc.columns(['mail_item_id', 'service_id']).doNothing())
    .execute();
}

export function listCopies(db: Db, entityId: string, mailItemId: string) {
  return db
    .selectFrom('registry_mail_copy')
    .innerJoin('registry_service', 'registry_service.id', 'registry_mail_copy.service_id')
    .select(['registry_service.code', 'registry_service.name', 'registry_mail_copy.created_at'])
    .where('registry_mail_copy.entity_id', '=', entityId)
    .where('registry_mail_copy.mail_item_id', '=', mailItemId)
    .orderBy('registry_service.code')
    .execute();
}

export async function insertComment(db: Db, row: RegistryCommentTable) {
  await db.insertInto('registry_comment').values(row).execute();
}

export function listComments(db: Db, entityId: string, mailItemId: string) {
  return db.selectFrom('registry_comment').selectAll().where('entity_id', '=', entityId).where('mail_item_id', '=', mailItemId).orderBy('created_at').execute();
}

export async function insertLink(db: Db, row: RegistryMailLinkTable) {
  await db.insertInto('registry_mail_link').values(row).onConflict((oc) => oc.columns(['from_item_id', 'to_item_id']).doNothing()).execute();
}

/** Links in both directions, with the other item's chrono. */
export async function listLinks(db: Db, entityId: string, mailItemId: string) {
  const outgoing = await db
    .selectFrom('registry_mail_link')
    .innerJoin('registry_mail_item', 'registry_mail_item.id', 'registry_mail_link.to_item_id')
    .select(['registry_mail_item.chrono', 'registry_mail_link.kind'])
    .where('registry_mail_link.entity_id', '=', entityId)
    .where('registry_mail_link.from_item_id', '=', mailItemId)
    .execute();
  const incoming = await db
    .selectFrom('registry_mail_link')
    .innerJoin('registry_mail_item', 'registry_mail_item.id', 'registry_mail_link.from_item_id')
    .select(['registry_mail_item.chrono', 'registry_mail_link.kind'])
    .where('registry_mail_link.entity_id', '=', entityId)
    .where('registry_mail_link.to_item_id', '=', mailItemId)
    .execute();
  return [
    ...outgoing.map((l) => ({ chrono: l.chrono, kind: l.kind, direction: 'to' as const })),
    ...incoming.map((l) => ({ chrono: l.chrono, kind: l.kind, direction: 'from' as const })),
  ];
}

/** Open items whose implicit decision falls on or before a day: the "late" and "due soon" baskets. */
export function listItemsDueBy(db: Db, entityId: string, day: string, limit: number, serviceIds?: string[] | null) {
  return applyMailItemFilter(db.selectFrom('registry_mail_item'), { serviceIds })
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('implicit_decision_date', 'is not', null)
    .where('implicit_decision_date', '<=', day)
    .where((eb) => eb.or([eb('handling_status', 'is', null), eb('handling_status', 'not in', ['answered', 'closed', 'transferred_out'])]))
    .orderBy('implicit_decision_date')
    .limit(limit)
    .execute();
}
