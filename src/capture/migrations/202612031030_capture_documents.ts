import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('mail_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('searchable_sha256', 'text')
    .addColumn('page_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text_source', 'text')
    .addColumn('ocr_confidence', 'real')
    .addColumn('quarantine_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema.createIndex('capture_document_item').on('capture_document').columns(['mail_item_id', 'position']).execute();
  await db.schema
    .createTable('capture_page')
    .addColumn('document_id', 'text', (c) => c.notNull().references('capture_document.id'))
    .addColumn('page_index', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real')
    .addColumn('rotation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skew_degrees', 'real', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('capture_page_pk', ['document_id', 'page_index'])
    .execute();
  await db.schema
    .createTable('capture_quarantine')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mail_item_id', 'text', (c) => c.references('registry_mail_item.id'))
    .addColumn('document_id', 'text', (c) => c.references('capture_document.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema
    .createIndex('capture_quarantine_entity')
    .on('capture_quarantine')
    .columns(['entity_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['capture_quarantine', 'capture_page', 'capture_document']) {
    await db.schema.dropTable(table).execute();
  }
}
