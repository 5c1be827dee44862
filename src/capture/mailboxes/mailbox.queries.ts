import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../platform/database/db.ts';
import type { CaptureGatewayAddressTable, CaptureMailboxMessageTable, CaptureMailboxTable } from './tables.ts';

export async function insertMailbox(db: Db, row: Insertable<CaptureMailboxTable>) {
  await db.insertInto('capture_mailbox').values(row).execute();
}

export async function updateMailboxRow(db: Db, id: string, patch: Updateable<CaptureMailboxTable>) {
  await db.updateTable('capture_mailbox').set(patch).where('id', '=', id).execute();
}

export async function deleteMailboxRow(db: Db, id: string) {
  await db.deleteFrom('capture_mailbox_message').where('mailbox_id', '=', id).execute();
  await db.deleteFrom('capture_mailbox').where('id', '=', id).execute();
}

export function findMailbox(db: Db, entityId: string, id: string) {
  return db.selectFrom('capture_mailbox').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export function listMailboxRows(db: Db, entityId: string) {
  return db.selectFrom('capture_mailbox').selectAll().where('entity_id', '=', entityId).orderBy('name').orderBy('created_at').execute();
}

/** Every active mailbox of the platform, with its entity's code: what the poller walks. */
export function listActiveMailboxes(db: Db) {
  return db
    .selectFrom('capture_mailbox')
    .innerJoin('registry_entity', 'registry_entity.id', 'capture_mailbox.entity_id')
    .select(['capture_mailbox.id', 'registry_entity.code as entityCode'])
    .where('capture_mailbox.active', '=', 1)
    .orderBy('capture_mailbox.created_at')
    .execute();
}

export function takenMessages(db: Db, mailboxId: string, uidValidity: string) {
  return db
    .selectFrom('capture_mailbox_message')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .where('uid_validity', '=', uidValidity)
    .execute();
}

export function findTakenByKey(db: Db, mailboxId: string, messageKey: string) {
  return db
    .selectFrom('capture_mailbox_message')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .where('message_key', '=', messageKey)
    .where('outcome', '!=', 'already-taken')
    .orderBy('taken_at')
    .limit(1)
    .executeTakeFirst();
}

export async function insertTakenMessage(db: Db, row: CaptureMailboxMessageTable) {
  await db.insertInto('capture_mailbox_message').values(row).execute();
}

export async function markSettled(db: Db, mailboxId: string, uidValidity: string, uid: string, at: string) {
  await db
    .updateTable('capture_mailbox_message')
    .set({ settled_at: at })
    .where('mailbox_id', '=', mailboxId)
    .where('uid_validity', '=', uidValidity)
    .where('uid', '=', uid)
    .execute();
}

export async function insertGatewayAddress(db: Db, row: CaptureGatewayAddressTable) {
  await db.insertInto('capture_gateway_address').values(row).execute();
}

export async function insertGatewayAddressIfAbsent(db: Db, row: CaptureGatewayAddressTable) {
  await db.insertInto('capture_gateway_address').values(row).onConflict((oc) => oc.column('address').doNothing()).execute();
}

export function findGatewayAddress(db: Db, address: string) {
  return db
    .selectFrom('capture_gateway_address')
    .innerJoin('registry_entity', 'registry_entity.id', 'capture_gateway_address.entity_id')
    .select(['capture_gateway_address.id', 'capture_gateway_address.address', 'capture_gateway_address.entity_id', 'registry_entity.code as entityCode'])
    .where('capture_gateway_address.address', '=', address)
    .executeTakeFirst();
}

export function listGatewayAddressRows(db: Db, entityId: string) {
  return db.selectFrom('capture_gateway_address').selectAll().where('entity_id', '=', entityId).orderBy('address').execute();
}

export async function deleteGatewayAddressRow(db: Db, entityId: string, address: string) {
  const result = await db.deleteFrom('capture_gateway_address').where('entity_id', '=', entityId).where('address', '=', address).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
