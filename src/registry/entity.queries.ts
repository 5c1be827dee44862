import type { Db } from '../platform/database/db.ts';

export function findEntityByCode(db: Db, code: string) {
  return db.selectFrom('registry_entity').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findEntityById(db: Db, id: string) {
  return db.selectFrom('registry_entity').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listEntities(db: Db) {
  return db.selectFrom('registry_entity').selectAll().orderBy('code').execute();
}

export function listServices(db: Db, entityId: string) {
  return db.selectFrom('registry_service').selectAll().where('entity_id', '=', entityId).orderBy('code').execute();
}

export async function insertEntityIfAbsent(db: Db, row: { id: string; code: string; name: string; short_name: string; created_at: string }) {
  await db.insertInto('registry_entity').values(row).onConflict((oc) => oc.column('code').doNothing()).execute();
}

export async function insertServiceIfAbsent(
  db: Db,
  row: { id: string; entity_id: string; code: string; name: string; parent_id: string | null },
) {
  await db.insertInto('registry_service').values(row).onConflict((oc) => oc.columns(['entity_id', 'code']).doNothing()).execute();
}

export function findServiceByCode(db: Db, entityId: string, code: string) {
  return db.selectFrom('registry_service').selectAll().where('entity_id', '=', entityId).where('code', '=', code).executeTakeFirst();
}

export async function insertEntity(db: Db, row: { id: string; code: string; name: string; short_name: string; created_at: string }) {
  await db.insertInto('registry_entity').values(row).execute();
}

export async function insertService(db: Db, row: { id: string; entity_id: string; code: string; name: string; parent_id: string | null }) {
  await db.insertInto('registry_service').values(row).execute();
}

export function listEntitiesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_entity').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
}

export function listServicesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_service').select(['id', 'entity_id', 'code', 'name']).where('id', 'in', ids).execute();
}

export function findServiceById(db: Db, entityId: string, id: string) {
  return db.selectFrom('registry_service').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export interface ServiceContact {
  addressLines: string[];
  postcode: string;
  city: string;
  email: string;
  phone: string;
}

/** Fills the contact columns of a service that are still empty (an entity's own data is kept). */
export async function fillEmptyServiceContact(db: Db, entityId: string, code: string, contact: ServiceContact) {
  const row = await findServiceByCode(db, entityId, code);
  if (!row) return;
  const wanted = { address_lines: contact.addressLines.join('\n'), postcode: contact.postcode, city: contact.city, email: contact.email, phone: contact.phone };
  const changes = Object.fromEntries(Object.entries(wanted).filter(([column]) => !row[column as keyof typeof wanted]?.trim()));
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('registry_service').set(changes).where('entity_id', '=', entityId).where('code', '=', code).execute();
}

/** Replaces a service's contact data (postal address, e-mail, phone: what acknowledgements print). */
export async function setServiceContact(db: Db, entityId: string, code: string, contact: ServiceContact) {
  await db
    .updateTable('registry_service')
    .set({ address_lines: contact.addressLines.join('\n'), postcode: contact.postcode, city: contact.city, email: contact.email, phone: contact.phone })
    .where('entity_id', '=', entityId)
    .where('code', '=', code)
    .execute();
}
