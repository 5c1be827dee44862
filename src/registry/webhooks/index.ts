// Webhooks: subscriptions of an entity to its mail's events, signed deliveries as durable jobs.
export { deliverWebhookJob } from './jobs/deliver-webhook.job.ts';
export { emitWebhookEvents, WEBHOOK_EVENTS, type WebhookEventType } from './webhook-events.ts';
export {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  type WebhookDeliveryView,
  type WebhookSubscriptionView,
} from './webhook.service.ts';
export { signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';
export { webhookRoutes } from './webhook.routes.ts';
