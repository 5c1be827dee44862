import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { processMailItem, recordProcessingFailure } from '../processing.service.ts';

/** OCR of every pending document of an item, then field extraction and search indexing. */
export const processMailItemJob = defineJob({
  name: 'capture.process-mail-item',
  payload: z.object({ entityId: z.string().min(1), mailItemId: z.string().min(1) }),
  retry: { attempts: 3, backoffSeconds: 5 },
  async handler(ctx, { entityId, mailItemId }) {
    return processMailItem(ctx, entityId, mailItemId);
  },
  async onFailure(ctx, { entityId, mailItemId }, error, final) {
    if (final) await recordProcessingFailure(ctx, entityId, mailItemId, error);
  },
});
