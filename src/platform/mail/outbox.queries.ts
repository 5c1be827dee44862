import type { Db } from '../database/db.ts';
import type { OutboxStatus, PlatformOutboxTable } from './tables.ts';

export async function insertOutboxRow(db: Db, row: PlatformOutboxTable) {
  await db.insertInto('platform_outbox').values(row).execute();
}

export function findOutboxRow(db: Db, id: string) {
  return db.selectFrom('platform_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOutboxRow(db: Db, id: string, changes: Partial<PlatformOutboxTable>) {
  await db.updateTable('platform_outbox').set(changes).where('id', '=', id).execute();
}

/** Moves a row from one status to another only if nobody else did: true when this caller won. */
export async function claimOutboxRow(db: Db, id: string, from: OutboxStatus, changes: Partial<PlatformOutboxTable>): Promise<boolean> {
  const result = await db.updateTable('platform_outbox').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Rows the periodic task should release: retries whose time has come, and (with a relay) the waiting ones. */
export function listReleasableRows(db: Db, nowIso: string, includeWaiting: boolean) {
  return db
    .selectFrom('platform_outbox')
    .select(['id', 'status'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'retrying'), eb('next_attempt_at', '<=', nowIso)]),
        ...(includeWaiting ? [eb('status', '=', 'waiting')] : []),
      ]),
    )
    .orderBy('created_at')
    .limit(500)
    .execute();
}

export function listOutboxRows(db: Db, entityId: string, options: { status?: OutboxStatus; mailItemId?: string; limit: number }) {
  let query = db.selectFrom('platform_outbox').selectAll().where('entity_id', '=', entityId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.mailItemId) query = query.where('mail_item_id', '=', options.mailItemId);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(options.limit).execute();
}

export async function findEntitySender(db: Db, entityId: string) {
  const row = await db.selectFrom('platform_mail_sender').select('from_address').where('entity_id', '=', entityId).executeTakeFirst();
  return row?.from_address ?? null;
}

export async function upsertEntitySender(db: Db, entityId: string, fromAddress: string, nowIso: string) {
  await db
    .insertInto('platform_mail_sender')
    .values({ entity_id: entityId, from_address: fromAddress, updated_at: nowIso })
    .onConflict((oc) => oc.column('entity_id').doUpdateSet({ from_address: fromAddress, updated_at: nowIso }))
    .execute();
}
