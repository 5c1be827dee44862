import type { Migration } from 'kysely';
import * as job from './202612031000_platform_job.ts';
import * as audit from './202612031100_platform_audit.ts';
import * as auth from './202612031200_platform_auth.ts';

export const platformMigrations: Record<string, Migration> = {
  '202612031000_platform_job': job,
  '202612031100_platform_audit': audit,
  '202612031200_platform_auth': auth,
};
