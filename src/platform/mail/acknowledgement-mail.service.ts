// Sending the registry's acknowledgement of receipt and transfer notice by e-mail: the texts are
// the registry's (every mandatory mention checked there); this writes them to the outbox.
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { generateAcknowledgement, generateTransferNotice, getMailItemDetail, getMailItemDetailByChrono, requireEntity, type AcknowledgementOptions } from '../../registry/index.ts';
import { queueMail, toOutboxView, type OutboxView } from './outbox.service.ts';

function noAddress(what: string): OctoError {
  return new OctoError('PLATFORM_MAIL_NO_RECIPIENT', `no recipient address for the ${what}`, {
    detailFr: 'L’adresse électronique de l’expéditeur est inconnue : corrigez-la sur le courrier, ou indiquez l’adresse à utiliser.',
  });
}

async function queueFor(ctx: Ctx, entityCode: string, chrono: string, kind: 'ar' | 'transfer-notice', email: { to: string | null; subject: string; text: string }, to?: string) {
  const recipient = to?.trim() || email.to;
  if (!recipient) throw noAddress(kind);
  const entity = await requireEntity(ctx, entityCode);
  const item = await getMailItemDetail(ctx, entityCode, chrono);
  return ctx.db.transaction().execute(async (trx) =>
    toOutboxView(await queueMail({ ...ctx, db: trx }, { entityId: entity.id, mailItemId: item.id, reference: chrono, kind, to: recipient, subject: email.subject, text: email.text })),
  );
}

/** The AR as an e-mail, to the requester's address (or `to`), through the outbox. */
export async function sendAcknowledgementEmail(ctx: Ctx, entityCode: string, chrono: string, options: { incomplete?: AcknowledgementOptions['incomplete']; to?: string } = {}): Promise<OutboxView> {
  const ack = await generateAcknowledgement(ctx, entityCode, chrono, { channel: 'email', incomplete: options.incomplete ?? null });
  return queueFor(ctx, entityCode, chrono, 'ar', ack.email!, options.to);
}

/** The L114-2 transfer notice as an e-mail, through the outbox. */
export async function sendTransferNoticeEmail(ctx: Ctx, entityCode: string, chrono: string, options: { to?: string } = {}): Promise<OutboxView> {
  const notice = await generateTransferNotice(ctx, entityCode, chrono, { channel: 'email' });
  return queueFor(ctx, entityCode, chrono, 'transfer-notice', notice.email!, options.to);
}

/** The operator's entry (CLI): the chrono carries its entity. */
export async function sendByChrono(ctx: Ctx, chrono: string, what: 'ar' | 'transfer-notice', options: { incomplete?: AcknowledgementOptions['incomplete']; to?: string } = {}) {
  const { entityCode } = await getMailItemDetailByChrono(ctx, chrono);
  return what === 'ar' ? sendAcknowledgementEmail(ctx, entityCode, chrono, options) : sendTransferNoticeEmail(ctx, entityCode, chrono, options);
}
