export interface RegistryWebhookSubscriptionTable {
  id: string;
  entity_id: string;
  url: string;
  events: string; // JSON array of WebhookEventType
  /** The HMAC key: kept in clear since every delivery is signed with it; shown once at creation. */
  secret: string;
  description: string | null;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

/** One event for one subscriber: the body is fixed at the event, the signature made at each attempt. */
export interface RegistryWebhookDeliveryTable {
  id: string;
  entity_id: string;
  subscription_id: string;
  event_type: string;
  body: string; // the exact JSON sent
  status: WebhookDeliveryStatus;
  attempts: number;
  created_at: string;
  last_attempt_at: string | null;
  last_status_code: number | null;
  /** The subscriber's answer (first 500 characters) or the network error, in French. */
  last_response: string | null;
  delivered_at: string | null;
}

export interface WebhookTables {
  registry_webhook_subscription: RegistryWebhookSubscriptionTable;
  registry_webhook_delivery: RegistryWebhookDeliveryTable;
}
