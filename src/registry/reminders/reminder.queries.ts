import type { Db } from '../../platform/database/db.ts';
import type { HandlingStatus } from '../tables.ts';
import type { RegistryReminderTable, ReminderKind } from './reminder.tables.ts';

const OPEN_STATUSES_EXCLUDED: HandlingStatus[] = ['answered', 'closed', 'transferred_out'];

/** Open items whose implicit decision falls between two days (inclusive). */
export function listOpenItemsWithDecisionBetween(db: Db, entityId: string, from: string, to: string) {
  return db
    .selectFrom('registry_mail_item')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('implicit_decision_date', '>=', from)
    .where('implicit_decision_date', '<=', to)
    .where((eb) => eb.or([eb('handling_status', 'is', null), eb('handling_status', 'not in', OPEN_STATUSES_EXCLUDED)]))
    .execute();
}

/** Open items waiting for missing items from the requester (L114-5). */
export function listOpenItemsAwaitingMissingItems(db: Db, entityId: string) {
  return db
    .selectFrom('registry_mail_item')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('incomplete_requested_on', 'is not', null)
    .where('incomplete_time_limit', 'is not', null)
    .where('completed_on', 'is', null)
    .where((eb) => eb.or([eb('handling_status', 'is', null), eb('handling_status', 'not in', OPEN_STATUSES_EXCLUDED)]))
    .execute();
}

/** The tightest threshold already reminded for this item, deadline kind and due date. */
export async function tightestReminderThreshold(db: Db, mailItemId: string, kind: ReminderKind, dueDate: string): Promise<number | null> {
  const row = await db
    .selectFrom('registry_reminder')
    .select((eb) => eb.fn.min<number>('threshold_days').as('t'))
    .where('mail_item_id', '=', mailItemId)
    .where('kind', '=', kind)
    .where('due_date', '=', dueDate)
    .executeTakeFirst();
  return row?.t === null || row?.t === undefined ? null : Number(row.t);
}

/** Inserts once: a concurrent sweep that made the same reminder wins, this one does nothing. */
export async function insertReminderOnce(db: Db, row: RegistryReminderTable): Promise<boolean> {
  const result = await db
    .insertInto('registry_reminder')
    .values(row)
    .onConflict((oc) => oc.columns(['mail_item_id', 'kind', 'due_date', 'threshold_days']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listReminders(db: Db, entityId: string, filter: { serviceIds: string[] | null; includeDismissed: boolean; limit: number }) {
  let query = db
    .selectFrom('registry_reminder')
    .innerJoin('registry_mail_item', 'registry_mail_item.id', 'registry_reminder.mail_item_id')
    .leftJoin('registry_service', 'registry_service.id', 'registry_reminder.service_id')
    .selectAll('registry_reminder')
    .select(['registry_mail_item.chrono', 'registry_mail_item.subject', 'registry_mail_item.sender_name', 'registry_service.code as service_code', 'registry_service.name as service_name'])
    .where('registry_reminder.entity_id', '=', entityId);
  if (filter.serviceIds) query = query.where('registry_reminder.service_id', 'in', filter.serviceIds.length ? filter.serviceIds : ['']);
  if (!filter.includeDismissed) query = query.where('registry_reminder.dismissed_at', 'is', null);
  return query.orderBy('registry_reminder.due_date').orderBy('registry_reminder.created_at', 'desc').limit(filter.limit).execute();
}

export async function countOpenReminders(db: Db, entityId: string, serviceIds: string[] | null): Promise<number> {
  let query = db.selectFrom('registry_reminder').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_id', '=', entityId).where('dismissed_at', 'is', null);
  if (serviceIds) query = query.where('service_id', 'in', serviceIds.length ? serviceIds : ['']);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export function findReminder(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_reminder').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function dismissReminder(db: Db, id: string, at: string, by: string) {
  await db.updateTable('registry_reminder').set({ dismissed_at: at, dismissed_by: by }).where('id', '=', id).execute();
}

export async function updateReminderEmailStatus(db: Db, id: string, status: RegistryReminderTable['email_status'], channels: string) {
  await db.updateTable('registry_reminder').set({ email_status: status, channels }).where('id', '=', id).execute();
}

export function findReminderSetting(db: Db, entityId: string) {
  return db.selectFrom('registry_reminder_setting').selectAll().where('entity_id', '=', entityId).executeTakeFirst();
}

export async function upsertReminderSetting(db: Db, row: { entity_id: string; thresholds: string; updated_at: string; updated_by: string | null }) {
  await db
    .insertInto('registry_reminder_setting')
    .values(row)
    .onConflict((oc) => oc.column('entity_id').doUpdateSet({ thresholds: row.thresholds, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}
