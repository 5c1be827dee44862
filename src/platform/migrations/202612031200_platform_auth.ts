import type { Kysely } from 'kysely';

// Users, memberships (roles per entity/service), dated absences with a substitute, sessions
// (the database keeps only the sha256 of each session token) and OIDC flows in progress.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addUniqueConstraint('platform_user_oidc_identity', ['oidc_issuer', 'oidc_subject'])
    .execute();
  await db.schema
    .createTable('platform_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('platform_user.id'))
    .addColumn('entity_id', 'text', (c) => c.references('registry_entity.id'))
    .addColumn('service_id', 'text', (c) => c.references('registry_service.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('platform_membership_user').on('platform_membership').column('user_id').execute();
  await db.schema.createIndex('platform_membership_entity').on('platform_membership').column('entity_id').execute();
  await db.schema
    .createTable('platform_absence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('platform_user.id'))
    .addColumn('substitute_user_id', 'text', (c) => c.notNull().references('platform_user.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('registry_entity.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('platform_absence_substitute').on('platform_absence').columns(['substitute_user_id', 'ends_on']).execute();
  await db.schema
    .createTable('platform_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('platform_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('auth_method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('platform_session_user').on('platform_session').column('user_id').execute();
  await db.schema
    .createTable('platform_oidc_flow')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['platform_oidc_flow', 'platform_session', 'platform_absence', 'platform_membership', 'platform_user']) {
    await db.schema.dropTable(table).execute();
  }
}
