import type { Db } from '../../platform/database/db.ts';

export const VIRUS_FOUND = 'CAPTURE_VIRUS_FOUND';
export const SCAN_UNAVAILABLE = 'CAPTURE_ANTIVIRUS_UNAVAILABLE';

/**
 * True when any of these stored files was found infected, in any entity and whatever became of
 * its quarantine entry: the same bytes are the same virus everywhere.
 */
export async function anyInfected(db: Db, sha256s: string[]): Promise<boolean> {
  if (sha256s.length === 0) return false;
  const row = await db
    .selectFrom('capture_quarantine')
    .select('id')
    .where('code', '=', VIRUS_FOUND)
    .where('sha256', 'in', sha256s)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Files held because they could not be scanned, oldest first (one entity, or all). */
export function listHeldEntries(db: Db, entityId?: string) {
  let query = db
    .selectFrom('capture_quarantine')
    .innerJoin('registry_entity', 'registry_entity.id', 'capture_quarantine.entity_id')
    .selectAll('capture_quarantine')
    .select('registry_entity.code as entity_code')
    .where('capture_quarantine.code', '=', SCAN_UNAVAILABLE)
    .where('capture_quarantine.status', '=', 'open');
  if (entityId) query = query.where('capture_quarantine.entity_id', '=', entityId);
  return query.orderBy('capture_quarantine.created_at').execute();
}

export async function countHeldEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('capture_quarantine')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('code', '=', SCAN_UNAVAILABLE)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A held file turned out infected: its entry now says so (same entry, so nothing is lost). */
export async function markHeldEntryInfected(db: Db, entityId: string, id: string, message: string, details: string) {
  const result = await db
    .updateTable('capture_quarantine')
    .set({ code: VIRUS_FOUND, message, details })
    .where('entity_id', '=', entityId)
    .where('id', '=', id)
    .where('code', '=', SCAN_UNAVAILABLE)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A held file was scanned clean and registered: its entry is released with a note saying where it went. */
export async function releaseHeldEntry(db: Db, entityId: string, id: string, at: string, note: string) {
  const result = await db
    .updateTable('capture_quarantine')
    .set({ status: 'released', resolved_at: at, resolution_note: note })
    .where('entity_id', '=', entityId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findHeldEntry(db: Db, entityId: string, id: string) {
  return db
    .selectFrom('capture_quarantine')
    .innerJoin('registry_entity', 'registry_entity.id', 'capture_quarantine.entity_id')
    .selectAll('capture_quarantine')
    .select('registry_entity.code as entity_code')
    .where('capture_quarantine.entity_id', '=', entityId)
    .where('capture_quarantine.id', '=', id)
    .executeTakeFirst();
}
