import type { Kysely } from 'kysely';

// Request types with their legal regime, and what handling adds to a mail item: its type, its
// service, its handling status and its CRPA deadlines; copies, comments and links between items.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_request_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('delay', 'text')
    .addColumn('ack', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_request_type_entity_code', ['entity_id', 'code'])
    .execute();
  const columns: Array<[string, 'text' | 'integer']> = [
    ['request_type_id', 'text'],
    ['service_id', 'text'],
    ['assignee_label', 'text'],
    ['handling_status', 'text'],
    ['handling_reason', 'text'],
    ['implicit_decision_kind', 'text'],
    ['implicit_decision_date', 'text'],
    ['ack_due_date', 'text'],
    ['answered_at', 'text'],
    ['closed_at', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('registry_mail_item').addColumn(name, type).execute();
  }
  await db.schema.createIndex('registry_mail_item_deadline').on('registry_mail_item').columns(['entity_id', 'implicit_decision_date']).execute();
  await db.schema
    .createTable('registry_mail_copy')
    .addColumn('mail_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('registry_service.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_mail_copy_pk', ['mail_item_id', 'service_id'])
    .execute();
  await db.schema
    .createTable('registry_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('mail_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_mail_link')
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('from_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('to_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_mail_link_pk', ['from_item_id', 'to_item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['registry_mail_link', 'registry_comment', 'registry_mail_copy', 'registry_request_type']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('registry_mail_item_deadline').execute();
}
