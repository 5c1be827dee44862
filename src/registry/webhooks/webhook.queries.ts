import type { Db } from '../../platform/database/db.ts';
import type { RegistryWebhookDeliveryTable, RegistryWebhookSubscriptionTable } from './tables.ts';

export type SubscriptionRow = RegistryWebhookSubscriptionTable;
export type DeliveryRow = RegistryWebhookDeliveryTable;

export async function insertSubscription(db: Db, row: SubscriptionRow) {
  await db.insertInto('registry_webhook_subscription').values(row).execute();
}

export function listSubscriptionRows(db: Db, entityId: string, options: { activeOnly?: boolean } = {}) {
  let query = db.selectFrom('registry_webhook_subscription').selectAll().where('entity_id', '=', entityId);
  if (options.activeOnly) query = query.where('disabled_at', 'is', null);
  return query.orderBy('created_at').orderBy('id').execute();
}

export function findSubscription(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_webhook_subscription').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function disableSubscription(db: Db, entityId: string, id: string, now: string) {
  await db
    .updateTable('registry_webhook_subscription')
    .set({ disabled_at: now })
    .where('entity_id', '=', entityId)
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .execute();
}

export async function insertDelivery(db: Db, row: DeliveryRow) {
  await db.insertInto('registry_webhook_delivery').values(row).execute();
}

export function findDelivery(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_webhook_delivery').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function updateDelivery(db: Db, entityId: string, id: string, changes: Partial<DeliveryRow>) {
  await db.updateTable('registry_webhook_delivery').set(changes).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export function listDeliveryRows(db: Db, entityId: string, subscriptionId: string, limit: number) {
  return db
    .selectFrom('registry_webhook_delivery')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
