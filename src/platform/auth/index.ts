// Platform auth's public surface: capabilities call these, never the platform_user/… tables.
export { authPlugin, type AuthPluginOptions } from './auth.plugin.ts';
export { AuthConfigSchema, authConfigFrom, authConfigRaw, checkAuthConfig, loadAuthConfig, type AuthConfig } from './auth-config.ts';
export {
  DELEGABLE_ROLES,
  ROLE_PERMISSIONS,
  ROLES,
  coversWholeEntity,
  entityAccess,
  requireEntityPermission,
  type EntityAccess,
  requireEntityAdmin,
  requirePlatformAdmin,
  requirePrincipal,
  roleAllows,
  type Permission,
  type Principal,
  type PrincipalMembership,
  type Role,
} from './permissions.ts';
export { checkPassword, describeViolations, type PasswordViolation } from './password-policy.ts';
export { authenticatePassword } from './login.service.ts';
export { createSession, revokeSession, resolveSession } from './session.service.ts';
export { loadPrincipal } from './principal.service.ts';
export {
  addAbsence,
  addMembership,
  createUser,
  listUsers,
  normalizeEmail,
  requireUserByEmail,
  setPassword,
  setUserStatus,
  type UserView,
} from './user.service.ts';
export { DEMO_PASSWORD, demoUsers, seedDemoUsers, type DemoUser } from './demo-users.ts';
export type { AuthTables } from './tables.ts';
