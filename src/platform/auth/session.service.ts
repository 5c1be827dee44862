import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { findLiveSession, insertSession, revokeSessionRow, touchSession, type SessionRow } from './session.queries.ts';
import { findUserById, type UserRow } from './user.queries.ts';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** Sliding expiry is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function expiryFor(createdAt: Date, lastSeen: Date): string {
  return new Date(Math.min(lastSeen.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS)).toISOString();
}

export interface NewSession {
  /** The token for the cookie; the database keeps only its sha256. */
  token: string;
  session: SessionRow;
}

export async function createSession(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  userId: string,
  meta: { authMethod: 'password' | 'oidc'; ip?: string | null; userAgent?: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const now = ctx.clock.now();
  const session: SessionRow = {
    id: sha256Hex(token),
    user_id: userId,
    csrf_token: randomToken(),
    auth_method: meta.authMethod,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiryFor(now, now),
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 512) ?? null,
    revoked_at: null,
  };
  await insertSession(ctx.db, session);
  return { token, session };
}

/** The live session and active user behind a cookie token (the idle expiry slides), or null. */
export async function resolveSession(ctx: Pick<Ctx, 'db' | 'clock'>, token: string): Promise<{ session: SessionRow; user: UserRow } | null> {
  if (!token || token.length > 128) return null;
  const now = ctx.clock.now();
  const session = await findLiveSession(ctx.db, sha256Hex(token), now.toISOString());
  if (!session) return null;
  const user = await findUserById(ctx.db, session.user_id);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
    const expiresAt = expiryFor(new Date(session.created_at), now);
    await touchSession(ctx.db, session.id, now.toISOString(), expiresAt);
    return { session: { ...session, last_seen_at: now.toISOString(), expires_at: expiresAt }, user };
  }
  return { session, user };
}

export async function revokeSession(ctx: Pick<Ctx, 'db' | 'clock'>, sessionId: string): Promise<void> {
  await revokeSessionRow(ctx.db, sessionId, ctx.clock.now().toISOString());
}
