import type { Db } from '../../platform/database/db.ts';
import type { AckChannel, AckTemplateKind } from '../acknowledgements/ack.tables.ts';

export async function setTemplateShared(db: Db, entityId: string, kind: AckTemplateKind, channel: AckChannel, shared: boolean): Promise<number> {
  const result = await db
    .updateTable('registry_ack_template')
    .set({ shared: shared ? 1 : 0 })
    .where('entity_id', '=', entityId)
    .where('kind', '=', kind)
    .where('channel', '=', channel)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Templates other entities share (never the viewer's own). */
export function listSharedTemplates(db: Db, exceptEntityId: string) {
  return db
    .selectFrom('registry_ack_template')
    .innerJoin('registry_entity', 'registry_entity.id', 'registry_ack_template.entity_id')
    .selectAll('registry_ack_template')
    .select(['registry_entity.code as entity_code', 'registry_entity.name as entity_name'])
    .where('registry_ack_template.shared', '=', 1)
    .where('registry_ack_template.entity_id', '!=', exceptEntityId)
    .orderBy('registry_entity.code')
    .orderBy('registry_ack_template.kind')
    .orderBy('registry_ack_template.channel')
    .execute();
}

export function findSharedTemplate(db: Db, entityId: string, kind: AckTemplateKind, channel: AckChannel) {
  return db
    .selectFrom('registry_ack_template')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('kind', '=', kind)
    .where('channel', '=', channel)
    .where('shared', '=', 1)
    .executeTakeFirst();
}
