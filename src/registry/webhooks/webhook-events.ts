import { randomUUID } from 'node:crypto';
import type { AuditEventInput, RecordedAuditEvent } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { findEntityById } from '../entity.queries.ts';
import { findMailItemById } from '../mail-item.queries.ts';
import { deliverWebhookJob } from './jobs/deliver-webhook.job.ts';
import { insertDelivery, listSubscriptionRows } from './webhook.queries.ts';

export const WEBHOOK_EVENTS = ['item.registered', 'item.status_changed', 'item.assigned', 'item.qualified', 'item.transferred'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Which audited changes of a mail item become which notification. */
const EVENT_OF_ACTION: Record<string, WebhookEventType> = {
  'registry.mail_item.registered': 'item.registered',
  'registry.mail_item.indexed': 'item.status_changed',
  'registry.mail_item.status_changed': 'item.status_changed',
  'registry.mail_item.handling_status_changed': 'item.status_changed',
  'registry.mail_item.assigned': 'item.assigned',
  'registry.mail_item.reassigned': 'item.assigned',
  'registry.mail_item.qualified': 'item.qualified',
  'registry.mail_item.transferred': 'item.transferred',
};

/**
 * The audit observer behind webhooks: in the transaction of an audited change of a mail item, one
 * delivery row and one job per subscription that wants the event, so a notification exists exactly
 * when the change commits. Sending happens later, in the job: a slow or failing subscriber never
 * delays or fails the change itself.
 */
export async function emitWebhookEvents(ctx: Ctx, event: AuditEventInput, recorded: RecordedAuditEvent): Promise<void> {
  const type = EVENT_OF_ACTION[event.action];
  if (!type || !event.entityId || event.subjectType !== 'mail_item' || !event.subjectId) return;
  const subscriptions = (await listSubscriptionRows(ctx.db, event.entityId, { activeOnly: true })).filter((s) =>
    (JSON.parse(s.events) as string[]).includes(type),
  );
  if (subscriptions.length === 0) return;
  const [entity, item] = await Promise.all([findEntityById(ctx.db, event.entityId), findMailItemById(ctx.db, event.entityId, event.subjectId)]);
  if (!entity || !item) return;
  const now = ctx.clock.now().toISOString();
  const after = event.after ?? {};
  const body = {
    type,
    occurredAt: now,
    entityCode: entity.code,
    auditEventId: recorded.id,
    mailItem: {
      id: item.id,
      chrono: item.chrono,
      channel: item.channel,
      // Some changes are audited just before the row is updated: the audited values are the new ones.
      status: (after.status as string | undefined) ?? item.status,
      handlingStatus: (after.handling_status as string | undefined) ?? item.handling_status ?? null,
      receivedAt: item.received_at,
      externalReference: item.external_reference ?? null,
    },
    change: { action: event.action, before: event.before ?? null, after: event.after ?? null },
    actor: { type: event.actorType, label: event.actorLabel ?? null },
  };
  for (const subscription of subscriptions) {
    const id = randomUUID();
    await insertDelivery(ctx.db, {
      id,
      entity_id: event.entityId,
      subscription_id: subscription.id,
      event_type: type,
      body: JSON.stringify({ id, ...body }),
      status: 'pending',
      attempts: 0,
      created_at: now,
      last_attempt_at: null,
      last_status_code: null,
      last_response: null,
      delivered_at: null,
    });
    await ctx.jobs.enqueue(ctx.db, deliverWebhookJob, { entityId: event.entityId, deliveryId: id });
  }
}
