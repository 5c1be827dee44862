import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  retry: { attempts: number; backoffSeconds: number };
  /** When given, the retry policy comes from the configuration (it overrides `retry`). */
  retryFromConfig?(config: Config): { attempts: number; backoffSeconds: number };
  /** Runs when the job fails; `final` says no retry is left, so the handler can leave a quarantine entry. */
  onFailure?(ctx: Ctx, payload: z.infer<P>, error: unknown, final: boolean): Promise<void>;
  handler(ctx: Ctx, payload: z.infer<P>): Promise<'done' | 'skipped'>;
}

/** The retry policy a queue applies to a job: from the configuration when the job says so. */
export function retryPolicy(definition: JobDefinition, config: Config): { attempts: number; backoffSeconds: number } {
  return definition.retryFromConfig?.(config) ?? definition.retry;
}

export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
