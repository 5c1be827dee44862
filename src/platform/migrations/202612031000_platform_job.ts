import type { Kysely } from 'kysely';
import { dialectOf } from '../database/db.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_job')
    // The embedded queue's table; PostgreSQL deployments use pg-boss but keep the same schema.
    .addColumn('id', dialectOf(db) === 'postgres' ? 'serial' : 'integer', (c) =>
      dialectOf(db) === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('platform_job_ready').on('platform_job').columns(['status', 'run_after']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('platform_job').execute();
}
