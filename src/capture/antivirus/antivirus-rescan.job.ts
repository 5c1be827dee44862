import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';

/**
 * Scans again a file held because clamd could not be reached; registers it once clean. Retries
 * with a doubling delay (30 s, 1 min, 2 min, … about 17 h in all); after that the file stays held
 * until `octo antivirus rescan`.
 */
export const antivirusRescanJob = defineJob({
  name: 'capture.antivirus-rescan',
  payload: z.object({ entityId: z.string().min(1), quarantineId: z.string().min(1) }),
  retry: { attempts: 12, backoffSeconds: 30 },
  async handler(ctx, { entityId, quarantineId }) {
    // Loaded here: the rescan goes back through intake, which enqueues this job (an import cycle otherwise).
    const { rescanHeldEntry } = await import('./antivirus-rescan.service.ts');
    const outcome = await rescanHeldEntry(ctx, entityId, quarantineId);
    if (outcome.outcome === 'still-held') throw new Error(`antivirus scan still impossible: ${outcome.message}`);
    return outcome.outcome === 'skipped' ? 'skipped' : 'done';
  },
  async onFailure(ctx, { quarantineId }, error, final) {
    if (final) ctx.logger.error({ quarantineId, err: error }, 'file still held: antivirus scan impossible after every retry; run `octo antivirus rescan`');
  },
});
