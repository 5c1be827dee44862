import { z } from 'zod';
import { defineJob } from '../../jobs/define-job.ts';

// Retries here cover a crash or a database error; the relay's own failures are retried by the
// outbox (OCTO_SMTP_MAX_ATTEMPTS, OCTO_SMTP_RETRY_SECONDS), whose state is what people see.
export const sendMailJob = defineJob({
  name: 'platform.send-mail',
  payload: z.object({ outboxId: z.string().uuid() }),
  retry: { attempts: 3, backoffSeconds: 30 },
  // An unexpected error on every attempt (a missing attachment blob…) must not leave the row
  // « À envoyer » for ever: it becomes « Échec » with the reason, visible in the outbox.
  async onFailure(ctx, { outboxId }, error, final) {
    if (!final) return;
    const { markOutboxFailed } = await import('../outbox.service.ts');
    await markOutboxFailed(ctx, outboxId, `Erreur interne pendant l’envoi : ${error instanceof Error ? error.message : String(error)}`);
  },
  async handler(ctx, { outboxId }) {
    const { deliverOutboxMessage } = await import('../outbox.service.ts');
    return deliverOutboxMessage(ctx, outboxId);
  },
});
