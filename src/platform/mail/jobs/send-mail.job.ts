import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.ts';

// Retries here cover a crash or a database error; the relay's own failures are retried by the
// outbox (OCTO_SMTP_MAX_ATTEMPTS, OCTO_SMTP_RETRY_SECONDS), whose state is what people see.
export const sendMailJob = defineJob({
  name: 'platform.send-mail',
  payload: z.object({ outboxId: z.string().uuid() }),
  retry: { attempts: 3, backoffSeconds: 30 },
  async handler(ctx, { outboxId }) {
    const { deliverOutboxMessage } = await import('../outbox.service.ts');
    return deliverOutboxMessage(ctx, outboxId);
  },
});
