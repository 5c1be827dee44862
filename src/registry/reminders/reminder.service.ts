import { randomUUID } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { addDays, addDelay, parisDateOf, workingDaysBetween, type IsoDate } from '../deadlines/index.ts';
import { listEntities } from '../entity.queries.ts';
import { requireEntity } from '../entity.service.ts';
import type { RegistryMailItemTable } from '../tables.ts';
import {
  countOpenReminders,
  dismissReminder,
  findReminder,
  findReminderSetting,
  insertReminderOnce,
  listOpenItemsAwaitingMissingItems,
  listOpenItemsWithDecisionBetween,
  listReminders,
  tightestReminderThreshold,
  updateReminderEmailStatus,
  upsertReminderSetting,
} from './reminder.queries.ts';
import type { RegistryReminderTable, ReminderKind } from './reminder.tables.ts';

/**
 * Where a reminder goes besides the web app: the sweep job, route and command pass the outbox's
 * (reminder-mail.ts); without a notifier the reminder records `in_app` only and
 * `email_status: 'no_mailer'`, otherwise the status says whether the e-mails were queued.
 */
export interface ReminderNotifier {
  sendReminderEmail(ctx: Ctx, reminder: ReminderNotice): Promise<'sent' | 'failed' | 'no_recipient'>;
}

export interface ReminderNotice {
  entityCode: string;
  chrono: string;
  subject: string | null;
  kind: ReminderKind;
  dueDate: string;
  workingDaysLeft: number;
  serviceId: string | null;
  assigneeLabel: string | null;
}

/** « 10,3 » → [10, 3]: distinct, descending, each from 0 (the day itself) to 250 working days. */
export function parseThresholds(text: string): number[] {
  const values = text.split(',').map((v) => Number(v.trim()));
  return normalizeThresholds(values);
}

export function normalizeThresholds(values: number[]): number[] {
  if (values.length === 0 || values.length > 5 || values.some((v) => !Number.isInteger(v) || v < 0 || v > 250)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'invalid thresholds', {
      detailFr: 'Indiquez de 1 à 5 seuils de rappel, en jours ouvrés, entre 0 et 250 (par exemple 10 et 3).',
    });
  }
  return [...new Set(values)].sort((a, b) => b - a);
}

export async function reminderThresholdsOf(ctx: Ctx, entityId: string): Promise<{ thresholds: number[]; isDefault: boolean }> {
  const row = await findReminderSetting(ctx.db, entityId);
  return row ? { thresholds: JSON.parse(row.thresholds) as number[], isDefault: false } : { thresholds: parseThresholds(ctx.config.reminderThresholds), isDefault: true };
}

export async function setReminderThresholds(ctx: Ctx, entityCode: string, values: number[]) {
  const entity = await requireEntity(ctx, entityCode);
  const thresholds = normalizeThresholds(values);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findReminderSetting(trx, entity.id);
    await upsertReminderSetting(trx, { entity_id: entity.id, thresholds: JSON.stringify(thresholds), updated_at: ctx.clock.now().toISOString(), updated_by: ctx.actor.label });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.reminder_settings.updated', subjectType: 'entity', subjectId: entity.id,
      before: before ? { thresholds: JSON.parse(before.thresholds) } : null, after: { thresholds },
    });
  });
  return { thresholds, isDefault: false };
}

interface Deadline {
  item: RegistryMailItemTable;
  kind: ReminderKind;
  dueDate: IsoDate;
}

/**
 * Makes the reminders an entity owes today, once each: for every open item whose implicit
 * decision date (or the requester's time limit for missing items) is N working days away or
 * less, N being one of the entity's thresholds. When several thresholds are crossed at once (an
 * item qualified late), only the tightest is reminded; a threshold already reminded is never
 * reminded again for the same due date. Returns how many reminders were made.
 */
export async function sweepEntityReminders(ctx: Ctx, entityId: string, entityCode: string, notifier?: ReminderNotifier): Promise<number> {
  const today = parisDateOf(ctx.clock.now());
  const { thresholds } = await reminderThresholdsOf(ctx, entityId);
  const widest = Math.max(...thresholds);
  // N working days never span more than 2N + 10 calendar days (weekends and holidays included).
  const horizon = addDays(today, widest * 2 + 10);
  const deadlines: Deadline[] = (await listOpenItemsWithDecisionBetween(ctx.db, entityId, today, horizon)).map((item) => ({
    item, kind: 'implicit_decision' as const, dueDate: item.implicit_decision_date as IsoDate,
  }));
  for (const item of await listOpenItemsAwaitingMissingItems(ctx.db, entityId)) {
    const dueDate = addDelay(item.incomplete_requested_on as IsoDate, item.incomplete_time_limit!);
    if (dueDate >= today && dueDate <= horizon) deadlines.push({ item, kind: 'missing_items', dueDate });
  }
  let made = 0;
  for (const { item, kind, dueDate } of deadlines) {
    const left = workingDaysBetween(today, dueDate);
    const crossed = thresholds.filter((t) => left <= t);
    if (crossed.length === 0) continue;
    const tightest = Math.min(...crossed);
    const already = await tightestReminderThreshold(ctx.db, item.id, kind, dueDate);
    if (already !== null && already <= tightest) continue;
    const row: RegistryReminderTable = {
      id: randomUUID(), entity_id: entityId, mail_item_id: item.id, kind, due_date: dueDate, threshold_days: tightest, working_days_left: left,
      service_id: item.service_id ?? null, assignee_label: item.assignee_label ?? null,
      channels: JSON.stringify(['in_app']), email_status: 'no_mailer', created_at: ctx.clock.now().toISOString(), dismissed_at: null, dismissed_by: null,
    };
    const inserted = await ctx.db.transaction().execute(async (trx) => {
      if (!(await insertReminderOnce(trx, row))) return false;
      await auditAction(trx, { ...ctx, db: trx }, {
        entityId, action: 'registry.mail_item.reminder_created', subjectType: 'mail_item', subjectId: item.id,
        after: { kind, dueDate, thresholdDays: tightest, workingDaysLeft: left },
      });
      return true;
    });
    if (!inserted) continue;
    made += 1;
    if (notifier) {
      const status = await notifier
        .sendReminderEmail(ctx, { entityCode, chrono: item.chrono, subject: item.subject, kind, dueDate, workingDaysLeft: left, serviceId: row.service_id, assigneeLabel: row.assignee_label })
        .catch((error: unknown) => {
          ctx.logger.warn({ err: error, chrono: item.chrono }, 'reminder e-mail failed');
          return 'failed' as const;
        });
      await updateReminderEmailStatus(ctx.db, row.id, status, JSON.stringify(status === 'sent' ? ['in_app', 'email'] : ['in_app']));
    }
  }
  return made;
}

/** The periodic job's body: every entity of the platform. */
export async function sweepAllReminders(ctx: Ctx, notifier?: ReminderNotifier): Promise<number> {
  let made = 0;
  for (const entity of await listEntities(ctx.db)) made += await sweepEntityReminders(ctx, entity.id, entity.code, notifier);
  return made;
}

export async function sweepRemindersOf(ctx: Ctx, entityCode: string, notifier?: ReminderNotifier) {
  const entity = await requireEntity(ctx, entityCode);
  return { created: await sweepEntityReminders(ctx, entity.id, entity.code, notifier) };
}

export interface ReminderView {
  id: string;
  chrono: string;
  subject: string | null;
  senderName: string | null;
  kind: ReminderKind;
  dueDate: string;
  thresholdDays: number;
  workingDaysLeft: number;
  /** Working days left as of today (the reminder keeps the count of the day it was made). */
  workingDaysLeftToday: number;
  service: { code: string; name: string } | null;
  assigneeLabel: string | null;
  channels: string[];
  emailStatus: RegistryReminderTable['email_status'];
  createdAt: string;
  dismissedAt: string | null;
  dismissedBy: string | null;
}

/** `serviceIds` null: the whole entity's reminders; otherwise those of these services' items. */
export async function listReminderViews(ctx: Ctx, entityCode: string, scope: { serviceIds: string[] | null; includeDismissed?: boolean }) {
  const entity = await requireEntity(ctx, entityCode);
  const today = parisDateOf(ctx.clock.now());
  const rows = await listReminders(ctx.db, entity.id, { serviceIds: scope.serviceIds, includeDismissed: scope.includeDismissed ?? false, limit: 500 });
  const reminders: ReminderView[] = rows.map((r) => ({
    id: r.id,
    chrono: r.chrono,
    subject: r.subject,
    senderName: r.sender_name,
    kind: r.kind,
    dueDate: r.due_date,
    thresholdDays: Number(r.threshold_days),
    workingDaysLeft: Number(r.working_days_left),
    workingDaysLeftToday: r.due_date >= today ? workingDaysBetween(today, r.due_date as IsoDate) : -1,
    service: r.service_code ? { code: r.service_code, name: r.service_name! } : null,
    assigneeLabel: r.assignee_label,
    channels: JSON.parse(r.channels) as string[],
    emailStatus: r.email_status,
    createdAt: r.created_at,
    dismissedAt: r.dismissed_at,
    dismissedBy: r.dismissed_by,
  }));
  return { today, open: await countOpenReminders(ctx.db, entity.id, scope.serviceIds), reminders };
}

export async function countReminders(ctx: Ctx, entityCode: string, serviceIds: string[] | null) {
  const entity = await requireEntity(ctx, entityCode);
  return { open: await countOpenReminders(ctx.db, entity.id, serviceIds) };
}

/** Marks a reminder as seen and dealt with; it leaves the bell's count. */
export async function dismissReminderById(ctx: Ctx, entityCode: string, id: string, serviceIds: string[] | null) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findReminder(ctx.db, entity.id, id);
  if (!row || (serviceIds && (!row.service_id || !serviceIds.includes(row.service_id)))) {
    throw new OctoError('REGISTRY_REMINDER_NOT_FOUND', `reminder ${id} not found`, { id });
  }
  if (!row.dismissed_at) {
    await ctx.db.transaction().execute(async (trx) => {
      await dismissReminder(trx, row.id, ctx.clock.now().toISOString(), ctx.actor.label);
      await auditAction(trx, { ...ctx, db: trx }, {
        entityId: entity.id, action: 'registry.mail_item.reminder_dismissed', subjectType: 'mail_item', subjectId: row.mail_item_id, details: { reminderId: row.id },
      });
    });
  }
  return { id: row.id, dismissed: true };
}
