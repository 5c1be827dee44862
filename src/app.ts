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
import { contactRoutes } from './registry/contacts/contact.routes.ts';
import { exportRoutes } from './registry/export/export.routes.ts';
import { reminderRoutes } from './registry/reminders/reminder.routes.ts';
import { sharedTemplateRoutes } from './registry/templates/shared-template.routes.ts';
import { reminderSweepJob, startReminderSchedule } from './registry/reminders/reminder-sweep.job.ts';
import { releaseDueMail, sendMailJob, startPeriodicTasks, type PeriodicTask } from './platform/mail/index.ts';
import { outboxRoutes } from './platform/mail/outbox.routes.ts';
import { publicFormRoutes } from './capture/public-form/public-form.routes.ts';
import { sendDueElectronicReceipts } from './capture/public-form/electronic-receipt.service.ts';
import { adminRoutes } from './platform/auth/admin.routes.ts';
import { antivirusRoutes } from './capture/antivirus/antivirus.routes.ts';
import { learnFromCorrection } from './indexing/index.ts';
import { onHandlingCorrected } from './registry/index.ts';
import { routingRoutes } from './indexing/routing/routing.routes.ts';
import { basketRoutes } from './registry/baskets.routes.ts';
import { apiTokenRoutes } from './platform/api-tokens/index.ts';
import { observeAudit } from './platform/audit/index.ts';
import { deliverWebhookJob, emitWebhookEvents, webhookRoutes } from './registry/webhooks/index.ts';
import { mailboxRoutes } from './capture/mailboxes/mailbox.routes.ts';
import { startMailboxPoller } from './capture/mailboxes/mailbox.service.ts';
import { seedPilotGatewayAddresses } from './capture/smtp-gateway/gateway-address.service.ts';

// The composition root: the one place that knows every capability.
const ALL_JOBS: JobDefinition[] = [...captureJobs, deliverWebhookJob, sendMailJob, reminderSweepJob];
const ALL_ROUTES = [
  registryRoutes,
  handlingRoutes,
  acknowledgementRoutes,
  statisticsRoutes,
  captureRoutes,
  adminRoutes,
  antivirusRoutes,
  routingRoutes,
  basketRoutes,
  mailboxRoutes,
  apiTokenRoutes,
  webhookRoutes,
  outboxRoutes,
  publicFormRoutes,
  contactRoutes,
  exportRoutes,
  reminderRoutes,
  sharedTemplateRoutes,
  scannerRoutes,
];
// Run every OCTO_MAIL_TICK_SECONDS by each worker process.
const PERIODIC_TASKS: PeriodicTask[] = [
  { name: 'public-form.electronic-receipts', run: sendDueElectronicReceipts },
  { name: 'mail.release-due', run: releaseDueMail },
];
// The router learns from agents' corrections of service and request type.
onHandlingCorrected(learnFromCorrection);
// Webhook notifications follow the audit log: every audited change of a mail item, in its transaction.
observeAudit(emitWebhookEvents);

export interface App {
  ctx: Ctx;
  database: Database;
  startWorkers(concurrency?: number): Promise<void>;
  /** The relève of the active IMAP mailboxes every OCTO_MAILBOX_POLL_SECONDS (serve and worker processes). */
  startMailboxPoller(): void;
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
  await seedPilotGatewayAddresses(ctx);

  let closed = false;
  let stopPeriodic: (() => Promise<void>) | null = null;
  return {
    ctx,
    database,
    async startWorkers(concurrency = config.jobConcurrency) {
      await ctx.jobs.startWorkers(ALL_JOBS, concurrency);
      stopPeriodic ??= startPeriodicTasks(() => ctx, PERIODIC_TASKS, config.mailTickSeconds);
      await startReminderSchedule(ctx);
    },
    startMailboxPoller: () => startMailboxPoller(ctx),
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
      await stopPeriodic?.();
      await ctx.jobs.stopWorkers();
      for (const release of closers.reverse()) await release();
      await database.close();
    },
  };
}
