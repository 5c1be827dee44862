import type { Kysely } from 'kysely';

// What a depositing application declares: its own reference for the item, and the sender and
// subject it knows (kept apart so that indexing does not overwrite them with guesses).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registry_mail_item').addColumn('external_reference', 'text').execute();
  await db.schema.alterTable('registry_mail_item').addColumn('declared_meta', 'text').execute();
  await db.schema.createIndex('registry_mail_item_external_reference').on('registry_mail_item').columns(['entity_id', 'external_reference']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registry_mail_item_external_reference').execute();
  await db.schema.alterTable('registry_mail_item').dropColumn('declared_meta').execute();
  await db.schema.alterTable('registry_mail_item').dropColumn('external_reference').execute();
}
