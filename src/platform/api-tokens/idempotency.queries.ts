import type { Db } from '../database/db.ts';
import type { PlatformApiIdempotencyTable } from './tables.ts';

export interface IdempotencyScope {
  ownerKey: string;
  entityId: string;
  key: string;
}

const scoped = (db: Db, table: 'platform_api_idempotency', scope: IdempotencyScope) =>
  db.selectFrom(table).where('owner_key', '=', scope.ownerKey).where('entity_id', '=', scope.entityId).where('idem_key', '=', scope.key);

/** Takes the key: true for the one request that inserted the row (the primary key settles races). */
export async function claimIdempotencyKey(db: Db, scope: IdempotencyScope, requestHash: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('platform_api_idempotency')
    .values({
      owner_key: scope.ownerKey,
      entity_id: scope.entityId,
      idem_key: scope.key,
      request_hash: requestHash,
      state: 'pending',
      response_status: null,
      response_body: null,
      created_at: now,
      completed_at: null,
    })
    .onConflict((oc) => oc.columns(['owner_key', 'entity_id', 'idem_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function findIdempotencyRecord(db: Db, scope: IdempotencyScope): Promise<PlatformApiIdempotencyTable | undefined> {
  return scoped(db, 'platform_api_idempotency', scope).selectAll().executeTakeFirst();
}

export async function completeIdempotencyRecord(db: Db, scope: IdempotencyScope, status: number, body: string, now: string) {
  await db
    .updateTable('platform_api_idempotency')
    .set({ state: 'done', response_status: status, response_body: body, completed_at: now })
    .where('owner_key', '=', scope.ownerKey)
    .where('entity_id', '=', scope.entityId)
    .where('idem_key', '=', scope.key)
    .execute();
}

/** Frees a key whose request failed before answering. */
export async function deleteIdempotencyRecord(db: Db, scope: IdempotencyScope) {
  await db
    .deleteFrom('platform_api_idempotency')
    .where('owner_key', '=', scope.ownerKey)
    .where('entity_id', '=', scope.entityId)
    .where('idem_key', '=', scope.key)
    .execute();
}

/** Forgets every record past its retention, so an old key can serve again. */
export async function purgeIdempotencyRecords(db: Db, createdBefore: string) {
  await db.deleteFrom('platform_api_idempotency').where('created_at', '<', createdBefore).execute();
}
