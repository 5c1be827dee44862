import type { Migration } from 'kysely';
import * as job from './202612031000_platform_job.ts';

export const platformMigrations: Record<string, Migration> = {
  '202612031000_platform_job': job,
};
