import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { SYSTEM_ACTOR, type Ctx } from '../context.ts';
import type { Db } from '../database/db.ts';
import type { Logger } from '../logger.ts';
import { retryPolicy, type JobDefinition } from './define-job.ts';
import type { JobQueue } from './queue.ts';

/**
 * pg-boss on PostgreSQL: any number of `octo worker` processes share the queues. A worker killed
 * mid-job leaves an active job that pg-boss expires after OCTO_JOB_TIMEOUT_SECONDS and retries.
 */
export async function createPgBossQueue(
  connectionString: string,
  definitions: JobDefinition[],
  getCtx: () => Ctx,
  logger: Logger,
): Promise<JobQueue> {
  const timeoutSeconds = getCtx().config.jobTimeoutSeconds;
  const boss = new PgBoss({
    connectionString,
    max: 4,
    schema: 'pgboss',
    // Expired jobs are found by maintenance: keep it frequent enough that a crash is noticed soon.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeoutSeconds / 4))),
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  await boss.start();
  for (const definition of definitions) {
    const retry = retryPolicy(definition, getCtx().config);
    const options = {
      name: definition.name,
      retryLimit: retry.attempts - 1,
      retryDelay: retry.backoffSeconds,
      retryBackoff: true,
      expireInSeconds: timeoutSeconds,
    };
    // Another process may create the queue at the same moment; an existing queue keeps its
    // old options, so update it for configuration changes to apply.
    if (!(await boss.getQueue(definition.name))) {
      await boss.createQueue(definition.name, options).catch(() => undefined);
    }
    await boss.updateQueue(definition.name, options);
  }

  return {
    kind: 'pg-boss',
    async enqueue(db: Db, job, payload) {
      const parsed = job.payload.parse(payload);
      // Send through the caller's transaction: the job commits or rolls back with the state change.
      const executor = {
        async executeSql(text: string, values: unknown[]) {
          const result = await db.executeQuery(CompiledQuery.raw(text, values));
          return { rows: result.rows as unknown[] };
        },
      };
      await boss.send(job.name, parsed as object, { db: executor });
    },
    async startWorkers(defs, concurrency) {
      for (const definition of defs) {
        for (let i = 0; i < concurrency; i++) {
          await boss.work(
            definition.name,
            { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
            async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
              const ctx = getCtx();
              const log = logger.child({ job: definition.name, jobId: job.id, attempt: job.retryCount + 1 });
              const payload = definition.payload.parse(job.data);
              try {
                await definition.handler({ ...ctx, actor: SYSTEM_ACTOR, logger: log }, payload);
              } catch (error) {
                const final = job.retryCount >= job.retryLimit;
                log.warn({ err: error, final }, 'job failed');
                try {
                  await definition.onFailure?.({ ...ctx, actor: SYSTEM_ACTOR, logger: log }, payload, error, final);
                } catch (hookError) {
                  log.error({ err: hookError }, 'job failure hook failed');
                }
                throw error;
              }
            },
          );
        }
      }
    },
    async stopWorkers() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
    async pendingCount() {
      const pending = await getCtx().db.executeQuery<{ n: number }>(
        CompiledQuery.raw(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`, []),
      );
      return pending.rows[0]?.n ?? 0;
    },
  };
}
