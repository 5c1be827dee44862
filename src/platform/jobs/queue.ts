import type { Db } from '../database/db.ts';
import type { JobDefinition } from './define-job.ts';

export interface JobQueue {
  readonly kind: 'sqlite' | 'pg-boss';
  /** Enqueues within the caller's transaction, so the job exists exactly when the state that needs it does. */
  enqueue<D extends JobDefinition>(db: Db, job: D, payload: unknown): Promise<void>;
  /** Starts consuming the given jobs in this process. */
  startWorkers(definitions: JobDefinition[], concurrency: number): Promise<void>;
  stopWorkers(): Promise<void>;
  /** Jobs not yet finished (queued, running or awaiting retry). */
  pendingCount(): Promise<number>;
}
