import type { Ctx } from '../platform/context.ts';

/** A person set an item's service or request type (a correction the router can learn from). */
export interface HandlingCorrection {
  entityId: string;
  mailItemId: string;
  serviceCode?: string | null;
  requestTypeCode?: string | null;
}

type CorrectionListener = (ctx: Ctx, correction: HandlingCorrection) => Promise<void>;

// Registered once by the composition root (src/app.ts): the registry does not know who listens.
const listeners = new Set<CorrectionListener>();

export function onHandlingCorrected(listener: CorrectionListener): void {
  listeners.add(listener);
}

/**
 * Tells the listeners, after the change is committed. Octo's own automatic decisions are not
 * corrections. A listener that fails does not undo the agent's change: it is logged to be fixed.
 */
export async function notifyHandlingCorrected(ctx: Ctx, correction: HandlingCorrection): Promise<void> {
  if (ctx.actor.type === 'system') return;
  for (const listener of listeners) {
    try {
      await listener(ctx, correction);
    } catch (error) {
      ctx.logger.error({ err: error, mailItemId: correction.mailItemId }, 'handling correction listener failed');
    }
  }
}
