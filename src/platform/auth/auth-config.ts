import { z } from 'zod';

// The auth part of the configuration. The lead merges AuthConfigSchema.shape into ConfigSchema
// (src/platform/config.ts) and authConfigRaw(env) into its raw object; until then authPlugin
// takes an AuthConfig directly or reads these keys from ctx.config when they are present.
export const AuthConfigSchema = z.object({
  publicUrl: z
    .string()
    .url()
    .optional()
    .describe('OCTO_PUBLIC_URL: adresse publique d’Octo (https://courrier.exemple.gouv.fr). En https, les cookies sont « Secure » et préfixés __Host-. Absent : http local.'),
  oidcIssuer: z
    .string()
    .url()
    .optional()
    .describe('OCTO_OIDC_ISSUER: émetteur OpenID Connect (ProConnect : https://auth.agentconnect.gouv.fr/api/v2 en production). Absent : connexion OIDC désactivée.'),
  oidcClientId: z.string().min(1).optional().describe('OCTO_OIDC_CLIENT_ID: identifiant du client OIDC fourni par le fournisseur d’identité.'),
  oidcClientSecret: z.string().min(1).optional().describe('OCTO_OIDC_CLIENT_SECRET: secret du client OIDC (à fournir par l’environnement, jamais dans un fichier versionné).'),
  oidcRedirectUri: z
    .string()
    .url()
    .optional()
    .describe('OCTO_OIDC_REDIRECT_URI: adresse de retour déclarée auprès du fournisseur, se terminant par /api/auth/oidc/callback.'),
  oidcScopes: z
    .string()
    .min(1)
    .describe('OCTO_OIDC_SCOPES: portées demandées. Défaut : « openid email given_name usual_name » (ProConnect).'),
  oidcUserinfoSignedResponseAlg: z
    .string()
    .optional()
    .describe('OCTO_OIDC_USERINFO_SIGNED_RESPONSE_ALG: algorithme de signature des réponses userinfo quand le fournisseur les signe (ProConnect : RS256). Absent : userinfo en JSON.'),
  oidcIdTokenSignedResponseAlg: z
    .string()
    .min(1)
    .describe('OCTO_OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: algorithme de signature attendu des jetons d’identité. Défaut : RS256.'),
});

export type AuthConfig = Readonly<z.infer<typeof AuthConfigSchema>>;

const OIDC_KEYS = ['oidcIssuer', 'oidcClientId', 'oidcClientSecret', 'oidcRedirectUri'] as const;

/** The raw values, keyed like the schema, from an environment object. */
export function authConfigRaw(env: Record<string, string | undefined>) {
  return {
    publicUrl: env.OCTO_PUBLIC_URL || undefined,
    oidcIssuer: env.OCTO_OIDC_ISSUER || undefined,
    oidcClientId: env.OCTO_OIDC_CLIENT_ID || undefined,
    oidcClientSecret: env.OCTO_OIDC_CLIENT_SECRET || undefined,
    oidcRedirectUri: env.OCTO_OIDC_REDIRECT_URI || undefined,
    oidcScopes: env.OCTO_OIDC_SCOPES || 'openid email given_name usual_name',
    oidcUserinfoSignedResponseAlg: env.OCTO_OIDC_USERINFO_SIGNED_RESPONSE_ALG || undefined,
    oidcIdTokenSignedResponseAlg: env.OCTO_OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG || 'RS256',
  };
}

/** OIDC is all or nothing: the four variables together, or none. Returns the problems, in French. */
export function checkAuthConfig(config: AuthConfig): string[] {
  const set = OIDC_KEYS.filter((key) => config[key]);
  if (set.length === 0 || set.length === OIDC_KEYS.length) return [];
  const missing = OIDC_KEYS.filter((key) => !config[key]).map((key) => `OCTO_${key.replace('oidc', 'OIDC_').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`);
  return [`connexion OIDC incomplète : il manque ${missing.join(', ')}`];
}

/** Parses an environment object (tests, and the CLI until config.ts carries these keys). */
export function loadAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const parsed = AuthConfigSchema.safeParse(authConfigRaw(env));
  const problems = parsed.success
    ? checkAuthConfig(parsed.data)
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) throw new Error(`Configuration invalide :\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return Object.freeze(parsed.data);
}

/** The auth keys of the platform configuration, once merged; defaults otherwise. */
export function authConfigFrom(config: object): AuthConfig {
  const defaults = authConfigRaw({});
  const picked = Object.fromEntries(Object.keys(AuthConfigSchema.shape).map((key) => [key, (config as Record<string, unknown>)[key]]).filter(([, v]) => v !== undefined));
  return Object.freeze(AuthConfigSchema.parse({ ...defaults, ...picked }));
}

export function oidcEnabled(config: AuthConfig): boolean {
  return Boolean(config.oidcIssuer && config.oidcClientId && config.oidcClientSecret && config.oidcRedirectUri);
}

export function servedOverHttps(config: AuthConfig): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}
