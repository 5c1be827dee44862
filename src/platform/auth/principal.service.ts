import type { Ctx } from '../context.ts';
import { describeEntityRefs } from '../../registry/index.ts';
import { listCurrentAbsencesForSubstitute, listMembershipsOfUsers } from './membership.queries.ts';
import { DELEGABLE_ROLES, type Principal, type PrincipalMembership } from './permissions.ts';
import type { UserRow } from './user.queries.ts';
import { listUserRows } from './user.queries.ts';

/** The calendar day in Paris (YYYY-MM-DD): absences are dated in local days. */
export function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The principal of a user: own memberships, plus those of agents they currently substitute. */
export async function loadPrincipal(ctx: Pick<Ctx, 'db' | 'clock'>, user: UserRow): Promise<Principal> {
  const absences = await listCurrentAbsencesForSubstitute(ctx.db, user.id, parisDay(ctx.clock.now()));
  const absentIds = [...new Set(absences.map((a) => a.user_id))];
  const rows = await listMembershipsOfUsers(ctx.db, [user.id, ...absentIds]);
  const absentUsers = new Map((await listUserRows(ctx.db, absentIds)).map((u) => [u.id, u]));
  const refs = await describeEntityRefs(
    ctx,
    rows.flatMap((r) => (r.entity_id ? [r.entity_id] : [])),
    rows.flatMap((r) => (r.service_id ? [r.service_id] : [])),
  );
  const memberships: PrincipalMembership[] = [];
  let isPlatformAdmin = false;
  for (const row of rows) {
    if (row.role === 'platform_admin') {
      if (row.user_id === user.id) isPlatformAdmin = true;
      continue;
    }
    const entity = row.entity_id ? refs.entities.get(row.entity_id) : undefined;
    if (!row.entity_id || !entity) continue;
    const base = {
      entityId: row.entity_id,
      entityCode: entity.code,
      serviceId: row.service_id,
      serviceCode: row.service_id ? refs.services.get(row.service_id)?.code ?? null : null,
      role: row.role,
    };
    if (row.user_id === user.id) {
      memberships.push(base);
      continue;
    }
    // A delegated membership: only the absence's entity, only delegable roles, only if the
    // substitute does not already hold the same role on the same scope.
    const absence = absences.find((a) => a.user_id === row.user_id && a.entity_id === row.entity_id);
    const absent = absentUsers.get(row.user_id);
    if (!absence || !absent || absent.status !== 'active' || !DELEGABLE_ROLES.includes(row.role)) continue;
    memberships.push({ ...base, viaDelegationFrom: { userId: absent.id, displayName: absent.display_name, absenceId: absence.id } });
  }
  const unique = memberships.filter(
    (m, i) =>
      !memberships.some(
        (other, j) =>
          j !== i && other.entityId === m.entityId && other.serviceId === m.serviceId && other.role === m.role &&
          (other.viaDelegationFrom === undefined ? m.viaDelegationFrom !== undefined : j < i && m.viaDelegationFrom !== undefined),
      ),
  );
  return { userId: user.id, email: user.email, displayName: user.display_name, isPlatformAdmin, memberships: unique };
}
