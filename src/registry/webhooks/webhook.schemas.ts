import { z } from 'zod';

export const WebhookEventSchema = z.enum(['item.registered', 'item.status_changed', 'item.assigned', 'item.qualified', 'item.transferred']);

export const WebhookSubscriptionSchema = z.object({
  id: z.string(),
  entityCode: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  active: z.boolean(),
});
export const WebhookSubscriptionListSchema = z.object({ subscriptions: z.array(WebhookSubscriptionSchema) });
export const CreatedWebhookSchema = WebhookSubscriptionSchema.extend({
  secret: z.string().describe('Clé de signature HMAC, affichée cette seule fois'),
});
export const CreateWebhookBody = z.object({
  url: z.string().trim().min(1, 'indiquez l’adresse de l’abonné').max(2000),
  events: z.array(z.string()).min(1, 'choisissez au moins un événement').describe('item.registered, item.status_changed, item.assigned, item.qualified, item.transferred'),
  description: z.string().max(300).nullable().optional(),
});

export const WebhookDeliverySchema = z.object({
  id: z.string().describe('Valeur de l’en-tête Octo-Delivery'),
  eventType: z.string(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: z.number(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastResponse: z.string().nullable().describe('Début de la réponse de l’abonné, ou l’erreur réseau'),
  deliveredAt: z.string().nullable(),
  body: z.string().describe('Le corps JSON envoyé, tel quel'),
});
export const WebhookDeliveryListSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });

export const WebhookParams = z.object({ code: z.string().min(1).max(40), id: z.string().min(1).max(64) });
