import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { EntityCodeParams, ErrorView } from '../mail-item.schemas.ts';
import {
  CreatedWebhookSchema,
  CreateWebhookBody,
  WebhookDeliveryListSchema,
  WebhookParams,
  WebhookSubscriptionListSchema,
  WebhookSubscriptionSchema,
} from './webhook.schemas.ts';
import { createWebhookSubscription, deleteWebhookSubscription, listWebhookDeliveries, listWebhookSubscriptions } from './webhook.service.ts';

/** Webhook subscriptions of an entity: its admins manage them; its auditors may read the log. */
export async function webhookRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];

  app.get('/api/entities/:code/webhooks', {
    schema: { tags, summary: 'Les abonnements aux notifications (webhooks) de l’entité', params: EntityCodeParams, response: { 200: WebhookSubscriptionListSchema, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'audit');
    return { subscriptions: await listWebhookSubscriptions(req.ctx, req.params.code) };
  });

  app.post('/api/entities/:code/webhooks', {
    schema: {
      tags,
      summary: 'Abonne une adresse aux événements des courriers ; la clé de signature est affichée cette seule fois',
      description: 'Chaque notification est un POST JSON signé : en-têtes Octo-Signature (t=<unix>,v1=<HMAC-SHA256 hexadécimal de « t.corps »>), Octo-Event, Octo-Delivery. Voir docs/api-webhooks.md.',
      params: EntityCodeParams,
      body: CreateWebhookBody,
      response: { 201: CreatedWebhookSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return reply.status(201).send(await createWebhookSubscription(req.ctx, req.params.code, req.body));
  });

  app.delete('/api/entities/:code/webhooks/:id', {
    schema: { tags, summary: 'Met fin à un abonnement (son journal est conservé)', params: WebhookParams, response: { 200: WebhookSubscriptionSchema, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return deleteWebhookSubscription(req.ctx, req.params.code, req.params.id);
  });

  app.get('/api/entities/:code/webhooks/:id/deliveries', {
    schema: { tags, summary: 'Le journal des envois d’un abonnement : état, essais, dernière réponse', params: WebhookParams, response: { 200: WebhookDeliveryListSchema, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'audit');
    return { deliveries: await listWebhookDeliveries(req.ctx, req.params.code, req.params.id) };
  });
}
