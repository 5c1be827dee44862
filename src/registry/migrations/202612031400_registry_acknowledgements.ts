import type { Kysely } from 'kysely';

// Acknowledgements of receipt (CRPA L112-3, R112-5): the contact data of each service, which every
// AR must give, and the editable text of the ARs, per entity, decision kind and channel.
const SERVICE_CONTACT_COLUMNS = ['address_lines', 'postcode', 'city', 'email', 'phone'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of SERVICE_CONTACT_COLUMNS) {
    await db.schema.alterTable('registry_service').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('registry_ack_template')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('registry_ack_template_pk', ['entity_id', 'kind', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_ack_template').execute();
  for (const column of SERVICE_CONTACT_COLUMNS) {
    await db.schema.alterTable('registry_service').dropColumn(column).execute();
  }
}
