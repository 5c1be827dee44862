import type { Migration } from 'kysely';
import * as mailboxes from './202612031500_capture_mailboxes.ts';

export const mailboxMigrations: Record<string, Migration> = {
  '202612031500_capture_mailboxes': mailboxes,
};
