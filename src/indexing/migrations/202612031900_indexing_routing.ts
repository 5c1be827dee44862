import type { Kysely } from 'kysely';

// Routing: the entity's rules, its classifier models (state as JSON, one row per target) and, per
// item, the features it was routed on, its confirmed labels and the decision taken.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indexing_routing_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('sender_domain', 'text')
    .addColumn('sender_address', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('form_type', 'text')
    .addColumn('mailbox', 'text')
    .addColumn('service_code', 'text')
    .addColumn('request_type_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indexing_routing_rule_entity').on('indexing_routing_rule').columns(['entity_id', 'priority']).execute();
  await db.schema
    .createTable('indexing_routing_model')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indexing_routing_model_pk', ['entity_id', 'target'])
    .execute();
  await db.schema
    .createTable('indexing_routing_item')
    .addColumn('mail_item_id', 'text', (c) => c.primaryKey().references('registry_mail_item.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('features', 'text', (c) => c.notNull())
    .addColumn('service_label', 'text')
    .addColumn('type_label', 'text')
    .addColumn('label_source', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indexing_routing_item_entity').on('indexing_routing_item').columns(['entity_id', 'label_source']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indexing_routing_item').execute();
  await db.schema.dropTable('indexing_routing_model').execute();
  await db.schema.dropTable('indexing_routing_rule').execute();
}
