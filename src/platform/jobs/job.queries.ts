import { sql } from 'kysely';
import type { Db } from '../database/db.ts';

export async function insertJob(db: Db, name: string, payload: string, maxAttempts: number, now: Date) {
  await db
    .insertInto('platform_job')
    .values({
      name,
      payload,
      status: 'queued',
      attempts: 0,
      max_attempts: maxAttempts,
      run_after: now.toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .execute();
}

/** Takes the oldest ready job, or one whose worker's lease ran out, in one atomic statement. */
export async function claimNextJob(db: Db, workerId: string, now: Date, leaseSeconds: number) {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const result = await sql<{
    id: number;
    name: string;
    payload: string;
    attempts: number;
    max_attempts: number;
  }>`UPDATE platform_job
       SET status = 'running', locked_by = ${workerId}, locked_until = ${until}, attempts = attempts + 1
     WHERE id = (SELECT id FROM platform_job
                  WHERE (status = 'queued' AND run_after <= ${nowIso})
                     OR (status = 'running' AND locked_until < ${nowIso})
                  ORDER BY id LIMIT 1)
     RETURNING id, name, payload, attempts, max_attempts`.execute(db);
  return result.rows[0];
}

export async function extendLeases(db: Db, workerId: string, now: Date, leaseSeconds: number) {
  await db
    .updateTable('platform_job')
    .set({ locked_until: new Date(now.getTime() + leaseSeconds * 1000).toISOString() })
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .execute();
}

export async function finishJob(db: Db, id: number, status: 'done' | 'failed', now: Date, error: string | null) {
  await db
    .updateTable('platform_job')
    .set({ status, finished_at: now.toISOString(), locked_by: null, locked_until: null, last_error: error })
    .where('id', '=', id)
    .execute();
}

export async function rescheduleJob(db: Db, id: number, runAfter: Date, error: string) {
  await db
    .updateTable('platform_job')
    .set({ status: 'queued', run_after: runAfter.toISOString(), locked_by: null, locked_until: null, last_error: error })
    .where('id', '=', id)
    .execute();
}

export async function countPendingJobs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('platform_job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
