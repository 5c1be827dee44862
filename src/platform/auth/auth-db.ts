import type { Db } from '../database/db.ts';
import type { AuthTables } from './tables.ts';

/** The database seen with the auth tables (a no-op once the lead merges AuthTables into PlatformTables). */
export function authDb(db: Db) {
  return db.withTables<AuthTables>();
}
