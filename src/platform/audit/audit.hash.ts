import { createHash } from 'node:crypto';
import type { PlatformAuditTable } from './tables.ts';

/*
 * THE HASH FORMAT (version 1), written so that an outside auditor can re-verify a chain with
 * nothing but the table's rows and a SHA-256 tool.
 *
 * A chain is the set of rows of `platform_audit` with the same `chain_key` (an entity's id, or
 * 'platform' for platform-wide events), ordered by `seq`, which runs 1, 2, 3… without gaps.
 *
 * 1. Genesis. Row seq = 1 has
 *        prev_hash = hex(SHA-256(UTF-8("octo-audit-genesis-v1:" + chain_key)))
 *    e.g. for the platform chain: hex(SHA-256("octo-audit-genesis-v1:platform")).
 *    Every later row has prev_hash = the `hash` column of the row with seq - 1.
 *
 * 2. Link. hash = hex(SHA-256(UTF-8(M))), lowercase hex, 64 characters, where M is the JSON
 *    array below written with no whitespace at all (JavaScript `JSON.stringify(array)`, or
 *    Python `json.dumps(array, ensure_ascii=False, separators=(',', ':'))`):
 *
 *        ["octo-audit-v1", id, chain_key, seq, prev_hash, entity_id, occurred_at,
 *         actor_type, actor_id, actor_label, source, action, subject_type, subject_id,
 *         before, after, details]
 *
 *    Every element is the column's value exactly as stored: a JSON string, or JSON null for a
 *    NULL column, except `seq`, a JSON integer. `before`, `after` and `details` are hashed as
 *    the *text* stored in the column (a JSON document inside a JSON string), so the auditor
 *    never has to re-serialise them; Octo writes that text canonically (object keys sorted by
 *    UTF-16 code units, no whitespace) so equal values give equal text.
 *    Strings are escaped as JSON requires (", \ and U+0000–U+001F; \b \f \n \r \t use their
 *    short forms, other control characters \u00XX in lowercase hex); all other characters,
 *    non-ASCII included, are written as themselves and encoded in UTF-8.
 *
 *    Example (platform chain, first row):
 *    ["octo-audit-v1","0b9c…","platform",1,"<genesis>",null,"2026-12-03T10:00:00.000Z",
 *     "system",null,null,"cli","platform.audit.verified",null,null,null,null,"{}"]
 *
 * 3. The chain is intact when, for every row in seq order: seq is the previous seq + 1
 *    (starting at 1), prev_hash is the previous row's hash (the genesis for seq 1) and hash
 *    recomputes. `platform_audit_head.last_seq`/`last_hash` must match the last row, which
 *    catches a truncated or rewritten tail.
 */

export const AUDIT_HASH_VERSION = 'octo-audit-v1';

export function genesisHash(chainKey: string): string {
  return sha256Hex(`octo-audit-genesis-v1:${chainKey}`);
}

export type AuditHashInput = Pick<
  PlatformAuditTable,
  | 'id' | 'chain_key' | 'seq' | 'prev_hash' | 'entity_id' | 'occurred_at' | 'actor_type' | 'actor_id'
  | 'actor_label' | 'source' | 'action' | 'subject_type' | 'subject_id' | 'before' | 'after' | 'details'
>;

/** The exact bytes hashed for a row (see the format above). */
export function auditHashMessage(row: AuditHashInput): string {
  return JSON.stringify([
    AUDIT_HASH_VERSION,
    row.id,
    row.chain_key,
    Number(row.seq),
    row.prev_hash,
    row.entity_id,
    row.occurred_at,
    row.actor_type,
    row.actor_id,
    row.actor_label,
    row.source,
    row.action,
    row.subject_type,
    row.subject_id,
    row.before,
    row.after,
    row.details,
  ]);
}

export function auditHash(row: AuditHashInput): string {
  return sha256Hex(auditHashMessage(row));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson };

/**
 * Canonical JSON text: object keys sorted, no whitespace, only plain JSON values. Refuses what
 * would not survive a round trip through the database unchanged (binary data, non-finite
 * numbers, malformed Unicode, class instances) so that the stored text is what was hashed.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      assertStorableString(value, path);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`audit: ${path} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`audit: ${path} is not plain JSON (${proto?.constructor?.name ?? 'object'}); pass ids, hashes, statuses`);
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${canonicalJson(k, path)}:${canonicalJson(v, `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`audit: ${path} has type ${typeof value}, not JSON`);
  }
}

export function assertStorableString(value: string, path: string): void {
  // A lone surrogate would be stored as U+FFFD and a NUL is refused by PostgreSQL: the stored
  // text would then differ from the hashed one.
  if (/\p{Cs}/u.test(value)) throw new TypeError(`audit: ${path} is not well-formed Unicode`);
  if (value.includes('\u0000')) throw new TypeError(`audit: ${path} contains a NUL character`);
}
