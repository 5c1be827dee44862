import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { formatDateFr } from '../deadlines/calendar-date.ts';
import { findEntityByCode } from '../entity.queries.ts';
import type { ReminderNotice, ReminderNotifier } from './reminder.service.ts';

const KIND_FR = {
  implicit_decision: 'la date de décision implicite',
  missing_items: 'la fin du délai laissé au demandeur pour les pièces manquantes',
} as const;

/**
 * Who is reminded by e-mail: the active agents and heads of the item's service; for an item with
 * no service yet, the entity's mailroom. Substitutes see reminders in the web app through the
 * absent agent's roles; the e-mail goes to the role holders themselves.
 */
async function recipientsOf(ctx: Ctx, entityId: string, serviceId: string | null): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('platform_membership')
    .innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select('platform_user.email')
    .where('platform_membership.entity_id', '=', entityId)
    .where('platform_user.status', '=', 'active')
    .where((eb) =>
      serviceId
        ? eb.and([eb('platform_membership.service_id', '=', serviceId), eb('platform_membership.role', 'in', ['service_agent', 'head_of_service'])])
        : eb('platform_membership.role', '=', 'mailroom_agent'),
    )
    .orderBy(sql`platform_user.email`)
    .execute();
  return [...new Set(rows.map((r) => r.email))];
}

/** Reminders by e-mail through the outbox: one message per agent, sent by the mail job. */
export const outboxReminderNotifier: ReminderNotifier = {
  async sendReminderEmail(ctx: Ctx, reminder: ReminderNotice) {
    const entity = await findEntityByCode(ctx.db, reminder.entityCode);
    if (!entity) return 'no_recipient';
    const recipients = await recipientsOf(ctx, entity.id, reminder.serviceId);
    if (recipients.length === 0) return 'no_recipient';
    const days = reminder.workingDaysLeft === 0 ? 'aujourd’hui' : `dans ${reminder.workingDaysLeft} jour${reminder.workingDaysLeft > 1 ? 's' : ''} ouvré${reminder.workingDaysLeft > 1 ? 's' : ''}`;
    const subject = `Rappel : ${reminder.chrono} — échéance le ${formatDateFr(reminder.dueDate as Parameters<typeof formatDateFr>[0])}`;
    const text = [
      'Bonjour,',
      '',
      `Le courrier ${reminder.chrono}${reminder.subject ? ` (« ${reminder.subject} »)` : ''} atteint ${KIND_FR[reminder.kind]} ${days}, le ${formatDateFr(reminder.dueDate as Parameters<typeof formatDateFr>[0])}.`,
      reminder.assigneeLabel ? `Il est attribué à : ${reminder.assigneeLabel}.` : '',
      '',
      `Retrouvez-le dans Octo, bannette « Échéances » de l’entité ${reminder.entityCode}.`,
      '',
      'Ce message est envoyé automatiquement par Octo.',
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n');
    for (const to of recipients) {
      await queueMail(ctx, { entityId: entity.id, mailItemId: null, reference: reminder.chrono, kind: 'reminder', to, subject, text });
    }
    return 'sent';
  },
};
