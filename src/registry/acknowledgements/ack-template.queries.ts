import type { Db } from '../../platform/database/db.ts';
import type { AckChannel, AckTemplateKind, RegistryAckTemplateTable } from './ack.tables.ts';

export function listAckTemplates(db: Db, entityId: string) {
  return db.selectFrom('registry_ack_template').selectAll().where('entity_id', '=', entityId).execute();
}

export function findAckTemplate(db: Db, entityId: string, kind: AckTemplateKind, channel: AckChannel) {
  return db
    .selectFrom('registry_ack_template')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('kind', '=', kind)
    .where('channel', '=', channel)
    .executeTakeFirst();
}

export async function insertAckTemplateIfAbsent(db: Db, row: RegistryAckTemplateTable) {
  await db.insertInto('registry_ack_template').values(row).onConflict((oc) => oc.columns(['entity_id', 'kind', 'channel']).doNothing()).execute();
}

export async function upsertAckTemplate(db: Db, row: RegistryAckTemplateTable) {
  await db
    .insertInto('registry_ack_template')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entity_id', 'kind', 'channel']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}
