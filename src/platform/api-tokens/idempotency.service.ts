import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OctoError } from '../errors.ts';
import { requireEntity } from '../../registry/index.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  deleteIdempotencyRecord,
  findIdempotencyRecord,
  purgeIdempotencyRecords,
  type IdempotencyScope,
} from './idempotency.queries.ts';

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 60_000;

/** A stable digest of what a request asks for: buffers count by their sha256, keys in sorted order. */
export function requestFingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Buffer.isBuffer(v)) return { sha256: createHash('sha256').update(v).digest('hex') };
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

/** Who owns an idempotency key: the API token, else the signed-in person. */
function ownerKeyOf(req: FastifyRequest): string {
  const principal = req.principal;
  if (principal?.apiToken) return `token:${principal.apiToken.id}`;
  return principal ? `user:${principal.userId}` : 'anonymous';
}

export interface IdempotentOutcome {
  status: number;
  body: unknown;
}

/**
 * Runs a state-changing request at most once per `Idempotency-Key` (per token or person, per
 * entity, for 24 hours). A retry with the same key and the same payload gets the first answer again,
 * with `Idempotent-Replayed: true`; the same key with another payload is a 409. A retry arriving
 * while the first is still running waits for its answer, so concurrent duplicates register once.
 * Without the header, the work simply runs.
 */
export async function runIdempotently(
  req: FastifyRequest,
  reply: FastifyReply,
  input: { entityCode: string; request: unknown },
  work: () => Promise<IdempotentOutcome>,
): Promise<FastifyReply> {
  const header = req.headers['idempotency-key'];
  if (header === undefined) {
    const outcome = await work();
    return reply.status(outcome.status).send(outcome.body);
  }
  const key = Array.isArray(header) ? header.join(',') : header.trim();
  if (!KEY_PATTERN.test(key)) throw new OctoError('PLATFORM_IDEMPOTENCY_KEY_INVALID', 'bad idempotency key');
  const { ctx } = req;
  const entity = await requireEntity(ctx, input.entityCode);
  const scope: IdempotencyScope = { ownerKey: ownerKeyOf(req), entityId: entity.id, key };
  const requestHash = requestFingerprint(input.request);
  const waitUntil = Date.now() + WAIT_LIMIT_MS;

  for (;;) {
    const now = ctx.clock.now();
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
    await purgeIdempotencyRecords(ctx.db, expiredBefore);
    if (await claimIdempotencyKey(ctx.db, scope, requestHash, now.toISOString())) {
      let outcome: IdempotentOutcome;
      try {
        outcome = await work();
      } catch (error) {
        // Nothing answered: the key is free again, so the client can retry (a request refused as
        // invalid registers nothing).
        await deleteIdempotencyRecord(ctx.db, scope);
        throw error;
      }
      await completeIdempotencyRecord(ctx.db, scope, outcome.status, JSON.stringify(outcome.body), ctx.clock.now().toISOString());
      return reply.status(outcome.status).send(outcome.body);
    }
    const record = await findIdempotencyRecord(ctx.db, scope);
    if (!record) continue; // released or expired meanwhile: claim it again
    if (record.request_hash !== requestHash) {
      throw new OctoError('PLATFORM_IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} reused with another payload`, { idempotencyKey: key });
    }
    if (record.state === 'done') {
      req.log.info({ event: 'api.idempotent_replay', idempotencyKey: key }, 'idempotent replay');
      return reply
        .header('idempotent-replayed', 'true')
        .status(record.response_status ?? 200)
        .send(JSON.parse(record.response_body ?? 'null'));
    }
    if (Date.now() > waitUntil) {
      throw new OctoError('PLATFORM_IDEMPOTENCY_IN_PROGRESS', `idempotency key ${key} still in progress`, { idempotencyKey: key });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
