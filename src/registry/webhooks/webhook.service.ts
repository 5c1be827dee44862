import { randomUUID } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { requireEntity } from '../entity.service.ts';
import { WEBHOOK_EVENTS, type WebhookEventType } from './webhook-events.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { checkWebhookUrl } from './webhook-url.ts';
import { disableSubscription, findSubscription, insertSubscription, listDeliveryRows, listSubscriptionRows, type DeliveryRow, type SubscriptionRow } from './webhook.queries.ts';

export interface WebhookSubscriptionView {
  id: string;
  entityCode: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  createdAt: string;
  createdBy: string;
  active: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  status: DeliveryRow['status'];
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
  deliveredAt: string | null;
  body: string;
}

function toSubscriptionView(row: SubscriptionRow, entityCode: string): WebhookSubscriptionView {
  return {
    id: row.id,
    entityCode,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventType[],
    description: row.description,
    createdAt: row.created_at,
    createdBy: row.created_by,
    active: row.disabled_at === null,
  };
}

function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastResponse: row.last_response,
    deliveredAt: row.delivered_at,
    body: row.body,
  };
}

export interface CreateWebhookInput {
  url: string;
  events: string[];
  description?: string | null;
}

/** Subscribes a URL to events of the entity's mail; the returned `secret` is shown once. */
export async function createWebhookSubscription(ctx: Ctx, entityCode: string, input: CreateWebhookInput): Promise<WebhookSubscriptionView & { secret: string }> {
  const entity = await requireEntity(ctx, entityCode);
  const url = checkWebhookUrl(input.url, ctx.config.webhookAllowPrivate);
  const events = [...new Set(input.events)];
  const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (events.length === 0 || unknown.length > 0) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad events ${unknown.join(',')}`, {
      detailFr: `${unknown.length ? `Événement inconnu : ${unknown.join(', ')}. ` : 'Choisissez au moins un événement. '}Événements possibles : ${WEBHOOK_EVENTS.join(', ')}.`,
    });
  }
  const row: SubscriptionRow = {
    id: randomUUID(),
    entity_id: entity.id,
    url: url.toString(),
    events: JSON.stringify(events),
    secret: newWebhookSecret(),
    description: input.description?.trim() || null,
    created_at: ctx.clock.now().toISOString(),
    created_by: ctx.actor.label,
    disabled_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertSubscription(trx, row);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'registry.webhook.created',
      subjectType: 'webhook_subscription',
      subjectId: row.id,
      after: { url: row.url, events },
    });
  });
  return { ...toSubscriptionView(row, entity.code), secret: row.secret };
}

export async function listWebhookSubscriptions(ctx: Ctx, entityCode: string): Promise<WebhookSubscriptionView[]> {
  const entity = await requireEntity(ctx, entityCode);
  return (await listSubscriptionRows(ctx.db, entity.id)).map((row) => toSubscriptionView(row, entity.code));
}

async function requireSubscription(ctx: Ctx, entityCode: string, id: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findSubscription(ctx.db, entity.id, id);
  if (!row) throw new OctoError('REGISTRY_WEBHOOK_NOT_FOUND', `webhook ${id} not found`, { entityCode });
  return { entity, row };
}

/** Ends a subscription: no new delivery; pending ones are abandoned (the log keeps them all). */
export async function deleteWebhookSubscription(ctx: Ctx, entityCode: string, id: string): Promise<WebhookSubscriptionView> {
  const { entity, row } = await requireSubscription(ctx, entityCode, id);
  const now = ctx.clock.now().toISOString();
  if (row.disabled_at === null) {
    await ctx.db.transaction().execute(async (trx) => {
      await disableSubscription(trx, entity.id, id, now);
      await auditAction(trx, { ...ctx, db: trx }, {
        entityId: entity.id,
        action: 'registry.webhook.deleted',
        subjectType: 'webhook_subscription',
        subjectId: id,
        before: { active: true },
        after: { active: false },
      });
    });
  }
  return toSubscriptionView({ ...row, disabled_at: row.disabled_at ?? now }, entity.code);
}

/** The delivery log of a subscription, newest first. */
export async function listWebhookDeliveries(ctx: Ctx, entityCode: string, id: string, limit = 100): Promise<WebhookDeliveryView[]> {
  const { entity } = await requireSubscription(ctx, entityCode, id);
  return (await listDeliveryRows(ctx.db, entity.id, id, limit)).map(toDeliveryView);
}
