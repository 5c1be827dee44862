import type { BlobStore } from './blob-store.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, DialectName } from './database/db.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Logger } from './logger.ts';

/** Who acts, as the audit log records it. */
export interface Actor {
  type: 'user' | 'system' | 'public' | 'api';
  id: string | null;
  label: string;
  /** The client IP, 'cli' or 'worker'. */
  source: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'Octo (traitement automatique)', source: 'worker' };

/** What every service function receives first: no capability reads globals. */
export interface Ctx {
  actor: Actor;
  config: Config;
  db: Db;
  dialect: DialectName;
  blobs: BlobStore;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Registers a resource to release when the application closes (OCR workers, pools). */
  onClose(release: () => Promise<void>): void;
}

export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db };
}
