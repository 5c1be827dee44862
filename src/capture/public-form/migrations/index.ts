import type { Migration } from 'kysely';
import * as submission from './202612031610_capture_form_submission.ts';

export const publicFormMigrations: Record<string, Migration> = {
  '202612031610_capture_form_submission': submission,
};
