import type { Migration } from 'kysely';
import * as outbox from './202612031600_platform_outbox.ts';

export const mailMigrations: Record<string, Migration> = {
  '202612031600_platform_outbox': outbox,
};
