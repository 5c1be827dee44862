import type { FastifyRequest } from 'fastify';
import { OctoError } from '../errors.ts';
import type { Role } from './tables.ts';

export type { Role } from './tables.ts';
export const ROLES = ['platform_admin', 'entity_admin', 'mailroom_agent', 'service_agent', 'head_of_service', 'auditor'] as const satisfies readonly Role[];

/**
 * What a role allows inside one entity. Mail is never readable across entities: a person with no
 * role in an entity gets 404 on all of its mail routes (the entity's existence is public, its mail
 * is not).
 *
 * | role            | read        | register | handle      | sign        | admin | audit | scope                         |
 * |-----------------|-------------|----------|-------------|-------------|-------|-------|-------------------------------|
 * | mailroom_agent  | yes         | yes      | –           | –           | –     | –     | all the entity's mail         |
 * | service_agent   | yes         | –        | yes         | –           | –     | –     | its service's mail            |
 * | head_of_service | yes         | –        | yes         | yes         | –     | –     | its service's mail            |
 * | auditor         | yes         | –        | –           | –           | –     | yes   | all the entity's mail, no change |
 * | entity_admin    | –           | –        | –           | –           | yes   | –     | users, services of its entity |
 * | platform_admin  | –           | –        | –           | –           | –     | –     | entities, platform settings (requirePlatformAdmin), no mail |
 *
 * - read: see mail items, documents, search results. register: register and qualify incoming
 *   mail (chrono, sender, subject, target service), fix indexing. handle: work on mail assigned
 *   to the service (annotate, draft a reply, forward, close). sign: sign in a circuit.
 *   admin: manage the entity's agents, roles, services, absences. audit: read the audit trail.
 * - A membership with a service scopes read/handle/sign to that service; the registry decides
 *   whether sub-services are included (they are, for a head of a direction). A mailroom agent's or
 *   an auditor's membership covers the whole entity even when a service is recorded.
 * - Absences: while an absence is current, the substitute holds the absent agent's memberships
 *   of roles in DELEGABLE_ROLES, marked `viaDelegationFrom` (to be written in the audit trail).
 *   Administration and platform roles are never delegated.
 * - A platform admin who must read an entity's mail needs a membership in it, like anyone.
 */
export type Permission = 'read' | 'register' | 'handle' | 'sign' | 'admin' | 'audit';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  mailroom_agent: ['read', 'register'],
  service_agent: ['read', 'handle'],
  head_of_service: ['read', 'handle', 'sign'],
  auditor: ['read', 'audit'],
  entity_admin: ['admin'],
  platform_admin: [],
};

/** Roles whose scope is the whole entity (a service, when recorded, is informative). */
export const ENTITY_WIDE_ROLES: readonly Role[] = ['mailroom_agent', 'auditor', 'entity_admin'];
/** Roles that need a service. */
export const SERVICE_ROLES: readonly Role[] = ['service_agent', 'head_of_service'];
/** Roles a substitute receives during an absence. */
export const DELEGABLE_ROLES: readonly Role[] = ['mailroom_agent', 'service_agent', 'head_of_service'];

export interface PrincipalMembership {
  entityId: string;
  entityCode: string;
  serviceId: string | null;
  serviceCode: string | null;
  role: Exclude<Role, 'platform_admin'>;
  /** Set when held through a current absence: the absent agent's user id (and name, for display). */
  viaDelegationFrom?: { userId: string; displayName: string; absenceId: string };
  /** Set for an API token: the membership grants only these permissions, whatever its role. */
  permissions?: readonly Permission[];
}

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: PrincipalMembership[];
  /** Set when the request came with an API token (`Authorization: Bearer`) instead of a session. */
  apiToken?: { id: string; name: string; prefix: string; entityCode: string; scopes: string[] };
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** What one membership allows: its role's permissions, narrowed for an API token. */
export function membershipAllows(membership: PrincipalMembership, permission: Permission): boolean {
  return membership.permissions ? membership.permissions.includes(permission) : roleAllows(membership.role, permission);
}

/** The signed-in person, or 401 AUTH_REQUIRED. */
export function requirePrincipal(req: Pick<FastifyRequest, 'principal'>): Principal {
  if (!req.principal) throw new OctoError('AUTH_REQUIRED', 'no session');
  return req.principal;
}

/**
 * The principal's memberships in an entity that grant the permission, or 404
 * REGISTRY_ENTITY_NOT_FOUND: never 403, so another entity's mail is not confirmed to exist.
 */
/**
 * Refused in an entity: a stranger to it gets 404 (its mail is not confirmed to exist); a member
 * whose role lacks the permission gets 403 with a plain French reason, since the entity is theirs.
 */
function refusal(principal: Principal | null, entityCode: string, permission: string): OctoError {
  const member = (principal?.memberships ?? []).some((m) => m.entityCode === entityCode);
  return member
    ? new OctoError('AUTH_FORBIDDEN', `role lacks ${permission} in entity ${entityCode}`, { entityCode })
    : new OctoError('REGISTRY_ENTITY_NOT_FOUND', `no ${permission} access to entity ${entityCode}`, { entityCode });
}

export function entityAccess(principal: Principal | null, entityCode: string, permission: Permission): PrincipalMembership[] {
  const granted = (principal?.memberships ?? []).filter((m) => m.entityCode === entityCode && membershipAllows(m, permission));
  if (granted.length === 0) throw refusal(principal, entityCode, permission);
  return granted;
}

/** True when one of the memberships covers the whole entity (not a single service). */
export function coversWholeEntity(memberships: PrincipalMembership[]): boolean {
  return memberships.some((m) => ENTITY_WIDE_ROLES.includes(m.role));
}

/** Entity and platform management: 403, since the action itself is not a secret. */
export function requirePlatformAdmin(principal: Principal | null): Principal {
  if (!principal) throw new OctoError('AUTH_REQUIRED', 'no session');
  if (!principal.isPlatformAdmin) throw new OctoError('AUTH_FORBIDDEN', 'platform admin required');
  return principal;
}

/** Managing an entity's agents: its entity admins, or a platform admin. */
export function requireEntityAdmin(principal: Principal | null, entityCode: string): Principal {
  if (!principal) throw new OctoError('AUTH_REQUIRED', 'no session');
  if (principal.isPlatformAdmin) return principal;
  entityAccess(principal, entityCode, 'admin');
  return principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, null when signed out (set by authPlugin). */
    principal: Principal | null;
  }
}

/** What a request may do in one entity, once requireEntityPermission has let it in. */
export interface EntityAccess {
  principal: Principal;
  /** The memberships that grant the permission asked for. */
  memberships: PrincipalMembership[];
  /** True when one of them covers the whole entity; otherwise only `serviceIds`' mail (and sub-services'). */
  wholeEntity: boolean;
  serviceIds: string[];
}

/**
 * The guard every entity route starts with: 401 AUTH_REQUIRED when signed out, 404 when the
 * principal holds none of the permissions in that entity (the entity's mail is not confirmed to
 * exist). Any one of `permissions` suffices.
 */
export function requireEntityPermission(
  req: Pick<FastifyRequest, 'principal'>,
  entityCode: string,
  ...permissions: Permission[]
): EntityAccess {
  const principal = requirePrincipal(req);
  const memberships = principal.memberships.filter(
    (m) => m.entityCode === entityCode && permissions.some((permission) => membershipAllows(m, permission)),
  );
  if (memberships.length === 0) throw refusal(principal, entityCode, permissions.join('|'));
  return {
    principal,
    memberships,
    wholeEntity: coversWholeEntity(memberships),
    serviceIds: [...new Set(memberships.map((m) => m.serviceId).filter((id): id is string => id !== null))],
  };
}
