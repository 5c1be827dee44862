import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type Ctx } from '../context.ts';
import type { Db } from '../database/db.ts';
import type { Logger } from '../logger.ts';
import { retryPolicy, type JobDefinition } from './define-job.ts';
import type { JobQueue } from './queue.ts';
import { claimNextJob, countPendingJobs, extendLeases, finishJob, insertJob, rescheduleJob } from './job.queries.ts';

const IDLE_POLL_MS = 250;

/**
 * A durable queue in the platform_job table, for the embedded mode. A claimed job holds a lease
 * that its worker renews; if the process dies (kill -9), the lease runs out and any worker takes
 * the job again, so nothing is lost. Handlers are idempotent, so running one twice is harmless.
 */
export function createSqliteQueue(getCtx: () => Ctx, logger: Logger): JobQueue {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = false;
  let loops: Promise<void>[] = [];
  let heartbeat: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function runOne(definitions: Map<string, JobDefinition>): Promise<boolean> {
    const ctx = getCtx();
    const leaseSeconds = ctx.config.jobLeaseSeconds;
    const job = await claimNextJob(ctx.db, workerId, ctx.clock.now(), leaseSeconds);
    if (!job) return false;
    const definition = definitions.get(job.name);
    const log = logger.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    if (!definition) {
      await finishJob(ctx.db, job.id, 'failed', ctx.clock.now(), `unknown job ${job.name}`);
      log.error('unknown job name');
      return true;
    }
    let payload: unknown;
    try {
      payload = definition.payload.parse(JSON.parse(job.payload));
    } catch (error) {
      await finishJob(ctx.db, job.id, 'failed', ctx.clock.now(), `invalid payload: ${String(error)}`);
      log.error({ err: error }, 'invalid job payload');
      return true;
    }
    try {
      const outcome = await definition.handler({ ...ctx, actor: SYSTEM_ACTOR, logger: log }, payload);
      await finishJob(ctx.db, job.id, 'done', ctx.clock.now(), null);
      log.debug({ outcome }, 'job finished');
    } catch (error) {
      const final = job.attempts >= job.max_attempts;
      log.warn({ err: error, final }, 'job failed');
      try {
        await definition.onFailure?.({ ...ctx, actor: SYSTEM_ACTOR, logger: log }, payload, error, final);
      } catch (hookError) {
        log.error({ err: hookError }, 'job failure hook failed');
      }
      const message = error instanceof Error ? error.message : String(error);
      if (final) {
        await finishJob(ctx.db, job.id, 'failed', ctx.clock.now(), message);
      } else {
        const delayMs = retryPolicy(definition, ctx.config).backoffSeconds * 1000 * 2 ** (job.attempts - 1);
        await rescheduleJob(ctx.db, job.id, new Date(ctx.clock.now().getTime() + delayMs), message);
      }
    }
    return true;
  }

  return {
    kind: 'sqlite',
    async enqueue(db: Db, job, payload) {
      const parsed = job.payload.parse(payload);
      await insertJob(db, job.name, JSON.stringify(parsed), retryPolicy(job, getCtx().config).attempts, getCtx().clock.now());
      wake?.();
    },
    async startWorkers(definitions, concurrency) {
      if (running) return;
      running = true;
      const byName = new Map(definitions.map((d) => [d.name, d]));
      const ctx = getCtx();
      heartbeat = setInterval(
        () => {
          extendLeases(getCtx().db, workerId, getCtx().clock.now(), ctx.config.jobLeaseSeconds).catch((error) =>
            logger.error({ err: error }, 'lease renewal failed'),
          );
        },
        Math.max(500, (ctx.config.jobLeaseSeconds * 1000) / 3),
      );
      heartbeat.unref();
      loops = Array.from({ length: concurrency }, async () => {
        while (running) {
          let worked = false;
          try {
            worked = await runOne(byName);
          } catch (error) {
            logger.error({ err: error }, 'job loop error');
          }
          if (!worked && running) await sleep(IDLE_POLL_MS);
        }
      });
    },
    async stopWorkers() {
      running = false;
      wake?.();
      if (heartbeat) clearInterval(heartbeat);
      await Promise.all(loops);
      loops = [];
    },
    async pendingCount() {
      return countPendingJobs(getCtx().db);
    },
  };
}
