import { deleteJson, getJson, postJson, seg } from '../../api/client.ts';

/** Contract of the « applications » tag of /api/docs: webhook subscriptions and their log. */
export interface WebhookSubscription {
  id: string;
  entityCode: string;
  url: string;
  events: string[];
  description: string | null;
  createdAt: string;
  createdBy: string;
  active: boolean;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  status: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
  deliveredAt: string | null;
}

export const WEBHOOK_EVENTS = ['item.registered', 'item.status_changed', 'item.assigned', 'item.qualified', 'item.transferred'];

const base = (code: string) => `/entities/${seg(code)}/webhooks`;

export function listWebhooks(code: string, signal?: AbortSignal) {
  return getJson<{ subscriptions: WebhookSubscription[] }>(base(code), {}, signal).then((r) => r.subscriptions);
}

export function createWebhook(code: string, body: { url: string; events: string[]; description: string | null }) {
  return postJson<WebhookSubscription & { secret: string }>(base(code), body);
}

export function removeWebhook(code: string, id: string) {
  return deleteJson<WebhookSubscription>(`${base(code)}/${seg(id)}`);
}

export function listDeliveries(code: string, id: string, signal?: AbortSignal) {
  return getJson<{ deliveries: WebhookDelivery[] }>(`${base(code)}/${seg(id)}/deliveries`, {}, signal).then((r) => r.deliveries);
}
