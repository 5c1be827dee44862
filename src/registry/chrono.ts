import { sql } from 'kysely';
import type { Db } from '../platform/database/db.ts';
import type { MailDirection } from './tables.ts';

const DIRECTION_LETTER: Record<MailDirection, 'E' | 'S' | 'I'> = { incoming: 'E', outgoing: 'S', internal: 'I' };

export function formatChrono(entityCode: string, year: number, direction: MailDirection, value: number): string {
  return `${entityCode}-${year}-${DIRECTION_LETTER[direction]}-${String(value).padStart(6, '0')}`;
}

/**
 * The next number of an entity's register for a year and direction. One upsert statement takes
 * the counter row's lock until the caller's transaction ends, so numbers are gapless (a rolled
 * back registration gives its number back) and unique under concurrent intake.
 */
export async function nextChronoValue(trx: Db, entityId: string, year: number, direction: MailDirection): Promise<number> {
  const letter = DIRECTION_LETTER[direction];
  const result = await sql<{ last_value: number }>`
    INSERT INTO registry_chrono_counter (entity_id, year, direction, last_value)
    VALUES (${entityId}, ${year}, ${letter}, 1)
    ON CONFLICT (entity_id, year, direction)
    DO UPDATE SET last_value = registry_chrono_counter.last_value + 1
    RETURNING last_value`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('chrono counter upsert returned no row');
  return Number(row.last_value);
}
