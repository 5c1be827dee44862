import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { burnVerification, verifyPassword } from './password-hash.ts';
import { findUserByEmail, incrementFailedAttempts, updateUser, type UserRow } from './user.queries.ts';
import { normalizeEmail } from './user.service.ts';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_MS = 15 * 60_000;
const LOCKOUT_MAX_MS = 24 * 3600_000;

/** Progressive lockout: 15 min after 5 failures, 30 after 10, 60 after 15… at most 24 h. */
export function lockoutDuration(failedAttempts: number): number {
  const level = Math.floor(failedAttempts / LOCKOUT_THRESHOLD);
  return Math.min(LOCKOUT_BASE_MS * 2 ** Math.max(0, level - 1), LOCKOUT_MAX_MS);
}

/**
 * Checks an e-mail and password. Every refusal (unknown e-mail, wrong password, locked or
 * disabled account, account without password) is the same AUTH_INVALID_CREDENTIALS after the
 * same argon2 work, so the answer does not tell whether an account exists.
 */
export async function authenticatePassword(ctx: Ctx, email: string, password: string): Promise<UserRow> {
  const refuse = (reason: string) => new OctoError('AUTH_INVALID_CREDENTIALS', `login refused: ${reason}`);
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  const now = ctx.clock.now();
  if (!user || !user.password_hash || user.status !== 'active') {
    await burnVerification(password);
    ctx.logger.info({ event: 'auth.login.refused', reason: user ? 'unusable' : 'unknown' }, 'login refused');
    throw refuse(user ? 'unusable account' : 'unknown account');
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await burnVerification(password);
    ctx.logger.info({ event: 'auth.login.refused', reason: 'locked', userId: user.id }, 'login refused');
    throw refuse('locked');
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = await incrementFailedAttempts(ctx.db, user.id);
    if (failed % LOCKOUT_THRESHOLD === 0) {
      const lockedUntil = new Date(now.getTime() + lockoutDuration(failed)).toISOString();
      await updateUser(ctx.db, user.id, { locked_until: lockedUntil });
      ctx.logger.warn({ event: 'auth.login.locked', userId: user.id, failed, lockedUntil }, 'account locked');
    }
    throw refuse('wrong password');
  }
  await updateUser(ctx.db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() });
  return user;
}
