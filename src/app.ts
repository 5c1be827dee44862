import path from 'node:path';
import { captureJobs } from './capture/index.ts';
import { captureRoutes } from './capture/capture.routes.ts';
import { createLocalBlobStore } from './platform/blob-store.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { SYSTEM_ACTOR, type Ctx } from './platform/context.ts';
import { openDatabase, type Database } from './platform/database/db.ts';
import { migrateToLatest } from './platform/database/migrate.ts';
import { buildServer } from './platform/http/server.ts';
import type { JobDefinition } from './platform/jobs/define-job.ts';
import { createPgBossQueue } from './platform/jobs/pgboss-queue.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import { createSqliteQueue } from './platform/jobs/sqlite-queue.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { seedPilotEntities } from './registry/index.ts';
import { handlingRoutes } from './registry/handling.routes.ts';
import { acknowledgementRoutes } from './registry/acknowledgement.routes.ts';
import { registryRoutes } from './registry/mail-item.routes.ts';
import { statisticsRoutes } from './registry/statistics.routes.ts';
import { scannerRoutes } from './capture/scanner/scanner.routes.ts';
import { startConfiguredHotFolder } from './capture/scanner/hot-folder.ts';

// The composition root: the one place that knows every capability.
const ALL_JOBS: JobDefinition[] = [...captureJobs];
const ALL_ROUTES = [registryRoutes, handlingRoutes, acknowledgementRoutes, statisticsRoutes, captureRoutes];
ALL_ROUTES.push(scannerRoutes);

export interface App {
  ctx: Ctx;
  database: Database;
  startWorkers(concurrency?: number): Promise<void>;
  /** The scanners' watched folder (OCTO_HOT_FOLDER_ROOT), with the workers of `octo serve` and `octo worker`. */
  startHotFolder(): Promise<void>;
  buildHttpServer(): ReturnType<typeof buildServer>;
  /** Resolves once no job is pending (or the timeout passes: returns false). */
  waitForIdle(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  logger?: Logger;
  clock?: Clock;
}

export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const closers: Array<() => Promise<void>> = [];
  let jobs: JobQueue | null = null;
  const ctx: Ctx = {
    actor: SYSTEM_ACTOR,
    config,
    db: database.db,
    dialect: database.dialect,
    blobs: createLocalBlobStore(path.join(config.dataDir, 'blobs')),
    get jobs(): JobQueue {
      if (!jobs) throw new Error('job queue not ready');
      return jobs;
    },
    clock: options.clock ?? systemClock,
    logger,
    onClose: (release) => closers.push(release),
  };
  jobs = config.databaseUrl
    ? await createPgBossQueue(config.databaseUrl, ALL_JOBS, () => ctx, logger)
    : createSqliteQueue(() => ctx, logger);
  await seedPilotEntities(ctx);

  let closed = false;
  return {
    ctx,
    database,
    async startWorkers(concurrency = config.jobConcurrency) {
      await ctx.jobs.startWorkers(ALL_JOBS, concurrency);
    },
    async startHotFolder() {
      await startConfiguredHotFolder(ctx);
    },
    buildHttpServer: () => buildServer(ctx, ALL_ROUTES),
    async waitForIdle(timeoutMs = 30 * 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if ((await ctx.jobs.pendingCount()) === 0) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    },
    async close() {
      if (closed) return;
      closed = true;
      await ctx.jobs.stopWorkers();
      for (const release of closers.reverse()) await release();
      await database.close();
    },
  };
}
