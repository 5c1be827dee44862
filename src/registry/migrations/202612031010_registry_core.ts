import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_entity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_service')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('registry_service.id'))
    .addUniqueConstraint('registry_service_entity_code', ['entity_id', 'code'])
    .execute();
  await db.schema
    .createTable('registry_chrono_counter')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_chrono_counter_pk', ['entity_id', 'year', 'direction'])
    .execute();
  await db.schema
    .createTable('registry_mail_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('chrono', 'text', (c) => c.notNull().unique())
    .addColumn('chrono_year', 'integer', (c) => c.notNull())
    .addColumn('chrono_number', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('source_filename', 'text')
    .addColumn('source_sha256', 'text')
    .addColumn('sender_name', 'text')
    .addColumn('sender_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('letter_date', 'text')
    .addColumn('page_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('document_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('email_meta', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_mail_item_number', ['entity_id', 'chrono_year', 'direction', 'chrono_number'])
    .execute();
  await db.schema
    .createIndex('registry_mail_item_inbox')
    .on('registry_mail_item')
    .columns(['entity_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['registry_mail_item', 'registry_chrono_counter', 'registry_service', 'registry_entity']) {
    await db.schema.dropTable(table).execute();
  }
}
