import { z } from 'zod';

// Request and response shapes of /api/auth (zod only: the web application reuses them).

export const RoleSchema = z.enum(['platform_admin', 'entity_admin', 'mailroom_agent', 'service_agent', 'head_of_service', 'auditor']);

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(320).describe('Adresse électronique professionnelle'),
  password: z.string().min(1).max(1024).describe('Mot de passe'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().max(1024).describe('Mot de passe actuel (vide pour un compte sans mot de passe)'),
  newPassword: z.string().min(1).max(1024).describe('Nouveau mot de passe'),
});

export const OidcStartQuery = z.object({
  returnTo: z.string().max(2048).optional().describe('Chemin de l’application où revenir après la connexion'),
});

export const PrincipalMembershipView = z.object({
  entityId: z.string(),
  entityCode: z.string(),
  serviceId: z.string().nullable(),
  serviceCode: z.string().nullable(),
  role: RoleSchema.exclude(['platform_admin']),
  viaDelegationFrom: z.object({ userId: z.string(), displayName: z.string(), absenceId: z.string() }).optional(),
});

export const PrincipalView = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(PrincipalMembershipView),
});

export const SessionView = z.object({
  principal: PrincipalView,
  csrfToken: z.string().describe('À renvoyer dans l’en-tête x-csrf-token de toute requête qui modifie des données'),
  expiresAt: z.string(),
  authMethod: z.enum(['password', 'oidc']),
});

export const ProvidersView = z.object({
  password: z.boolean(),
  oidc: z.boolean(),
});

export const AuthErrorView = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
