import type { Kysely } from 'kysely';

// Webhook subscriptions of an entity and the log of their deliveries.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_webhook_subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema.createIndex('registry_webhook_subscription_entity').on('registry_webhook_subscription').column('entity_id').execute();
  await db.schema
    .createTable('registry_webhook_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('registry_webhook_subscription.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_response', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('registry_webhook_delivery_subscription')
    .on('registry_webhook_delivery')
    .columns(['subscription_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_webhook_delivery').execute();
  await db.schema.dropTable('registry_webhook_subscription').execute();
}
