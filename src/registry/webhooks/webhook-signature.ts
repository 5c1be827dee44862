import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A subscription's signing secret: shown once at creation. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The Octo-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'mismatch' | 'too_old' | 'in_future' };

/**
 * What a subscriber does with a notification (docs/api-webhooks.md has the same code to copy):
 * recompute the HMAC over the raw body, compare in constant time, and refuse a timestamp more than
 * `toleranceSeconds` away from its clock, so a captured request cannot be replayed later.
 */
export function verifyWebhookSignature(secret: string, header: string, rawBody: string, nowSeconds: number, toleranceSeconds = 300): SignatureCheck {
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
  if (!timingSafeEqual(expected, Buffer.from(parts.v1!, 'hex'))) return { ok: false, reason: 'mismatch' };
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, reason: 'too_old' };
  if (timestamp - nowSeconds > toleranceSeconds) return { ok: false, reason: 'in_future' };
  return { ok: true, timestamp };
}
