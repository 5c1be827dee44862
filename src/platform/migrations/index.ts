import type { Migration } from 'kysely';
import * as job from './202612031000_platform_job.ts';
import * as audit from './202612031100_platform_audit.ts';

export const platformMigrations: Record<string, Migration> = {
  '202612031000_platform_job': job,
  '202612031100_platform_audit': audit,
};
