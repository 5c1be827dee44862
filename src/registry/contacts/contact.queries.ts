import type { Db } from '../../platform/database/db.ts';
import type { RegistryContactTable } from './contact.tables.ts';

/**
 * Who looks at the directory: the entities whose confidential contacts they may see. Shared
 * contacts (no confidential entity) are seen by everyone signed in.
 */
export interface ContactViewer {
  entityIds: string[];
}

function visibleTo<QB extends { where: (...args: any[]) => QB }>(query: QB, viewer: ContactViewer): QB {
  return query.where((eb: any) =>
    viewer.entityIds.length
      ? eb.or([eb('registry_contact.confidential_entity_id', 'is', null), eb('registry_contact.confidential_entity_id', 'in', viewer.entityIds)])
      : eb('registry_contact.confidential_entity_id', 'is', null),
  );
}

export async function insertContact(db: Db, row: RegistryContactTable) {
  await db.insertInto('registry_contact').values(row).execute();
}

export function findVisibleContact(db: Db, viewer: ContactViewer, id: string) {
  return visibleTo(db.selectFrom('registry_contact').selectAll().where('id', '=', id), viewer).executeTakeFirst();
}

export async function listVisibleContacts(db: Db, viewer: ContactViewer, filter: { words: string[]; limit: number; offset: number }) {
  let query = visibleTo(db.selectFrom('registry_contact').where('merged_into_id', 'is', null), viewer);
  for (const word of filter.words) query = query.where('search_text', 'like', `%${word}%`);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name_key').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every live contact the viewer sees that shares an e-mail, a SIRET or a postcode with another. */
export function listDuplicateCandidates(db: Db, viewer: ContactViewer) {
  return visibleTo(db.selectFrom('registry_contact').selectAll().where('merged_into_id', 'is', null), viewer)
    .where((eb) => eb.or([eb('email_key', 'is not', null), eb('siret', 'is not', null), eb('postcode', 'is not', null)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function updateContact(db: Db, id: string, changes: Partial<Omit<RegistryContactTable, 'id'>>) {
  await db.updateTable('registry_contact').set(changes).where('id', '=', id).execute();
}

/** Moves every mail item's link, in every entity, from one contact to another; returns how many. */
export async function moveSenderLinks(db: Db, fromId: string, toId: string): Promise<number> {
  const result = await db.updateTable('registry_mail_item').set({ sender_contact_id: toId }).where('sender_contact_id', '=', fromId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function repointMergedContacts(db: Db, fromId: string, toId: string) {
  await db.updateTable('registry_contact').set({ merged_into_id: toId }).where('merged_into_id', '=', fromId).execute();
}

export function listLinkedMailItems(db: Db, contactId: string, scopes: Array<{ entityId: string; serviceIds: string[] | null }>) {
  if (scopes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_mail_item')
    .innerJoin('registry_entity', 'registry_entity.id', 'registry_mail_item.entity_id')
    .select([
      'registry_mail_item.chrono', 'registry_mail_item.subject', 'registry_mail_item.received_at', 'registry_entity.code as entity_code',
    ])
    .where('registry_mail_item.sender_contact_id', '=', contactId)
    .where((eb) =>
      eb.or(
        scopes.map((scope) =>
          scope.serviceIds === null
            ? eb('registry_mail_item.entity_id', '=', scope.entityId)
            : eb.and([eb('registry_mail_item.entity_id', '=', scope.entityId), eb('registry_mail_item.service_id', 'in', scope.serviceIds.length ? scope.serviceIds : [''])]),
        ),
      ),
    )
    .orderBy('registry_mail_item.received_at', 'desc')
    .limit(200)
    .execute();
}
