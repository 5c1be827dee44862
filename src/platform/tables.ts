import type { Generated } from 'kysely';
import type { AuditTables } from './audit/tables.ts';
import type { AuthTables } from './auth/tables.ts';
import type { MailTables } from './mail/tables.ts';

export interface PlatformJobTable {
  id: Generated<number>;
  name: string;
  payload: string; // JSON
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_after: string; // ISO
  locked_by: string | null;
  locked_until: string | null; // ISO; a running job whose lease expired is taken again
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export type PlatformTables = AuditTables & AuthTables & MailTables & {
  platform_job: PlatformJobTable;
};
