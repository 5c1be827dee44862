// IMAP mailboxes of an entity: their settings (password sealed at rest), and their relève: each
// message becomes one mail item through the common intake, remembered by UIDVALIDITY + UID and by
// Message-ID in the same transaction as the item, and only then moved or flagged on the server.
// A crash between the commit and the move leaves a row without `settled_at`: the next relève
// settles it without registering it again.

import { createHash, randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { z } from 'zod';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { isOctoError, OctoError, type OctoErrorCode } from '../../platform/errors.ts';
import { requireEntity } from '../../registry/index.ts';
import { ingestFile } from '../intake.service.ts';
import {
  deleteMailboxRow,
  findMailbox,
  findTakenByKey,
  insertMailbox,
  insertTakenMessage,
  listActiveMailboxes,
  listMailboxRows,
  markSettled,
  takenMessages,
  updateMailboxRow,
} from './mailbox.queries.ts';
import {
  MailboxCreateSchema,
  MailboxUpdateSchema,
  type MailboxCreateInput,
  type MailboxSyncResult,
  type MailboxUpdateInput,
  type MailboxView,
} from './mailbox.schemas.ts';
import { receivedMessageFilename } from './received-filename.ts';
import { secretBoxFor } from './secret-box.ts';
import type { CaptureMailboxTable } from './tables.ts';

/** The keyword left on a message taken without a destination folder. */
export const TAKEN_KEYWORD = '$Octo';

const boundTo = (mailboxId: string) => `capture_mailbox:${mailboxId}`;

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'boîte'} : ${i.message}`);
    throw new OctoError('CAPTURE_MAILBOX_INVALID', 'invalid mailbox', { detailFr: issues.join(' ; '), issues });
  }
  return parsed.data;
}

export function toMailboxView(row: CaptureMailboxTable, entityCode: string): MailboxView {
  return {
    id: row.id,
    entityCode,
    name: row.name,
    host: row.host,
    port: Number(row.port),
    security: row.security,
    username: row.username,
    folder: row.folder,
    moveTo: row.move_to,
    active: Number(row.active) === 1,
    lastSyncAt: row.last_sync_at,
    lastSuccessAt: row.last_success_at,
    lastSyncCreated: Number(row.last_sync_created),
    lastError: row.last_error_code ? { code: row.last_error_code, message: row.last_error_message ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function requireMailbox(ctx: Ctx, entityCode: string, id: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findMailbox(ctx.db, entity.id, id);
  if (!row) throw new OctoError('CAPTURE_MAILBOX_NOT_FOUND', `mailbox ${id}`, { id });
  return { entity, row };
}

export async function listMailboxes(ctx: Ctx, entityCode: string): Promise<MailboxView[]> {
  const entity = await requireEntity(ctx, entityCode);
  return (await listMailboxRows(ctx.db, entity.id)).map((row) => toMailboxView(row, entity.code));
}

export async function getMailbox(ctx: Ctx, entityCode: string, id: string): Promise<MailboxView> {
  const { entity, row } = await requireMailbox(ctx, entityCode, id);
  return toMailboxView(row, entity.code);
}

/** What the audit trail keeps of a mailbox: never the password. */
function auditedSettings(row: Pick<CaptureMailboxTable, 'name' | 'host' | 'port' | 'security' | 'username' | 'folder' | 'move_to' | 'active'>) {
  return { name: row.name, host: row.host, port: row.port, security: row.security, username: row.username, folder: row.folder, moveTo: row.move_to, active: row.active };
}

export async function createMailbox(ctx: Ctx, entityCode: string, input: MailboxCreateInput): Promise<MailboxView> {
  const entity = await requireEntity(ctx, entityCode);
  const data = parseOrThrow(MailboxCreateSchema, input);
  const box = await secretBoxFor(ctx.config);
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  const row: CaptureMailboxTable = {
    id,
    entity_id: entity.id,
    name: data.name ?? `${data.username}@${data.host}`,
    host: data.host,
    port: data.port,
    security: data.security,
    username: data.username,
    password_encrypted: box.seal(data.password, boundTo(id)),
    folder: data.folder,
    move_to: data.moveTo ?? null,
    active: data.active ? 1 : 0,
    last_sync_at: null,
    last_success_at: null,
    last_error_code: null,
    last_error_message: null,
    last_sync_created: 0,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertMailbox(trx, row);
    await auditAction(trx, ctx, { entityId: entity.id, action: 'capture.mailbox.created', subjectType: 'mailbox', subjectId: id, after: auditedSettings(row) });
  });
  return toMailboxView(row, entity.code);
}

export async function updateMailbox(ctx: Ctx, entityCode: string, id: string, input: MailboxUpdateInput): Promise<MailboxView> {
  const { entity, row } = await requireMailbox(ctx, entityCode, id);
  const data = parseOrThrow(MailboxUpdateSchema, input);
  const next: CaptureMailboxTable = {
    ...row,
    name: data.name ?? row.name,
    host: data.host ?? row.host,
    port: data.port ?? row.port,
    security: data.security ?? row.security,
    username: data.username ?? row.username,
    folder: data.folder ?? row.folder,
    move_to: data.moveTo === undefined ? row.move_to : data.moveTo,
    active: data.active === undefined ? row.active : data.active ? 1 : 0,
    updated_at: ctx.clock.now().toISOString(),
  };
  if (data.password !== undefined) next.password_encrypted = (await secretBoxFor(ctx.config)).seal(data.password, boundTo(id));
  await ctx.db.transaction().execute(async (trx) => {
    const { id: _id, entity_id: _entity, ...patch } = next;
    await updateMailboxRow(trx, id, patch);
    await auditAction(trx, ctx, {
      entityId: entity.id,
      action: 'capture.mailbox.updated',
      subjectType: 'mailbox',
      subjectId: id,
      before: auditedSettings(row),
      after: { ...auditedSettings(next), passwordChanged: data.password !== undefined },
    });
  });
  return toMailboxView(next, entity.code);
}

export async function removeMailbox(ctx: Ctx, entityCode: string, id: string): Promise<void> {
  const { entity, row } = await requireMailbox(ctx, entityCode, id);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteMailboxRow(trx, id);
    await auditAction(trx, ctx, { entityId: entity.id, action: 'capture.mailbox.removed', subjectType: 'mailbox', subjectId: id, before: auditedSettings(row) });
  });
}

// ---------------------------------------------------------------------------------------------
// Relève

/** One relève at a time per mailbox in this process (the poller and « Relever » may meet). */
const running = new Map<string, Promise<MailboxSyncResult>>();

export async function syncMailbox(ctx: Ctx, entityCode: string, id: string): Promise<MailboxSyncResult> {
  const previous = running.get(id);
  const next = (async () => {
    await previous?.catch(() => undefined);
    return syncOnce(ctx, entityCode, id);
  })();
  running.set(id, next);
  try {
    return await next;
  } finally {
    if (running.get(id) === next) running.delete(id);
  }
}

/** Every active mailbox of the entity (or the one named). */
export async function syncEntityMailboxes(ctx: Ctx, entityCode: string, id?: string): Promise<MailboxSyncResult[]> {
  if (id) return [await syncMailbox(ctx, entityCode, id)];
  const results: MailboxSyncResult[] = [];
  for (const mailbox of await listMailboxes(ctx, entityCode)) {
    if (mailbox.active) results.push(await syncMailbox(ctx, entityCode, mailbox.id));
  }
  return results;
}

/** The poller's round: every active mailbox of the platform; one failing never stops the others. */
export async function syncAllActiveMailboxes(ctx: Ctx): Promise<MailboxSyncResult[]> {
  const results: MailboxSyncResult[] = [];
  for (const mailbox of await listActiveMailboxes(ctx.db)) {
    try {
      results.push(await syncMailbox(ctx, mailbox.entityCode, mailbox.id));
    } catch (error) {
      ctx.logger.error({ err: error, mailboxId: mailbox.id }, 'mailbox sync failed');
    }
  }
  return results;
}

/** A French reason for what went wrong with the server, recorded on the mailbox. */
function describeImapError(error: unknown, row: CaptureMailboxTable): OctoError {
  if (isOctoError(error)) return error;
  const e = error as { authenticationFailed?: boolean; mailboxMissing?: boolean; code?: string; message?: string; responseText?: string; serverResponseCode?: string };
  const where = `${row.host}:${row.port}`;
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new OctoError('CAPTURE_MAILBOX_AUTH_FAILED', e.message ?? 'auth failed', { detailFr: `Identifiant « ${row.username} » sur ${where}${e.responseText ? ` (réponse du serveur : ${e.responseText.replace(/\.$/, '')})` : ''}.` });
  }
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT' || e.serverResponseCode === 'TRYCREATE') {
    return new OctoError('CAPTURE_MAILBOX_FOLDER_MISSING', e.message ?? 'folder missing', { detailFr: `Dossier « ${row.folder} » sur ${where}.` });
  }
  const network: Record<string, string> = {
    ECONNREFUSED: 'connexion refusée',
    ENOTFOUND: 'nom d’hôte inconnu',
    EAI_AGAIN: 'nom d’hôte introuvable pour le moment',
    ETIMEDOUT: 'délai de connexion dépassé',
    ECONNRESET: 'connexion coupée par le serveur',
    EHOSTUNREACH: 'hôte inaccessible',
    CONNECT_TIMEOUT: 'délai de connexion dépassé',
    GREETING_TIMEOUT: 'le serveur ne s’est pas présenté à temps',
    NoConnection: 'connexion perdue',
    EConnectionClosed: 'connexion fermée par le serveur',
  };
  if (e.code && network[e.code]) {
    return new OctoError('CAPTURE_MAILBOX_UNREACHABLE', e.message ?? e.code, { detailFr: `${where} : ${network[e.code]}.` });
  }
  if (/certificate|self.signed|TLS|SSL/i.test(e.message ?? '')) {
    return new OctoError('CAPTURE_MAILBOX_UNREACHABLE', e.message ?? 'tls', { detailFr: `${where} : la connexion chiffrée a échoué (${e.message}).` });
  }
  return new OctoError('CAPTURE_MAILBOX_SYNC_FAILED', e.message ?? String(error), {
    detailFr: `${where} : ${e.responseText ?? e.message ?? String(error)}`,
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}

async function syncOnce(ctx: Ctx, entityCode: string, id: string): Promise<MailboxSyncResult> {
  const { entity, row } = await requireMailbox(ctx, entityCode, id);
  const result: MailboxSyncResult = { mailboxId: row.id, name: row.name, ok: true, messages: [], error: null };
  const startedAt = ctx.clock.now().toISOString();
  let client: ImapFlow | null = null;
  try {
    const password = (await secretBoxFor(ctx.config)).open(row.password_encrypted, boundTo(row.id));
    client = new ImapFlow({
      host: row.host,
      port: Number(row.port),
      secure: row.security === 'tls',
      doSTARTTLS: row.security === 'starttls' ? true : row.security === 'none' ? false : undefined,
      auth: { user: row.username, pass: password },
      logger: false,
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
      disableAutoIdle: true,
    });
    // A dropped connection emits 'error' outside any await: without a listener it would crash the worker.
    client.on('error', (error: unknown) => ctx.logger.warn({ err: error, mailboxId: row.id }, 'imap connection error'));
    await client.connect();
    const lock = await client.getMailboxLock(row.folder);
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new OctoError('CAPTURE_MAILBOX_FOLDER_MISSING', 'no mailbox selected', { detailFr: `Dossier « ${row.folder} ».` });
      const uidValidity = String(mailbox.uidValidity);
      // A message Octo flagged was committed by some relève (the flag comes after the commit):
      // skipped, so that two mailboxes pointing at one server folder never register it twice.
      const uids = mailbox.exists > 0 ? ((await client.search({ unKeyword: TAKEN_KEYWORD }, { uid: true })) || []) : [];
      const taken = new Map((await takenMessages(ctx.db, row.id, uidValidity)).map((m) => [Number(m.uid), m]));
      const canKeyword = !mailbox.permanentFlags || mailbox.permanentFlags.has('\\*');
      let destinationReady = false;

      const settle = async (uid: number) => {
        if (row.move_to) {
          if (!destinationReady) {
            const folders = await client!.list();
            if (!folders.some((f) => f.path === row.move_to)) await client!.mailboxCreate(row.move_to);
            destinationReady = true;
          }
          await client!.messageMove(String(uid), row.move_to, { uid: true });
        } else {
          await client!.messageFlagsAdd(String(uid), canKeyword ? ['\\Seen', TAKEN_KEYWORD] : ['\\Seen'], { uid: true });
        }
        await markSettled(ctx.db, row.id, uidValidity, String(uid), ctx.clock.now().toISOString());
      };

      for (const uid of [...uids].sort((a, b) => a - b)) {
        const known = taken.get(uid);
        if (known) {
          // Registered by an earlier relève that stopped before the move or the flag.
          if (!known.settled_at) await settle(uid);
          continue;
        }
        const message = await client.fetchOne(String(uid), { uid: true, source: true, envelope: true }, { uid: true });
        if (!message || !message.source) continue; // expunged meanwhile
        const bytes = message.source;
        const messageId = message.envelope?.messageId?.trim();
        const messageKey = messageId || `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
        const subject = message.envelope?.subject ?? null;
        const now = ctx.clock.now().toISOString();
        const record = { mailbox_id: row.id, uid_validity: uidValidity, uid: String(uid), message_key: messageKey, taken_at: now, settled_at: null };

        const earlier = await findTakenByKey(ctx.db, row.id, messageKey);
        if (earlier) {
          // The same message under a new UIDVALIDITY (folder rebuilt, server migrated): not registered twice.
          try {
            await insertTakenMessage(ctx.db, { ...record, outcome: 'already-taken', mail_item_id: earlier.mail_item_id, quarantine_id: earlier.quarantine_id });
          } catch (error) {
            if (!isUniqueViolation(error)) throw error; // another process recorded it first
          }
          await settle(uid);
          result.messages.push({ uid, subject, outcome: 'already-taken', chrono: null, quarantine: null });
          continue;
        }
        try {
          const intake = await ingestFile(ctx, entity.code, 'email', { filename: await receivedMessageFilename(bytes), bytes }, {
            onRecorded: (trx, outcome) =>
              insertTakenMessage(trx, {
                ...record,
                outcome: outcome.mailItemId ? 'registered' : 'quarantined',
                mail_item_id: outcome.mailItemId ?? null,
                quarantine_id: outcome.quarantineId ?? null,
              }),
          });
          result.messages.push({
            uid,
            subject,
            outcome: intake.item ? 'registered' : 'quarantined',
            chrono: intake.item?.chrono ?? null,
            quarantine: intake.quarantine ? { id: intake.quarantine.id, code: intake.quarantine.code, message: intake.quarantine.message } : null,
          });
        } catch (error) {
          // Another process took this very message at the same time: its transaction won, ours rolled back.
          if (!isUniqueViolation(error)) throw error;
        }
        await settle(uid);
      }
    } finally {
      lock.release();
    }
    await client.logout().catch(() => undefined);
    const created = result.messages.filter((m) => m.outcome !== 'already-taken').length;
    await updateMailboxRow(ctx.db, row.id, {
      last_sync_at: startedAt,
      last_success_at: startedAt,
      last_error_code: null,
      last_error_message: null,
      last_sync_created: created,
    });
  } catch (error) {
    client?.close();
    const failure = describeImapError(error, row);
    if (!isOctoError(error)) ctx.logger.warn({ err: error, mailboxId: row.id }, 'mailbox sync failed');
    result.ok = false;
    result.error = { code: failure.code, message: failure.frenchMessage };
    await updateMailboxRow(ctx.db, row.id, {
      last_sync_at: startedAt,
      last_error_code: failure.code satisfies OctoErrorCode,
      last_error_message: failure.frenchMessage,
    });
  }
  return result;
}

/**
 * Relève of every active mailbox every `seconds`, owned by the app's workers; stopped when the
 * app closes (after the round in progress). Errors are recorded on each mailbox, never thrown.
 */
export function startMailboxPoller(ctx: Ctx, seconds = ctx.config.mailboxPollSeconds): void {
  if (seconds <= 0) return;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = syncAllActiveMailboxes(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'mailbox poller round failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, seconds * 1000);
      });
  };
  timer = setTimeout(tick, 0);
  ctx.onClose(async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await round;
  });
}
