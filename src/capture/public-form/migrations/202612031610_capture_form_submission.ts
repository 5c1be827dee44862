import type { Kysely } from 'kysely';

// The public form's submissions: the requester's identity as the law asks it (CRPA L112-9,
// R112-9-1), the link to the registered item, and the state of its AEE and ARE (R112-11-2).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture_form_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('entity_code', 'text', (c) => c.notNull())
    .addColumn('mail_item_id', 'text', (c) => c.notNull().references('registry_mail_item.id'))
    .addColumn('chrono', 'text', (c) => c.notNull())
    .addColumn('requester_kind', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text')
    .addColumn('siret', 'text')
    .addColumn('rna', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address_lines', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('request_type_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('client_ip', 'text')
    .addColumn('aee_outbox_id', 'text')
    .addColumn('are_due_date', 'text')
    .addColumn('are_outbox_id', 'text')
    .addColumn('are_status', 'text', (c) => c.notNull())
    .addColumn('are_reason', 'text')
    .execute();
  await db.schema.createIndex('capture_form_submission_item_idx').on('capture_form_submission').column('mail_item_id').unique().execute();
  await db.schema.createIndex('capture_form_submission_are_idx').on('capture_form_submission').columns(['are_status', 'are_due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('capture_form_submission').execute();
}
