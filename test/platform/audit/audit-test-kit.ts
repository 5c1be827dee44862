import { sql } from 'kysely';
import pg from 'pg';
import * as auditMigration from '../../../src/platform/migrations/202612031100_platform_audit.ts';
import type { App } from '../../../src/app.ts';
import type { Db } from '../../../src/platform/database/db.ts';
import { createTestEnvironment, startTestApp, type TestApp } from '../../helpers/test-app.ts';

/**
 * A test app with the audit tables. Closing it waits until PostgreSQL has seen the app's
 * connections go before the database is dropped: pg's Pool.end() resolves before its sockets
 * close, and DROP DATABASE … WITH (FORCE) would otherwise kill them mid-goodbye (an uncaught
 * "terminating connection due to administrator command" after a test that used the whole pool).
 */
export async function startAuditTestApp(): Promise<TestApp> {
  const environment = await createTestEnvironment();
  const t = await startTestApp({ environment });
  await ensureAuditSchema(t.app);
  return {
    ...t,
    async close() {
      await t.close();
      if (environment.databaseUrl) await waitForNoConnections(environment.databaseUrl);
      await environment.dispose();
    },
  };
}

async function waitForNoConnections(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.OCTO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.end();
  }
}

/**
 * Creates the audit tables when the migration is not yet listed in
 * src/platform/migrations/index.ts (a no-op once it is: migrateToLatest ran it).
 */
export async function ensureAuditSchema(app: App): Promise<void> {
  try {
    await sql`SELECT 1 FROM platform_audit LIMIT 1`.execute(app.ctx.db);
  } catch {
    await auditMigration.up(app.ctx.db as never);
  }
}

/**
 * Runs `fn` the way an attacker with database access would: with the append-only triggers out
 * of the way (PostgreSQL: replica mode for this transaction only; SQLite: the triggers dropped
 * and recreated afterwards).
 */
export async function asAttacker(app: App, fn: (db: Db) => Promise<void>): Promise<void> {
  if (app.ctx.dialect === 'postgres') {
    await app.ctx.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await fn(trx);
    });
    return;
  }
  const triggers = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'platform_audit'`.execute(app.ctx.db);
  for (const t of triggers.rows) await sql.raw(`DROP TRIGGER ${t.name}`).execute(app.ctx.db);
  try {
    await fn(app.ctx.db);
  } finally {
    for (const t of triggers.rows) await sql.raw(t.sql).execute(app.ctx.db);
  }
}

/** A tampering statement, outside the audit functions (which have no update or delete). */
export async function tamper(db: Db, statement: ReturnType<typeof sql>): Promise<number> {
  const result = await statement.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
