import { randomUUID } from 'node:crypto';
import { describeEntityRefs, requireEntity, requireService } from '../../registry/index.ts';
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { insertAbsence, insertMembership, listMembershipsOfUsers, listUserIdsOfEntity } from './membership.queries.ts';
import { checkPassword, describeViolations } from './password-policy.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { ROLES, SERVICE_ROLES, type Role } from './permissions.ts';
import { revokeSessionsOfUser } from './session.queries.ts';
import { findUserByEmail, findUserById, insertUser, listUserRows, updateUser, type UserRow } from './user.queries.ts';

// Account administration. These functions trust their caller: the CLI (an operator with shell
// access) or an HTTP route that has checked requirePlatformAdmin / requireEntityAdmin first.

export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CreateUserInput {
  email: string;
  displayName: string;
  password?: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  hasPassword: boolean;
  oidcLinked: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
  memberships: Array<{ entityCode: string | null; serviceCode: string | null; role: Role }>;
}

/** Refuses a password that breaks the policy, listing every rule broken, in French. */
export function assertPasswordPolicy(password: string, person: { email: string; displayName: string }) {
  const violations = checkPassword(password, person);
  if (violations.length > 0) {
    throw new OctoError('AUTH_PASSWORD_POLICY', `password policy: ${violations.map((v) => v.rule).join(',')}`, {
      rules: violations.map((v) => v.rule),
      messages: violations.map((v) => v.fr),
      detailFr: describeViolations(violations),
    });
  }
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  if (!EMAIL.test(email)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad email', { detailFr: `Adresse électronique invalide : « ${input.email} ».` });
  }
  if (!displayName) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'empty name', { detailFr: 'Le nom de l’agent est obligatoire.' });
  if (input.password !== undefined) assertPasswordPolicy(input.password, { email, displayName });
  const now = ctx.clock.now().toISOString();
  const row: UserRow = {
    id: randomUUID(),
    email,
    display_name: displayName,
    password_hash: input.password !== undefined ? await hashPassword(input.password) : null,
    status: 'active',
    failed_attempts: 0,
    locked_until: null,
    oidc_issuer: null,
    oidc_subject: null,
    created_at: now,
    last_login_at: null,
    password_changed_at: input.password !== undefined ? now : null,
  };
  if (await findUserByEmail(ctx.db, email)) throw new OctoError('AUTH_USER_EXISTS', 'user exists', { email });
  try {
    await insertUser(ctx.db, row);
  } catch (error) {
    if (await findUserByEmail(ctx.db, email)) throw new OctoError('AUTH_USER_EXISTS', 'user exists', { email });
    throw error;
  }
  return row;
}

export async function requireUserByEmail(ctx: Ctx, email: string): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  if (!user) throw new OctoError('AUTH_USER_NOT_FOUND', 'user not found', { email: normalizeEmail(email) });
  return user;
}

/** Sets a password (administration or reset): policy, hash, unlock; other sessions are revoked. */
export async function setPassword(ctx: Ctx, userId: string, password: string, options: { keepSessionId?: string } = {}) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new OctoError('AUTH_USER_NOT_FOUND', 'user not found', { userId });
  assertPasswordPolicy(password, { email: user.email, displayName: user.display_name });
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { password_hash: passwordHash, password_changed_at: now, failed_attempts: 0, locked_until: null });
    await revokeSessionsOfUser(trx, userId, now, options.keepSessionId);
  });
}

/** The signed-in agent changes their own password: the current one is checked first. */
export async function changeOwnPassword(ctx: Ctx, userId: string, currentPassword: string, newPassword: string, sessionId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new OctoError('AUTH_REQUIRED', 'user vanished');
  if (user.password_hash && !(await verifyPassword(user.password_hash, currentPassword))) {
    throw new OctoError('AUTH_PASSWORD_CURRENT_INVALID', 'current password wrong');
  }
  await setPassword(ctx, userId, newPassword, { keepSessionId: sessionId });
}

export interface AddMembershipInput {
  userId: string;
  role: Role;
  entityCode?: string;
  serviceCode?: string;
}

export async function addMembership(ctx: Ctx, input: AddMembershipInput) {
  if (!ROLES.includes(input.role)) {
    throw new OctoError('AUTH_MEMBERSHIP_INVALID', `bad role ${input.role}`, { detailFr: `Rôle inconnu « ${input.role} » : ${ROLES.join(', ')}.` });
  }
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw new OctoError('AUTH_USER_NOT_FOUND', 'user not found', { userId: input.userId });
  let entityId: string | null = null;
  let serviceId: string | null = null;
  if (input.role === 'platform_admin') {
    if (input.entityCode || input.serviceCode) {
      throw new OctoError('AUTH_MEMBERSHIP_INVALID', 'platform admin with entity', {
        detailFr: 'Le rôle d’administrateur de la plateforme ne se rattache à aucune entité.',
      });
    }
  } else {
    if (!input.entityCode) {
      throw new OctoError('AUTH_MEMBERSHIP_INVALID', 'entity required', { detailFr: `Le rôle ${input.role} demande une entité.` });
    }
    if (input.serviceCode) {
      const { entity, service } = await requireService(ctx, input.entityCode, input.serviceCode);
      entityId = entity.id;
      serviceId = service.id;
    } else {
      entityId = (await requireEntity(ctx, input.entityCode)).id;
    }
    if (SERVICE_ROLES.includes(input.role) && !serviceId) {
      throw new OctoError('AUTH_MEMBERSHIP_INVALID', 'service required', { detailFr: `Le rôle ${input.role} demande un service.` });
    }
  }
  const existing = await listMembershipsOfUsers(ctx.db, [user.id]);
  const same = existing.find((m) => m.entity_id === entityId && m.service_id === serviceId && m.role === input.role);
  if (same) return same;
  const row = { id: randomUUID(), user_id: user.id, entity_id: entityId, service_id: serviceId, role: input.role, created_at: ctx.clock.now().toISOString() };
  await insertMembership(ctx.db, row);
  return row;
}

/** Users with their memberships, of one entity (by code) or all. */
export async function listUsers(ctx: Ctx, entityCode?: string): Promise<UserView[]> {
  let userIds: string[] | undefined;
  if (entityCode) {
    const entity = await requireEntity(ctx, entityCode);
    userIds = (await listUserIdsOfEntity(ctx.db, entity.id)).map((r) => r.user_id);
  }
  const users = await listUserRows(ctx.db, userIds);
  const memberships = await listMembershipsOfUsers(ctx.db, users.map((u) => u.id));
  const refs = await describeEntityRefs(
    ctx,
    memberships.flatMap((m) => (m.entity_id ? [m.entity_id] : [])),
    memberships.flatMap((m) => (m.service_id ? [m.service_id] : [])),
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    status: u.status,
    hasPassword: u.password_hash !== null,
    oidcLinked: u.oidc_subject !== null,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
    memberships: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({
        entityCode: m.entity_id ? refs.entities.get(m.entity_id)?.code ?? null : null,
        serviceCode: m.service_id ? refs.services.get(m.service_id)?.code ?? null : null,
        role: m.role,
      })),
  }));
}

export interface AddAbsenceInput {
  userId: string;
  substituteUserId: string;
  entityCode: string;
  startsOn: string; // YYYY-MM-DD
  endsOn: string; // YYYY-MM-DD, inclusive
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Records a dated absence: during it, the substitute acts with the absent agent's roles in the entity. */
export async function addAbsence(ctx: Ctx, input: AddAbsenceInput) {
  const invalid = (detailFr: string) => new OctoError('AUTH_ABSENCE_INVALID', detailFr, { detailFr });
  if (!DAY.test(input.startsOn) || !DAY.test(input.endsOn) || Number.isNaN(Date.parse(input.startsOn)) || Number.isNaN(Date.parse(input.endsOn))) {
    throw invalid('Les dates doivent être au format AAAA-MM-JJ.');
  }
  if (input.endsOn < input.startsOn) throw invalid('La date de fin précède la date de début.');
  if (input.userId === input.substituteUserId) throw invalid('Un agent ne peut pas être son propre suppléant.');
  const entity = await requireEntity(ctx, input.entityCode);
  const [absent, substitute] = await Promise.all([findUserById(ctx.db, input.userId), findUserById(ctx.db, input.substituteUserId)]);
  if (!absent || !substitute) throw new OctoError('AUTH_USER_NOT_FOUND', 'user not found');
  const memberships = await listMembershipsOfUsers(ctx.db, [absent.id, substitute.id]);
  if (!memberships.some((m) => m.user_id === absent.id && m.entity_id === entity.id)) {
    throw invalid(`L’agent absent n’a aucun rôle dans l’entité ${entity.code}.`);
  }
  if (!memberships.some((m) => m.user_id === substitute.id && m.entity_id === entity.id)) {
    throw invalid(`Le suppléant doit appartenir à l’entité ${entity.code}.`);
  }
  const row = {
    id: randomUUID(),
    user_id: absent.id,
    substitute_user_id: substitute.id,
    entity_id: entity.id,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    created_at: ctx.clock.now().toISOString(),
    cancelled_at: null,
  };
  await insertAbsence(ctx.db, row);
  return row;
}

export async function setUserStatus(ctx: Ctx, userId: string, status: 'active' | 'disabled') {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { status });
    if (status === 'disabled') await revokeSessionsOfUser(trx, userId, now);
  });
}
