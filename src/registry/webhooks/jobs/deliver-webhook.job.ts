import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.ts';
import { OctoError } from '../../../platform/errors.ts';
import { findDelivery, findSubscription, updateDelivery } from '../webhook.queries.ts';
import { sendWebhook } from '../webhook-sender.ts';
import { signWebhookBody } from '../webhook-signature.ts';

/**
 * Sends one notification to its subscriber, signed afresh at each attempt. A failure is recorded
 * (status code or network error) and thrown, so the queue tries again after an exponential
 * back-off (OCTO_WEBHOOK_RETRY_SECONDS, doubled each time) until OCTO_WEBHOOK_MAX_ATTEMPTS; then
 * the delivery is marked failed in the log. A delivery already settled is skipped.
 */
export const deliverWebhookJob = defineJob({
  name: 'registry.deliver-webhook',
  payload: z.object({ entityId: z.string(), deliveryId: z.string() }),
  retry: { attempts: 8, backoffSeconds: 30 },
  retryFromConfig: (config) => ({ attempts: config.webhookMaxAttempts, backoffSeconds: config.webhookRetrySeconds }),
  async handler(ctx, { entityId, deliveryId }) {
    const delivery = await findDelivery(ctx.db, entityId, deliveryId);
    if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') return 'skipped';
    const subscription = await findSubscription(ctx.db, entityId, delivery.subscription_id);
    const attempt = delivery.attempts + 1;
    const now = ctx.clock.now();
    if (!subscription || subscription.disabled_at) {
      await updateDelivery(ctx.db, entityId, deliveryId, { status: 'failed', last_attempt_at: now.toISOString(), last_response: 'Abonnement supprimé : notification abandonnée.' });
      return 'skipped';
    }
    const outcome = await sendWebhook(
      subscription.url,
      delivery.body,
      {
        'octo-signature': signWebhookBody(subscription.secret, delivery.body, Math.floor(now.getTime() / 1000)),
        'octo-event': delivery.event_type,
        'octo-delivery': delivery.id,
      },
      { timeoutSeconds: ctx.config.webhookTimeoutSeconds, allowPrivate: ctx.config.webhookAllowPrivate },
    );
    const finishedAt = ctx.clock.now().toISOString();
    const final = attempt >= ctx.config.webhookMaxAttempts;
    await updateDelivery(ctx.db, entityId, deliveryId, {
      status: outcome.ok ? 'delivered' : final ? 'failed' : 'retrying',
      attempts: attempt,
      last_attempt_at: finishedAt,
      last_status_code: outcome.statusCode,
      last_response: outcome.response,
      delivered_at: outcome.ok ? finishedAt : null,
    });
    ctx.logger.info({ event: 'webhook.attempt', deliveryId, attempt, statusCode: outcome.statusCode, ok: outcome.ok }, 'webhook attempt');
    if (outcome.ok || final) return 'done';
    throw new OctoError('REGISTRY_WEBHOOK_DELIVERY_FAILED', `webhook ${deliveryId} attempt ${attempt} failed (${outcome.statusCode ?? 'network'})`);
  },
  async onFailure(ctx, { entityId, deliveryId }, _error, final) {
    // The queue gave up (a crash mid-attempt counts too): say so in the log.
    if (!final) return;
    const delivery = await findDelivery(ctx.db, entityId, deliveryId);
    if (delivery && delivery.status !== 'delivered') await updateDelivery(ctx.db, entityId, deliveryId, { status: 'failed' });
  },
});
