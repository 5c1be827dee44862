import type { Db } from '../database/db.ts';
import { authDb } from './auth-db.ts';
import type { PlatformUserTable } from './tables.ts';

export type UserRow = PlatformUserTable;

export function findUserByEmail(db: Db, email: string) {
  return authDb(db).selectFrom('platform_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return authDb(db).selectFrom('platform_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByOidcIdentity(db: Db, issuer: string, subject: string) {
  return authDb(db)
    .selectFrom('platform_user')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow) {
  await authDb(db).insertInto('platform_user').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>) {
  await authDb(db).updateTable('platform_user').set(changes).where('id', '=', id).execute();
}

/** Records one failed password attempt atomically; returns the new count. */
export async function incrementFailedAttempts(db: Db, id: string): Promise<number> {
  const row = await authDb(db)
    .updateTable('platform_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return row.failed_attempts;
}

export function listUserRows(db: Db, userIds?: string[]) {
  let query = authDb(db).selectFrom('platform_user').selectAll().orderBy('email');
  if (userIds) {
    if (userIds.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', userIds);
  }
  return query.execute();
}
