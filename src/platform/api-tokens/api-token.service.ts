import { dayProblem } from '../../registry/statistics.schemas.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { auditAction } from '../audit/index.ts';
import { parisMidnight } from '../clock.ts';
import { OctoError } from '../errors.ts';
import type { Permission, Principal } from '../auth/permissions.ts';
import { describeEntityRefs, requireEntity } from '../../registry/index.ts';
import { findApiTokenByHash, insertApiToken, listApiTokenRows, revokeApiTokenRow, touchApiToken, type ApiTokenRow } from './api-token.queries.ts';
import type { ApiTokenScope } from './tables.ts';

/**
 * What each scope lets an application do in its entity. deposit: register mail (POST mail-items),
 * nothing else — an online-procedure platform need not read the entity's other mail. read: read the
 * entity's mail (follow the status of what it deposited). No scope administers anything.
 */
export const API_TOKEN_SCOPES: Record<ApiTokenScope, readonly Permission[]> = {
  deposit: ['register'],
  read: ['read'],
};
export const SCOPE_NAMES = Object.keys(API_TOKEN_SCOPES) as ApiTokenScope[];

const TOKEN_PATTERN = /^octo_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiTokenView {
  id: string;
  entityCode: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toView(row: ApiTokenRow, entityCode: string, now: Date): ApiTokenView {
  return {
    id: row.id,
    entityCode,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as ApiTokenScope[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    state: row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now.toISOString() ? 'expired' : 'active',
  };
}

export interface CreateApiTokenInput {
  name: string;
  scopes: ApiTokenScope[];
  /** Last day of validity (YYYY-MM-DD, Paris calendar); null: no expiry. */
  expiresOn?: string | null;
}

/** Creates a token; the returned `token` is shown once: only its hash is kept. */
export async function createApiToken(ctx: Ctx, entityCode: string, input: CreateApiTokenInput): Promise<ApiTokenView & { token: string }> {
  const entity = await requireEntity(ctx, entityCode);
  const name = input.name.trim();
  if (!name || name.length > 120) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad token name', { detailFr: 'Nommez l’application (1 à 120 caractères).' });
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || scopes.some((s) => !SCOPE_NAMES.includes(s))) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad scopes', { detailFr: `Portées possibles : ${SCOPE_NAMES.join(', ')}.` });
  }
  let expiresAt: string | null = null;
  if (input.expiresOn) {
    const problem = dayProblem(input.expiresOn);
    if (problem) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad expiry', { detailFr: `Date d’expiration « ${input.expiresOn} » invalide : ${problem}.` });
    }
    // Valid through that whole day in Paris.
    const next = new Date(Date.parse(input.expiresOn) + 86_400_000).toISOString().slice(0, 10);
    expiresAt = parisMidnight(next).toISOString();
    if (expiresAt <= ctx.clock.now().toISOString()) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'expiry in the past', { detailFr: 'La date d’expiration est déjà passée.' });
    }
  }
  const prefixId = Array.from(randomBytes(8), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  const token = `octo_${prefixId}_${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock.now().toISOString();
  const row: ApiTokenRow = {
    id: randomUUID(),
    entity_id: entity.id,
    name,
    prefix: `octo_${prefixId}`,
    token_hash: hashApiToken(token),
    scopes: JSON.stringify(scopes),
    created_at: now,
    created_by: ctx.actor.label,
    expires_at: expiresAt,
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'platform.api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      after: { name, prefix: row.prefix, scopes, expiresAt },
    });
  });
  return { ...toView(row, entity.code, ctx.clock.now()), token };
}

export async function listApiTokens(ctx: Ctx, entityCode: string): Promise<ApiTokenView[]> {
  const entity = await requireEntity(ctx, entityCode);
  const now = ctx.clock.now();
  return (await listApiTokenRows(ctx.db, entity.id)).map((row) => toView(row, entity.code, now));
}

/** Revokes a token: its next request gets 401. Revoking twice is refused, so the first date stays. */
export async function revokeApiToken(ctx: Ctx, entityCode: string, idOrPrefix: string): Promise<ApiTokenView> {
  const entity = await requireEntity(ctx, entityCode);
  const rows = await listApiTokenRows(ctx.db, entity.id);
  const row = rows.find((r) => r.id === idOrPrefix || r.prefix === idOrPrefix);
  if (!row) throw new OctoError('AUTH_API_TOKEN_NOT_FOUND', `token ${idOrPrefix} not found`, { entityCode });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeApiTokenRow(trx, entity.id, row.id, now))) {
      throw new OctoError('AUTH_API_TOKEN_ALREADY_REVOKED', `token ${row.id} already revoked`);
    }
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'platform.api_token.revoked',
      subjectType: 'api_token',
      subjectId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
  return toView({ ...row, revoked_at: now }, entity.code, ctx.clock.now());
}

/**
 * The principal of a `Authorization: Bearer …` request: the token's entity, with the permissions
 * of its scopes only. A malformed, unknown, expired or revoked token is a 401 that says which.
 */
export async function resolveBearerPrincipal(ctx: Pick<Ctx, 'db' | 'clock'>, authorization: string): Promise<Principal> {
  const token = authorization.slice('bearer '.length).trim();
  if (!TOKEN_PATTERN.test(token)) throw new OctoError('AUTH_API_TOKEN_INVALID', 'malformed bearer token');
  const row = await findApiTokenByHash(ctx.db, hashApiToken(token));
  if (!row) throw new OctoError('AUTH_API_TOKEN_INVALID', 'unknown bearer token');
  const now = ctx.clock.now();
  if (row.revoked_at) throw new OctoError('AUTH_API_TOKEN_REVOKED', `token ${row.prefix} revoked`, { prefix: row.prefix });
  if (row.expires_at && row.expires_at <= now.toISOString()) {
    throw new OctoError('AUTH_API_TOKEN_EXPIRED', `token ${row.prefix} expired`, { prefix: row.prefix, expiresAt: row.expires_at });
  }
  const refs = await describeEntityRefs(ctx, [row.entity_id], []);
  const entity = refs.entities.get(row.entity_id);
  if (!entity) throw new OctoError('AUTH_API_TOKEN_INVALID', 'token of a vanished entity');
  await touchApiToken(ctx.db, row.id, now.toISOString(), new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString());
  const scopes = JSON.parse(row.scopes) as ApiTokenScope[];
  return {
    userId: `api-token:${row.id}`,
    email: '',
    displayName: row.name,
    isPlatformAdmin: false,
    // An entity-wide membership whose permissions are narrowed to the token's scopes.
    memberships: [
      {
        entityId: row.entity_id,
        entityCode: entity.code,
        serviceId: null,
        serviceCode: null,
        role: 'mailroom_agent',
        permissions: [...new Set(scopes.flatMap((s) => API_TOKEN_SCOPES[s] ?? []))],
      },
    ],
    apiToken: { id: row.id, name: row.name, prefix: row.prefix, entityCode: entity.code, scopes },
  };
}
