import { sql, type ExpressionBuilder } from 'kysely';
import type { OctoDb } from '../platform/database/schema.ts';
import type { Db } from '../platform/database/db.ts';
import type { MailChannel, MailStatus, RegistryMailItemTable } from './tables.ts';

export async function insertMailItem(db: Db, row: RegistryMailItemTable) {
  await db.insertInto('registry_mail_item').values(row).execute();
}

export function findMailItemByChrono(db: Db, entityId: string, chrono: string) {
  return db.selectFrom('registry_mail_item').selectAll().where('entity_id', '=', entityId).where('chrono', '=', chrono).executeTakeFirst();
}

export function findMailItemById(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_mail_item').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

/** Cross-entity lookup by chrono, for the CLI (an operator's tool, not an agent's route). */
export function findMailItemByChronoAnyEntity(db: Db, chrono: string) {
  return db.selectFrom('registry_mail_item').selectAll().where('chrono', '=', chrono).executeTakeFirst();
}

export interface MailItemFilter {
  channel?: MailChannel;
  status?: MailStatus;
  receivedFrom?: string; // ISO instant, inclusive
  receivedBefore?: string; // ISO instant, exclusive
  /** Only items assigned or copied to these services (a service agent's view); absent: all. */
  serviceIds?: string[] | null;
}

function applyFilter<QB extends { where: (...args: any[]) => QB }>(query: QB, filter: MailItemFilter): QB {
  let q = query;
  if (filter.channel) q = q.where('registry_mail_item.channel', '=', filter.channel);
  if (filter.status) q = q.where('registry_mail_item.status', '=', filter.status);
  if (filter.receivedFrom) q = q.where('registry_mail_item.received_at', '>=', filter.receivedFrom);
  if (filter.receivedBefore) q = q.where('registry_mail_item.received_at', '<', filter.receivedBefore);
  if (filter.serviceIds) {
    const serviceIds = filter.serviceIds;
    if (serviceIds.length === 0) return q.where(sql<boolean>`1 = 0`);
    q = q.where((eb: ExpressionBuilder<OctoDb, 'registry_mail_item'>) =>
      eb.or([
        eb('registry_mail_item.service_id', 'in', serviceIds),
        eb.exists(
          eb
            .selectFrom('registry_mail_copy')
            .select('registry_mail_copy.mail_item_id')
            .whereRef('registry_mail_copy.mail_item_id', '=', 'registry_mail_item.id')
            .where('registry_mail_copy.service_id', 'in', serviceIds),
        ),
      ]),
    );
  }
  return q;
}

export async function listMailItems(db: Db, entityId: string, filter: MailItemFilter, limit: number, offset: number) {
  const base = db.selectFrom('registry_mail_item').where('registry_mail_item.entity_id', '=', entityId);
  const filtered = applyFilter(base, filter);
  const [rows, count] = await Promise.all([
    filtered.selectAll().orderBy('received_at', 'desc').orderBy('chrono', 'desc').limit(limit).offset(offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateMailItem(
  db: Db,
  entityId: string,
  id: string,
  changes: Partial<Omit<RegistryMailItemTable, 'id' | 'entity_id' | 'chrono'>>,
) {
  await db.updateTable('registry_mail_item').set(changes).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export { applyFilter as applyMailItemFilter };
