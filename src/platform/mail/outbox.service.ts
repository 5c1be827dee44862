// The outbox: every outgoing e-mail is first a row, written in the transaction of what caused it
// (a form submission, an agent's « send »), then delivered by a job. Nothing is dropped: without a
// relay or a sender the row waits, with its French reason; a relay that is down is retried with
// doubling delays, then the row is « failed » with the relay's answer. Each step shows in the
// item's history (audit).
import { randomUUID } from 'node:crypto';
import { auditAction } from '../audit/index.ts';
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { sendMailJob } from './jobs/send-mail.job.ts';
import { claimOutboxRow, findEntitySender, findOutboxRow, insertOutboxRow, listOutboxRows, listReleasableRows, updateOutboxRow, upsertEntitySender } from './outbox.queries.ts';
import { sendThroughRelay } from './smtp-transport.ts';
import type { OutboxAttachment, OutboxKind, OutboxStatus, PlatformOutboxTable } from './tables.ts';

export interface QueueMailInput {
  entityId: string | null;
  mailItemId: string | null;
  /** The item's chrono, shown in the outbox list. */
  reference: string | null;
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: Array<{ filename: string; contentType: string; bytes: Buffer }>;
}

export const OUTBOX_STATUS_FR: Record<OutboxStatus, string> = {
  queued: 'À envoyer',
  waiting: 'En attente',
  retrying: 'Nouvel essai prévu',
  sent: 'Envoyé',
  failed: 'Échec',
};

export const OUTBOX_KIND_FR: Record<OutboxKind, string> = {
  aee: 'Accusé d’enregistrement électronique',
  are: 'Accusé de réception électronique',
  ar: 'Accusé de réception',
  'transfer-notice': 'Avis de transmission',
  reminder: 'Rappel d’échéance',
};

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Why a message cannot leave now, in French, or null when it can. */
async function blockedReason(ctx: Ctx, entityId: string | null): Promise<{ reason: string | null; from: string | null }> {
  const from = (entityId ? await findEntitySender(ctx.db, entityId) : null) ?? ctx.config.mailFrom ?? null;
  if (!ctx.config.smtpRelayHost) {
    return { from, reason: 'Aucun relais SMTP n’est configuré (OCTO_SMTP_RELAY_HOST) : le courriel partira dès qu’un relais le sera.' };
  }
  if (!from) {
    return { from, reason: 'Aucune adresse d’expéditeur : définissez OCTO_MAIL_FROM, ou celle de l’entité (octo outbox sender).' };
  }
  return { from, reason: null };
}

/**
 * Writes a message to the outbox with ctx.db — pass the caller's transaction, so the message
 * exists exactly when what caused it does — and queues its delivery when it can leave.
 */
export async function queueMail(ctx: Ctx, input: QueueMailInput): Promise<PlatformOutboxTable> {
  const to = input.to.trim();
  if (!EMAIL.test(to)) {
    throw new OctoError('PLATFORM_MAIL_NO_RECIPIENT', `invalid recipient ${to}`, { detailFr: `Adresse du destinataire invalide : « ${to || '(vide)'} ».` });
  }
  const attachments: OutboxAttachment[] = [];
  for (const file of input.attachments ?? []) {
    attachments.push({ filename: file.filename, contentType: file.contentType, sha256: await ctx.blobs.put(file.bytes) });
  }
  const now = ctx.clock.now().toISOString();
  const { reason } = await blockedReason(ctx, input.entityId);
  const row: PlatformOutboxTable = {
    id: randomUUID(),
    entity_id: input.entityId,
    mail_item_id: input.mailItemId,
    reference: input.reference,
    kind: input.kind,
    to_address: to,
    subject: input.subject,
    text_body: input.text,
    html_body: input.html ?? null,
    attachments: JSON.stringify(attachments),
    status: reason ? 'waiting' : 'queued',
    status_reason: reason,
    attempts: 0,
    next_attempt_at: null,
    from_address: null,
    smtp_response: null,
    message_id: null,
    created_at: now,
    updated_at: now,
    sent_at: null,
  };
  await insertOutboxRow(ctx.db, row);
  await auditOutbox(ctx, row, 'platform.mail.queued', { status: row.status, reason });
  if (!reason) await ctx.jobs.enqueue(ctx.db, sendMailJob, { outboxId: row.id });
  return row;
}

async function auditOutbox(ctx: Ctx, row: PlatformOutboxTable, action: string, after: Record<string, unknown>) {
  if (!row.entity_id) return;
  await auditAction(ctx.db, ctx, {
    entityId: row.entity_id,
    action,
    subjectType: row.mail_item_id ? 'mail_item' : 'outbox',
    subjectId: row.mail_item_id ?? row.id,
    after: { outboxId: row.id, kind: row.kind, to: row.to_address, ...after },
  });
}

function describeError(error: unknown): { text: string; permanent: boolean } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (typeof e.responseCode === 'number') {
    return { text: `${e.response ?? e.message ?? ''}`.trim() || String(e.responseCode), permanent: e.responseCode >= 500 && e.responseCode < 600 };
  }
  return { text: `relais SMTP injoignable : ${e.message ?? String(error)}`, permanent: false };
}

/**
 * The job's body: sends one queued message. A relay's definitive refusal (5xx) fails it at once;
 * an unreachable relay or a temporary refusal schedules another attempt, until OCTO_SMTP_MAX_ATTEMPTS.
 */
export async function deliverOutboxMessage(ctx: Ctx, outboxId: string): Promise<'done' | 'skipped'> {
  const row = await findOutboxRow(ctx.db, outboxId);
  if (!row || row.status !== 'queued') return 'skipped';
  const { reason, from } = await blockedReason(ctx, row.entity_id);
  if (reason) {
    await updateOutboxRow(ctx.db, row.id, { status: 'waiting', status_reason: reason, updated_at: ctx.clock.now().toISOString() });
    return 'skipped';
  }
  const attachments = await Promise.all(
    (JSON.parse(row.attachments) as OutboxAttachment[]).map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: await ctx.blobs.get(a.sha256) })),
  );
  const attempts = Number(row.attempts) + 1;
  try {
    const answer = await sendThroughRelay(ctx.config, { from: from!, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, attachments });
    const now = ctx.clock.now().toISOString();
    const changes = { status: 'sent' as const, status_reason: null, attempts, next_attempt_at: null, from_address: from, smtp_response: answer.response, message_id: answer.messageId, sent_at: now, updated_at: now };
    await ctx.db.transaction().execute(async (trx) => {
      await updateOutboxRow(trx, row.id, changes);
      await auditOutbox({ ...ctx, db: trx }, { ...row, ...changes }, 'platform.mail.sent', { smtpResponse: answer.response, messageId: answer.messageId });
    });
    ctx.logger.info({ event: 'mail.sent', outboxId: row.id, kind: row.kind }, 'mail sent');
    return 'done';
  } catch (error) {
    const { text, permanent } = describeError(error);
    const now = ctx.clock.now();
    if (permanent || attempts >= ctx.config.smtpMaxAttempts) {
      const why = permanent ? `Le relais SMTP a refusé définitivement le courriel : ${text}` : `Échec après ${attempts} tentatives ; dernière réponse : ${text}`;
      const changes = { status: 'failed' as const, status_reason: why, attempts, next_attempt_at: null, from_address: from, smtp_response: text, updated_at: now.toISOString() };
      await ctx.db.transaction().execute(async (trx) => {
        await updateOutboxRow(trx, row.id, changes);
        await auditOutbox({ ...ctx, db: trx }, { ...row, ...changes }, 'platform.mail.failed', { reason: why, attempts });
      });
      ctx.logger.warn({ event: 'mail.failed', outboxId: row.id, attempts }, 'mail failed');
    } else {
      const next = new Date(now.getTime() + ctx.config.smtpRetrySeconds * 1000 * 2 ** (attempts - 1));
      await updateOutboxRow(ctx.db, row.id, {
        status: 'retrying',
        status_reason: `Tentative ${attempts} sur ${ctx.config.smtpMaxAttempts} échouée (${text}) : nouvel essai à ${next.toISOString()}.`,
        attempts,
        next_attempt_at: next.toISOString(),
        smtp_response: text,
        updated_at: now.toISOString(),
      });
      ctx.logger.warn({ event: 'mail.retry', outboxId: row.id, attempts }, 'mail relay unavailable, retry scheduled');
    }
    return 'done';
  }
}

/** Leaves a message « failed » with its reason (the send job gave up on an unexpected error). */
export async function markOutboxFailed(ctx: Ctx, outboxId: string, reason: string) {
  const row = await findOutboxRow(ctx.db, outboxId);
  if (!row || row.status === 'sent' || row.status === 'failed') return;
  const changes = { status: 'failed' as const, status_reason: reason, updated_at: ctx.clock.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await updateOutboxRow(trx, row.id, changes);
    await auditOutbox({ ...ctx, db: trx }, { ...row, ...changes }, 'platform.mail.failed', { reason });
  });
}

/** Periodic: queues the retries whose time has come and, once a relay exists, the waiting messages. */
export async function releaseDueMail(ctx: Ctx): Promise<number> {
  const rows = await listReleasableRows(ctx.db, ctx.clock.now().toISOString(), Boolean(ctx.config.smtpRelayHost));
  let released = 0;
  for (const row of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      const won = await claimOutboxRow(trx, row.id, row.status, { status: 'queued', next_attempt_at: null, updated_at: ctx.clock.now().toISOString() });
      if (won) {
        await ctx.jobs.enqueue(trx, sendMailJob, { outboxId: row.id });
        released += 1;
      }
    });
  }
  return released;
}

/** An agent asks for a failed or waiting message to be tried again now. */
export async function retryOutboxMessage(ctx: Ctx, entityId: string, outboxId: string): Promise<PlatformOutboxTable> {
  const row = await findOutboxRow(ctx.db, outboxId);
  if (!row || row.entity_id !== entityId) throw new OctoError('PLATFORM_OUTBOX_NOT_FOUND', `outbox ${outboxId} not found`);
  if (row.status === 'sent') {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'already sent', { detailFr: 'Ce courriel est déjà parti.' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const won = await claimOutboxRow(trx, row.id, row.status, { status: 'queued', attempts: 0, next_attempt_at: null, status_reason: null, updated_at: ctx.clock.now().toISOString() });
    if (won) {
      await auditOutbox({ ...ctx, db: trx }, row, 'platform.mail.retried', {});
      await ctx.jobs.enqueue(trx, sendMailJob, { outboxId: row.id });
    }
  });
  return (await findOutboxRow(ctx.db, outboxId))!;
}

export function toOutboxView(row: PlatformOutboxTable) {
  return {
    id: row.id,
    kind: row.kind,
    kindFr: OUTBOX_KIND_FR[row.kind],
    reference: row.reference,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    statusFr: OUTBOX_STATUS_FR[row.status],
    reason: row.status_reason,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    smtpResponse: row.smtp_response,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
export type OutboxView = ReturnType<typeof toOutboxView>;

export async function listOutbox(ctx: Ctx, entityId: string, options: { status?: OutboxStatus; mailItemId?: string; limit?: number } = {}) {
  return (await listOutboxRows(ctx.db, entityId, { ...options, limit: options.limit ?? 200 })).map(toOutboxView);
}

/** The entity's own sender address (otherwise OCTO_MAIL_FROM). */
export async function setEntitySender(ctx: Ctx, entityId: string, fromAddress: string) {
  const address = fromAddress.trim();
  const bare = /<([^<>]+)>\s*$/.exec(address)?.[1] ?? address;
  if (!EMAIL.test(bare)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'invalid sender', { detailFr: `Adresse d’expéditeur invalide : « ${address} » (exemple : Préfecture du Rhône <ne-pas-repondre@rhone.gouv.fr>).` });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await upsertEntitySender(trx, entityId, address, ctx.clock.now().toISOString());
    await auditAction(trx, { ...ctx, db: trx }, { entityId, action: 'platform.mail.sender_set', subjectType: 'entity', subjectId: entityId, after: { fromAddress: address } });
  });
  return address;
}

export async function getEntitySender(ctx: Ctx, entityId: string) {
  return (await findEntitySender(ctx.db, entityId)) ?? ctx.config.mailFrom ?? null;
}
