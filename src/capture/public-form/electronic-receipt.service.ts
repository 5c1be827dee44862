// The accusé de réception électronique (CRPA L112-11, R112-11-1, R112-11-2) of each form
// submission. Rule: the ARE leaves as soon as the request is assigned to a service whose contact
// data is complete (the AR's text — the registry's, with every R112-5/R112-11-1 mention — names
// that service), at the next run of the periodic task (OCTO_MAIL_TICK_SECONDS). Its latest date is
// the item's ARE due date (10 working days after receipt, from the competent entity's receipt after
// a transfer), shown on the item, the confirmation page and the pending-receipts list; a request
// still unassigned on that day is flagged there (« ARE en retard ») rather than sent without the
// service's details, which the law requires. A request transferred away gets its ARE from the
// competent entity (R112-11-2), not from here.
import { SYSTEM_ACTOR, type Ctx } from '../../platform/context.ts';
import { isOctoError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { formatDateFr, parisDateOf } from '../../registry/deadlines/index.ts';
import { generateAcknowledgement, getHandlingView, requireEntity } from '../../registry/index.ts';
import { claimReceipt, listEntityPendingReceipts, listPendingReceipts, markReceiptNotOwed, setReceiptReason } from './public-form.queries.ts';
import type { CaptureFormSubmissionTable } from './tables.ts';

export type ReceiptOutcome = 'queued' | 'waiting' | 'not_owed';

async function processOne(ctx: Ctx, row: CaptureFormSubmissionTable): Promise<ReceiptOutcome> {
  const handling = await getHandlingView(ctx, row.entity_code, row.chrono);
  if (handling.transferredToChrono) {
    await markReceiptNotOwed(ctx.db, row.id, `Demande transmise à l’administration compétente (${handling.transferredToChrono}) : c’est elle qui adresse l’accusé de réception (article R112-11-2).`);
    return 'not_owed';
  }
  const due = handling.ackDueDate ?? row.are_due_date;
  const today = parisDateOf(ctx.clock.now());
  const late = due !== null && today > due;
  if (!handling.service) {
    const reason = late
      ? `ARE en retard : il était dû au plus tard le ${formatDateFr(due!)}. Attribuez la demande à un service pour qu’il parte.`
      : `En attente de l’attribution à un service ; à envoyer au plus tard le ${due ? formatDateFr(due) : '(date inconnue)'}${due === today ? ', c’est-à-dire aujourd’hui' : ''}.`;
    if (reason !== row.are_reason) await setReceiptReason(ctx.db, row.id, reason);
    if (late || due === today) ctx.logger.warn({ event: 'public_form.are_late', chrono: row.chrono }, 'electronic receipt overdue: item not assigned');
    return 'waiting';
  }
  let ack;
  try {
    ack = await generateAcknowledgement(ctx, row.entity_code, row.chrono, { channel: 'email' });
  } catch (error) {
    if (isOctoError(error) && error.code === 'REGISTRY_ACK_NOT_OWED') {
      await markReceiptNotOwed(ctx.db, row.id, error.frenchMessage);
      return 'not_owed';
    }
    if (isOctoError(error) && (error.code === 'REGISTRY_ACK_NOT_READY' || error.code === 'REGISTRY_ACK_MENTION_MISSING')) {
      const reason = `${late ? 'ARE en retard. ' : ''}${error.frenchMessage}`;
      if (reason !== row.are_reason) await setReceiptReason(ctx.db, row.id, reason);
      return 'waiting';
    }
    throw error;
  }
  const entity = await requireEntity(ctx, row.entity_code);
  let queued = false;
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    // R112-11-3: the ARE goes to the address the requester used for the send.
    const outbox = await queueMail(tctx, {
      entityId: entity.id, mailItemId: row.mail_item_id, reference: row.chrono, kind: 'are', to: row.email,
      subject: `Accusé de réception électronique de votre demande n° ${row.chrono}`, text: ack.email!.text,
    });
    queued = await claimReceipt(trx, row.id, outbox.id);
    // Another worker claimed it first: roll back this copy of the message.
    if (!queued) throw new ReceiptAlreadyClaimed();
  }).catch((error) => {
    if (!(error instanceof ReceiptAlreadyClaimed)) throw error;
  });
  return queued ? 'queued' : 'waiting';
}

class ReceiptAlreadyClaimed extends Error {}

/** Periodic: sends every ARE that can now be produced; leaves the others with their reason. */
export async function sendDueElectronicReceipts(ctx: Ctx): Promise<Record<ReceiptOutcome, number>> {
  const counts: Record<ReceiptOutcome, number> = { queued: 0, waiting: 0, not_owed: 0 };
  const sctx = { ...ctx, actor: SYSTEM_ACTOR };
  for (const row of await listPendingReceipts(ctx.db)) {
    try {
      counts[await processOne(sctx, row)] += 1;
    } catch (error) {
      ctx.logger.error({ err: error, chrono: row.chrono }, 'electronic receipt failed');
      counts.waiting += 1;
    }
  }
  return counts;
}

/** The entity's submissions whose ARE has not left, with its latest date and why it waits. */
export async function listPendingElectronicReceipts(ctx: Ctx, entityCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  const today = parisDateOf(ctx.clock.now());
  return (await listEntityPendingReceipts(ctx.db, entity.id)).map((r) => ({
    chrono: r.chrono,
    submittedAt: r.submitted_at,
    dueDate: r.are_due_date,
    late: r.are_due_date !== null && today > r.are_due_date,
    reason: r.are_reason,
  }));
}
