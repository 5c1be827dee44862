import type { Kysely } from 'kysely';

// The contact directory shared by every entity of the platform (persons and organisations), and the
// link from a mail item to its sender's contact. A contact marked confidential belongs to one
// entity and is seen only by its agents; a merged contact points to the one it was merged into.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_contact')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text')
    .addColumn('first_name', 'text')
    .addColumn('organisation', 'text')
    .addColumn('siret', 'text')
    .addColumn('address_lines', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('phone', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('confidential_entity_id', 'text', (c) => c.references('registry_entity.id'))
    .addColumn('merged_into_id', 'text', (c) => c.references('registry_contact.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('registry_contact_email_key').on('registry_contact').column('email_key').execute();
  await db.schema.createIndex('registry_contact_siret').on('registry_contact').column('siret').execute();
  await db.schema.createIndex('registry_contact_postcode').on('registry_contact').column('postcode').execute();
  await db.schema.alterTable('registry_mail_item').addColumn('sender_contact_id', 'text').execute();
  await db.schema.createIndex('registry_mail_item_sender_contact').on('registry_mail_item').column('sender_contact_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registry_mail_item_sender_contact').execute();
  await db.schema.alterTable('registry_mail_item').dropColumn('sender_contact_id').execute();
  await db.schema.dropTable('registry_contact').execute();
}
