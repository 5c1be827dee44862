import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { outboxReminderNotifier } from './reminder-mail.ts';
import { sweepAllReminders } from './reminder.service.ts';

/** Computes the reminders every entity owes today; idempotent, so a repeated or concurrent run adds nothing. */
export const reminderSweepJob = defineJob({
  name: 'registry.reminders.sweep',
  payload: z.object({}),
  retry: { attempts: 3, backoffSeconds: 60 },
  async handler(ctx) {
    const made = await sweepAllReminders(ctx, outboxReminderNotifier);
    if (made > 0) ctx.logger.info({ made }, 'reminders created');
    return 'done';
  },
});

/**
 * Enqueues the sweep now and then every OCTO_REMINDER_INTERVAL_MINUTES, in each process that runs
 * workers; the timer stops when the application closes.
 */
export async function startReminderSchedule(ctx: Ctx): Promise<void> {
  const enqueue = () =>
    ctx.jobs.enqueue(ctx.db, reminderSweepJob, {}).catch((error: unknown) => ctx.logger.error({ err: error }, 'reminder sweep not enqueued'));
  await enqueue();
  const timer = setInterval(enqueue, ctx.config.reminderIntervalMinutes * 60_000);
  timer.unref();
  ctx.onClose(async () => clearInterval(timer));
}
