import type { Db } from '../../platform/database/db.ts';
import type { IndexingRoutingItemTable, IndexingRoutingRuleTable, RoutingTarget } from './tables.ts';

export function listRules(db: Db, entityId: string) {
  return db.selectFrom('indexing_routing_rule').selectAll().where('entity_id', '=', entityId).orderBy('priority').orderBy('name').execute();
}

export function findRule(db: Db, entityId: string, id: string) {
  return db.selectFrom('indexing_routing_rule').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function insertRule(db: Db, row: IndexingRoutingRuleTable) {
  await db.insertInto('indexing_routing_rule').values(row).execute();
}

export async function updateRule(db: Db, entityId: string, id: string, changes: Partial<IndexingRoutingRuleTable>) {
  await db.updateTable('indexing_routing_rule').set(changes).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export async function deleteRule(db: Db, entityId: string, id: string) {
  await db.deleteFrom('indexing_routing_rule').where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export function findModel(db: Db, entityId: string, target: RoutingTarget) {
  return db.selectFrom('indexing_routing_model').selectAll().where('entity_id', '=', entityId).where('target', '=', target).executeTakeFirst();
}

/**
 * Touches the model row first, so that on PostgreSQL the transaction holds its lock before
 * reading it: two corrections at once update the counts one after the other, none is lost.
 */
export async function lockModel(db: Db, entityId: string, target: RoutingTarget, at: string) {
  await db
    .insertInto('indexing_routing_model')
    .values({ entity_id: entityId, target, state: 'null', updated_at: at })
    .onConflict((oc) => oc.columns(['entity_id', 'target']).doUpdateSet({ updated_at: at }))
    .execute();
}

export async function saveModel(db: Db, entityId: string, target: RoutingTarget, state: string, at: string) {
  await db
    .insertInto('indexing_routing_model')
    .values({ entity_id: entityId, target, state, updated_at: at })
    .onConflict((oc) => oc.columns(['entity_id', 'target']).doUpdateSet({ state, updated_at: at }))
    .execute();
}

export function findRoutingItem(db: Db, entityId: string, mailItemId: string) {
  return db.selectFrom('indexing_routing_item').selectAll().where('entity_id', '=', entityId).where('mail_item_id', '=', mailItemId).executeTakeFirst();
}

export async function insertRoutingItem(db: Db, row: IndexingRoutingItemTable) {
  await db.insertInto('indexing_routing_item').values(row).onConflict((oc) => oc.column('mail_item_id').doNothing()).execute();
}

export async function updateRoutingItem(db: Db, entityId: string, mailItemId: string, changes: Partial<IndexingRoutingItemTable>) {
  await db.updateTable('indexing_routing_item').set(changes).where('entity_id', '=', entityId).where('mail_item_id', '=', mailItemId).execute();
}

/** The items a person or a rule labelled: what the models are rebuilt from. */
export function listLabelledItems(db: Db, entityId: string) {
  return db
    .selectFrom('indexing_routing_item')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('label_source', 'is not', null)
    .orderBy('decided_at')
    .orderBy('mail_item_id')
    .execute();
}
