import type { Kysely } from 'kysely';

// API tokens of connected applications (only the sha256 of each token is kept) and the answers
// kept for Idempotency-Key replays.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('platform_api_token_entity').on('platform_api_token').column('entity_id').execute();
  await db.schema
    .createTable('platform_api_idempotency')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('idem_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('platform_api_idempotency_pk', ['owner_key', 'entity_id', 'idem_key'])
    .execute();
  await db.schema.createIndex('platform_api_idempotency_created').on('platform_api_idempotency').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('platform_api_idempotency').execute();
  await db.schema.dropTable('platform_api_token').execute();
}
