import type { Kysely } from 'kysely';

// Outgoing mail: every message is written here first (in the transaction of what caused it), then
// sent by a job; the row keeps its status and the relay's answer. Optional sender per entity.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text')
    .addColumn('mail_item_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('from_address', 'text')
    .addColumn('smtp_response', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('platform_outbox_entity_idx').on('platform_outbox').columns(['entity_id', 'created_at']).execute();
  await db.schema.createIndex('platform_outbox_status_idx').on('platform_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('platform_outbox_item_idx').on('platform_outbox').column('mail_item_id').execute();
  await db.schema
    .createTable('platform_mail_sender')
    .addColumn('entity_id', 'text', (c) => c.primaryKey())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('platform_mail_sender').execute();
  await db.schema.dropTable('platform_outbox').execute();
}
