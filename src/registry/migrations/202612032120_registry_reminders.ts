import type { Kysely } from 'kysely';

// Reminders before legal deadlines: one row per item, deadline kind, due date and threshold
// (the unique key makes the periodic sweep idempotent), and each entity's thresholds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('mail_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('threshold_days', 'integer', (c) => c.notNull())
    .addColumn('working_days_left', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('assignee_label', 'text')
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text')
    .addColumn('dismissed_by', 'text')
    .addUniqueConstraint('registry_reminder_once', ['mail_item_id', 'kind', 'due_date', 'threshold_days'])
    .execute();
  await db.schema.createIndex('registry_reminder_entity').on('registry_reminder').columns(['entity_id', 'dismissed_at']).execute();
  await db.schema
    .createTable('registry_reminder_setting')
    .addColumn('entity_id', 'text', (c) => c.primaryKey().references('registry_entity.id'))
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_reminder_setting').execute();
  await db.schema.dropTable('registry_reminder').execute();
}
