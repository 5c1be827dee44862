import type { z } from 'zod';
import type { Ctx } from '../context.ts';

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  retry: { attempts: number; backoffSeconds: number };
  /** Runs when the job fails; `final` says no retry is left, so the handler can leave a quarantine entry. */
  onFailure?(ctx: Ctx, payload: z.infer<P>, error: unknown, final: boolean): Promise<void>;
  handler(ctx: Ctx, payload: z.infer<P>): Promise<'done' | 'skipped'>;
}

export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
