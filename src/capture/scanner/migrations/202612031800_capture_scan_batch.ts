import type { Kysely } from 'kysely';

// A batch scan (or a hot-folder file) and the items cut from it: what makes a restart resume
// instead of registering a file twice, and which items get their chrono stamped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture_scan_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('split', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('capture_scan_batch_source').on('capture_scan_batch').columns(['entity_id', 'source_path', 'sha256']).execute();
  await db.schema
    .createTable('capture_scan_segment')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('capture_scan_batch.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('mail_item_id', 'text', (c) => c.references('registry_mail_item.id'))
    .addColumn('quarantine_id', 'text', (c) => c.references('capture_quarantine.id'))
    .addColumn('pages', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('stamp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stamped_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capture_scan_segment_pk', ['batch_id', 'position'])
    .execute();
  await db.schema.createIndex('capture_scan_segment_item').on('capture_scan_segment').column('mail_item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('capture_scan_segment').execute();
  await db.schema.dropTable('capture_scan_batch').execute();
}
