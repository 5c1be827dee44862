import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.ts';
import type { Db } from '../database/db.ts';
import { assertStorableString, auditHash, canonicalJson, genesisHash } from './audit.hash.ts';
import { claimNextSeq, findChainHead, insertAuditRow, listChainEvents, listChainPage, setChainHead } from './audit.queries.ts';
import type { AuditActorType, PlatformAuditTable } from './tables.ts';

/** The chain of platform-wide events (no entity). */
export const PLATFORM_CHAIN = 'platform';

const ACTOR_TYPES: readonly AuditActorType[] = ['user', 'system', 'public', 'api'];
const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
// The audit trail records ids, hashes, statuses and field names: never what a letter says.
const CONTENT_KEYS = new Set(['content', 'body', 'text', 'ocr_text', 'ocrtext', 'full_text', 'fulltext', 'bytes', 'html', 'base64']);
const MAX_STRING = 1024;

export interface AuditEventInput {
  /** The entity whose chain gets the event; null for a platform-wide event. */
  entityId: string | null;
  actorType: AuditActorType;
  actorId?: string | null;
  /** How people see the actor in the history ("Marie Dupont", "OCR"). */
  actorLabel?: string | null;
  /** Where it came from: the client IP, 'cli' or 'worker'. */
  source: string;
  /** A stable dotted name, capability first: 'registry.mail_item.registered'. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** The changed fields before and after (ids, statuses, dates): never content. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  details?: Record<string, unknown>;
}

export interface RecordedAuditEvent {
  id: string;
  chain: string;
  seq: number;
  hash: string;
}

/**
 * Appends an event to its chain. Pass the transaction that makes the change, so both commit or
 * neither does; given a bare database, it opens its own transaction (the head lock must be held
 * until the row is written).
 */
export async function recordAudit(db: Db, ctx: Pick<Ctx, 'clock'>, event: AuditEventInput): Promise<RecordedAuditEvent> {
  const prepared = prepareEvent(event);
  if (!db.isTransaction) return db.transaction().execute((trx) => append(trx, ctx, prepared));
  return append(db, ctx, prepared);
}

type PreparedEvent = Omit<PlatformAuditTable, 'id' | 'seq' | 'occurred_at' | 'prev_hash' | 'hash'>;

async function append(trx: Db, ctx: Pick<Ctx, 'clock'>, event: PreparedEvent): Promise<RecordedAuditEvent> {
  const { seq, prevHash } = await claimNextSeq(trx, event.chain_key);
  const row: PlatformAuditTable = {
    id: randomUUID(),
    ...event,
    seq,
    occurred_at: ctx.clock.now().toISOString(),
    prev_hash: prevHash ?? genesisHash(event.chain_key),
    hash: '',
  };
  row.hash = auditHash(row);
  await insertAuditRow(trx, row);
  await setChainHead(trx, event.chain_key, seq, row.hash);
  return { id: row.id, chain: row.chain_key, seq, hash: row.hash };
}

function prepareEvent(event: AuditEventInput): PreparedEvent {
  if (!ACTION_PATTERN.test(event.action)) {
    throw new TypeError(`audit: action "${event.action}" is not a dotted name like 'registry.mail_item.registered'`);
  }
  if (!ACTOR_TYPES.includes(event.actorType)) throw new TypeError(`audit: unknown actor type "${event.actorType}"`);
  if (!event.source) throw new TypeError('audit: source is required (IP, cli or worker)');
  if ((event.subjectType == null) !== (event.subjectId == null)) {
    throw new TypeError('audit: subjectType and subjectId go together');
  }
  if (event.entityId === PLATFORM_CHAIN) throw new TypeError('audit: platform-wide events take entityId null');
  const text = (value: string | null | undefined, name: string): string | null => {
    if (value == null) return null;
    assertStorableString(value, name);
    if (value.length > MAX_STRING) throw new TypeError(`audit: ${name} is longer than ${MAX_STRING} characters`);
    return value;
  };
  return {
    chain_key: event.entityId ?? PLATFORM_CHAIN,
    entity_id: text(event.entityId, 'entityId'),
    actor_type: event.actorType,
    actor_id: text(event.actorId, 'actorId'),
    actor_label: text(event.actorLabel, 'actorLabel'),
    source: text(event.source, 'source') ?? '',
    action: event.action,
    subject_type: text(event.subjectType, 'subjectType'),
    subject_id: text(event.subjectId, 'subjectId'),
    before: event.before == null ? null : jsonField(event.before, 'before'),
    after: event.after == null ? null : jsonField(event.after, 'after'),
    details: jsonField(event.details ?? {}, 'details'),
  };
}

function jsonField(value: Record<string, unknown>, name: string): string {
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`audit: ${name} must be an object`);
  assertNoContent(value, name);
  return canonicalJson(value, name);
}

function assertNoContent(value: unknown, path: string): void {
  if (typeof value === 'string' && value.length > MAX_STRING) {
    throw new TypeError(`audit: ${path} is longer than ${MAX_STRING} characters: record ids and hashes, not content`);
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) throw new TypeError(`audit: ${path} is binary data`);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (CONTENT_KEYS.has(key.toLowerCase())) throw new TypeError(`audit: ${path}.${key} looks like content; record ids and hashes`);
      assertNoContent(child, `${path}.${key}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Verification

export type AuditBreakReason = 'hash mismatch' | 'broken link' | 'gap in sequence';

export type AuditVerification =
  | { ok: true; chain: string; count: number }
  | {
      ok: false;
      chain: string;
      /** The first seq that cannot be trusted. */
      firstBrokenSeq: number;
      /** The row where the break shows (for a gap: the row found after it; null when none). */
      id: string | null;
      reason: AuditBreakReason;
      action: string | null;
      occurredAt: string | null;
    };

const PAGE = 500;

/**
 * Re-derives every link of a chain (entity id, or 'platform') from the stored rows, in seq order,
 * and reports the first one that fails. Only the rows up to the head read at the start are
 * checked, so appends running meanwhile do not look like a break.
 */
export async function verifyAuditChain(db: Db, entityId: string): Promise<AuditVerification> {
  const chain = entityId;
  const head = await findChainHead(db, chain);
  const headSeq = head ? Number(head.last_seq) : 0;
  const broken = (
    firstBrokenSeq: number,
    reason: AuditBreakReason,
    row: PlatformAuditTable | undefined,
  ): AuditVerification => ({
    ok: false,
    chain,
    firstBrokenSeq,
    id: row?.id ?? null,
    reason,
    action: row?.action ?? null,
    occurredAt: row?.occurred_at ?? null,
  });

  let expectedSeq = 1;
  let prevHash = genesisHash(chain);
  let last: PlatformAuditTable | undefined;
  for (;;) {
    const rows = await listChainPage(db, chain, expectedSeq - 1, headSeq, PAGE);
    for (const row of rows) {
      if (Number(row.seq) !== expectedSeq) return broken(expectedSeq, 'gap in sequence', row);
      if (row.prev_hash !== prevHash) return broken(expectedSeq, 'broken link', row);
      if (auditHash(row) !== row.hash) return broken(expectedSeq, 'hash mismatch', row);
      prevHash = row.hash;
      last = row;
      expectedSeq += 1;
    }
    if (rows.length < PAGE) break;
  }
  const count = expectedSeq - 1;
  if (count < headSeq) return broken(count + 1, 'gap in sequence', undefined); // the tail was removed
  // The head records the last hash: a rewritten last row (hash recomputed) shows here.
  if (head && count > 0 && head.last_hash !== prevHash) return broken(count, 'hash mismatch', last);
  // Rows past the head that were not written by recordAudit (the head did not move meanwhile).
  const [beyond] = await listChainPage(db, chain, headSeq, null, 1);
  if (beyond) {
    const headNow = await findChainHead(db, chain);
    if (!headNow || Number(headNow.last_seq) < Number(beyond.seq)) return broken(headSeq + 1, 'broken link', beyond);
  }
  return { ok: true, chain, count };
}

// ---------------------------------------------------------------------------------------------
// History

export interface AuditEventView {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: AuditActorType; id: string | null; label: string | null };
  source: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  details: Record<string, unknown>;
  hash: string;
}

/** The events of a chain (entity id, or 'platform'), oldest first, optionally for one subject. */
export async function listAuditEvents(
  db: Db,
  entityId: string,
  filter: { subjectType?: string; subjectId?: string; limit?: number } = {},
): Promise<AuditEventView[]> {
  const rows = await listChainEvents(db, entityId, filter);
  return rows.map(toAuditEventView);
}

export function toAuditEventView(row: PlatformAuditTable): AuditEventView {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    source: row.source,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    before: row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>),
    after: row.after === null ? null : (JSON.parse(row.after) as Record<string, unknown>),
    details: JSON.parse(row.details) as Record<string, unknown>,
    hash: row.hash,
  };
}
