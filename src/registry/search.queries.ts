import { sql } from 'kysely';
import type { Db } from '../platform/database/db.ts';
import { type FullTextDocument, fullTextMatch, upsertFullTextDocument } from '../platform/database/full-text.ts';
import type { MailItemFilter } from './mail-item.queries.ts';
import type { RegistryMailItemTable } from './tables.ts';

export function upsertSearchDocument(db: Db, doc: FullTextDocument) {
  return upsertFullTextDocument(db, doc);
}

export interface SearchRow extends RegistryMailItemTable {
  score: number;
  snippet: string;
}

function filterSql(entityId: string, filter: MailItemFilter) {
  const parts = [sql`registry_mail_item.entity_id = ${entityId}`, sql`registry_search.entity_id = ${entityId}`];
  if (filter.channel) parts.push(sql`registry_mail_item.channel = ${filter.channel}`);
  if (filter.status) parts.push(sql`registry_mail_item.status = ${filter.status}`);
  if (filter.receivedFrom) parts.push(sql`registry_mail_item.received_at >= ${filter.receivedFrom}`);
  if (filter.receivedBefore) parts.push(sql`registry_mail_item.received_at < ${filter.receivedBefore}`);
  if (filter.serviceIds) {
    if (filter.serviceIds.length === 0) parts.push(sql`1 = 0`);
    else {
      const ids = sql.join(filter.serviceIds.map((id) => sql`${id}`));
      parts.push(sql`(registry_mail_item.service_id IN (${ids}) OR EXISTS (SELECT 1 FROM registry_mail_copy c WHERE c.mail_item_id = registry_mail_item.id AND c.service_id IN (${ids})))`);
    }
  }
  return sql.join(parts, sql` AND `);
}

/** Ranked full-text search over an entity's items; the entity filter is inside the query itself. */
export async function searchMailItems(
  db: Db,
  entityId: string,
  terms: string[],
  filter: MailItemFilter,
  limit: number,
  offset: number,
): Promise<{ rows: SearchRow[]; total: number }> {
  const match = fullTextMatch(db, terms);
  const where = sql`${match.where} AND ${filterSql(entityId, filter)}`;
  const rows = await sql<SearchRow>`
    SELECT registry_mail_item.*, ${match.score} AS score, ${match.snippet} AS snippet
      FROM ${match.from}
      JOIN registry_mail_item ON registry_mail_item.id = registry_search.mail_item_id
     WHERE ${where}
     ORDER BY score DESC, registry_mail_item.received_at DESC
     LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const count = await sql<{ n: number }>`
    SELECT count(*) AS n
      FROM ${match.from}
      JOIN registry_mail_item ON registry_mail_item.id = registry_search.mail_item_id
     WHERE ${where}`.execute(db);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}
