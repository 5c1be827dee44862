import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database/db.ts';

// The append-only, hash-chained audit log (see src/platform/audit/audit.hash.ts for the format).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chain_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    // JSON kept as text on both dialects: the hash covers the stored text byte for byte.
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('platform_audit_chain_seq', ['chain_key', 'seq'])
    .execute();
  await db.schema
    .createIndex('platform_audit_subject')
    .on('platform_audit')
    .columns(['chain_key', 'subject_type', 'subject_id', 'seq'])
    .execute();
  await db.schema
    .createTable('platform_audit_head')
    .addColumn('chain_key', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`CREATE FUNCTION platform_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'platform_audit is append-only: % refused', TG_OP;
      END $$`.execute(db);
    await sql`CREATE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON platform_audit
      FOR EACH ROW EXECUTE FUNCTION platform_audit_append_only()`.execute(db);
    await sql`CREATE TRIGGER platform_audit_no_truncate BEFORE TRUNCATE ON platform_audit
      FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER platform_audit_no_update BEFORE UPDATE ON platform_audit
      BEGIN SELECT RAISE(ABORT, 'platform_audit is append-only: UPDATE refused'); END`.execute(db);
    await sql`CREATE TRIGGER platform_audit_no_delete BEFORE DELETE ON platform_audit
      BEGIN SELECT RAISE(ABORT, 'platform_audit is append-only: DELETE refused'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('platform_audit_head').execute();
  // Dropping the table drops its triggers on both dialects.
  await db.schema.dropTable('platform_audit').execute();
  if (dialectOf(db) === 'postgres') await sql`DROP FUNCTION platform_audit_append_only()`.execute(db);
}
