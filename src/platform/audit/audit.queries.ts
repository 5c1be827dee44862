import { sql } from 'kysely';
import type { Db } from '../database/db.ts';
import type { AuditTables, PlatformAuditTable } from './tables.ts';

// Until the lead merges AuditTables into OctoDb, widen the type here (a no-op afterwards).
function auditDb(db: Db) {
  return db.withTables<AuditTables>();
}

/**
 * Takes the next seq of a chain. The upsert locks the head row until the caller's transaction
 * ends (PostgreSQL; SQLite has a single writer), so two appends to one chain never share a seq or
 * a prev_hash. Returns the new seq and the hash of the link before it (null for the first).
 */
export async function claimNextSeq(trx: Db, chainKey: string): Promise<{ seq: number; prevHash: string | null }> {
  const result = await sql<{ last_seq: number; last_hash: string }>`
    INSERT INTO platform_audit_head (chain_key, last_seq, last_hash)
    VALUES (${chainKey}, 1, '')
    ON CONFLICT (chain_key)
    DO UPDATE SET last_seq = platform_audit_head.last_seq + 1
    RETURNING last_seq, last_hash`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('audit head upsert returned no row');
  const seq = Number(row.last_seq);
  return { seq, prevHash: seq === 1 ? null : row.last_hash };
}

export async function setChainHead(trx: Db, chainKey: string, seq: number, hash: string): Promise<void> {
  await auditDb(trx)
    .updateTable('platform_audit_head')
    .set({ last_hash: hash })
    .where('chain_key', '=', chainKey)
    .where('last_seq', '=', seq)
    .execute();
}

export async function insertAuditRow(trx: Db, row: PlatformAuditTable): Promise<void> {
  await auditDb(trx).insertInto('platform_audit').values(row).execute();
}

export function findChainHead(db: Db, chainKey: string) {
  return auditDb(db).selectFrom('platform_audit_head').selectAll().where('chain_key', '=', chainKey).executeTakeFirst();
}

/** A page of a chain in seq order: afterSeq < seq (<= uptoSeq when given). */
export function listChainPage(db: Db, chainKey: string, afterSeq: number, uptoSeq: number | null, limit: number) {
  let query = auditDb(db).selectFrom('platform_audit').selectAll().where('chain_key', '=', chainKey).where('seq', '>', afterSeq);
  if (uptoSeq !== null) query = query.where('seq', '<=', uptoSeq);
  return query.orderBy('seq').limit(limit).execute();
}

export function listChainEvents(
  db: Db,
  chainKey: string,
  filter: { subjectType?: string; subjectId?: string; limit?: number },
) {
  let query = auditDb(db).selectFrom('platform_audit').selectAll().where('chain_key', '=', chainKey);
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  return query.orderBy('seq').limit(filter.limit ?? 1000).execute();
}
