import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture_mailbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('security', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password_encrypted', 'text', (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('move_to', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_sync_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('last_sync_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('capture_mailbox_entity').on('capture_mailbox').columns(['entity_id', 'name']).execute();

  await db.schema
    .createTable('capture_mailbox_message')
    .addColumn('mailbox_id', 'text', (c) => c.notNull().references('capture_mailbox.id').onDelete('cascade'))
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('mail_item_id', 'text', (c) => c.references('registry_mail_item.id'))
    .addColumn('quarantine_id', 'text', (c) => c.references('capture_quarantine.id'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    // The key that makes a concurrent second take of one message fail and roll back with its item.
    .addPrimaryKeyConstraint('capture_mailbox_message_pk', ['mailbox_id', 'uid_validity', 'uid'])
    .execute();
  await db.schema.createIndex('capture_mailbox_message_key').on('capture_mailbox_message').columns(['mailbox_id', 'message_key']).execute();

  await db.schema
    .createTable('capture_gateway_address')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('address', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['capture_gateway_address', 'capture_mailbox_message', 'capture_mailbox']) {
    await db.schema.dropTable(table).execute();
  }
}
