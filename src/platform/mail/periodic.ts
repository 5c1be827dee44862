import type { Ctx } from '../context.ts';

export type PeriodicTask = { name: string; run(ctx: Ctx): Promise<unknown> };

/**
 * Runs the tasks one after the other every `seconds`, in a worker process. Each task is safe to
 * run in several processes at once (it claims rows with conditional updates), so no lock is needed.
 */
export function startPeriodicTasks(getCtx: () => Ctx, tasks: PeriodicTask[], seconds: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const task of tasks) {
        const ctx = getCtx();
        try {
          await task.run(ctx);
        } catch (error) {
          ctx.logger.error({ err: error, task: task.name }, 'periodic task failed');
        }
      }
    })().finally(() => (running = null));
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  setImmediate(tick);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
