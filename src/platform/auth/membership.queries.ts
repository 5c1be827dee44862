import type { Db } from '../database/db.ts';
import { authDb } from './auth-db.ts';
import type { PlatformAbsenceTable, PlatformMembershipTable } from './tables.ts';

export type MembershipRow = PlatformMembershipTable;
export type AbsenceRow = PlatformAbsenceTable;

export async function insertMembership(db: Db, row: MembershipRow) {
  await authDb(db).insertInto('platform_membership').values(row).execute();
}

export function listMembershipsOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return authDb(db).selectFrom('platform_membership').selectAll().where('user_id', 'in', userIds).orderBy('created_at').execute();
}

export function listUserIdsOfEntity(db: Db, entityId: string) {
  return authDb(db).selectFrom('platform_membership').select('user_id').distinct().where('entity_id', '=', entityId).execute();
}

export async function insertAbsence(db: Db, row: AbsenceRow) {
  await authDb(db).insertInto('platform_absence').values(row).execute();
}

/** Absences current on a Paris calendar day for which the user is the substitute. */
export function listCurrentAbsencesForSubstitute(db: Db, substituteUserId: string, day: string) {
  return authDb(db)
    .selectFrom('platform_absence')
    .selectAll()
    .where('substitute_user_id', '=', substituteUserId)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .where('cancelled_at', 'is', null)
    .execute();
}

/** The entity's absences not yet over (cancelled ones left out), earliest first. */
export function listAbsencesOfEntity(db: Db, entityId: string, fromDay: string) {
  return authDb(db)
    .selectFrom('platform_absence')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('ends_on', '>=', fromDay)
    .where('cancelled_at', 'is', null)
    .orderBy('starts_on')
    .execute();
}
