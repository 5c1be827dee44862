import type { Migration } from 'kysely';
import * as webhooks from './202612031710_registry_webhooks.ts';

export const webhookMigrations: Record<string, Migration> = {
  '202612031710_registry_webhooks': webhooks,
};
