import * as oidc from 'openid-client';
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { oidcEnabled, type AuthConfig } from './auth-config.ts';
import { deleteExpiredOidcFlows, insertOidcFlow, takeOidcFlow } from './session.queries.ts';
import { randomToken, sha256Hex } from './session.service.ts';
import { findUserByEmail, findUserByOidcIdentity, updateUser, type UserRow } from './user.queries.ts';
import { normalizeEmail } from './user.service.ts';

// OpenID Connect sign-in, ready for ProConnect (the State agents' identity federation):
// authorization code + PKCE (S256) + state + nonce, client_secret_post, userinfo possibly signed
// (ProConnect signs it: OCTO_OIDC_USERINFO_SIGNED_RESPONSE_ALG=RS256). ProConnect's identity:
// sub, email (professional), given_name, usual_name, uid (the identity provider's id), siret
// (the employer), idp_id; optional phone, organizational_unit, belonging_population.
// No self-registration: the first sign-in links the OIDC identity to the account an
// administrator created for that e-mail; any other e-mail is refused.

const FLOW_TTL_MS = 10 * 60_000;

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean | undefined;
  givenName?: string;
  usualName?: string;
  uid?: string;
  siret?: string;
}

export interface OidcClient {
  /** Starts a flow: the token for the browser's flow cookie and the provider's authorization URL. */
  start(ctx: Ctx, returnTo: string): Promise<{ flowToken: string; authorizationUrl: string }>;
  /** Ends a flow: the account it signs in (linked on first use), and where to send the browser. */
  finish(ctx: Ctx, flowToken: string | undefined, callbackQuery: string): Promise<{ user: UserRow; returnTo: string; identity: OidcIdentity }>;
}

function isLoopback(url: string): boolean {
  const { hostname, protocol } = new URL(url);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** Only a path of this site: no scheme, no host, no protocol-relative "//". */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

export function createOidcClient(config: AuthConfig): OidcClient | null {
  if (!oidcEnabled(config)) return null;
  const issuer = config.oidcIssuer!;
  const redirectUri = config.oidcRedirectUri!;
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(issuer),
        config.oidcClientId!,
        {
          redirect_uris: [redirectUri],
          response_types: ['code'],
          id_token_signed_response_alg: config.oidcIdTokenSignedResponseAlg,
          ...(config.oidcUserinfoSignedResponseAlg ? { userinfo_signed_response_alg: config.oidcUserinfoSignedResponseAlg } : {}),
        },
        oidc.ClientSecretPost(config.oidcClientSecret!),
        // Plain http only for a provider on this machine (the tests' local provider).
        isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = null; // try again on the next sign-in
        throw error;
      });
    return discovered;
  };

  return {
    async start(ctx, returnTo) {
      let server: oidc.Configuration;
      try {
        server = await configuration();
      } catch (error) {
        ctx.logger.error({ err: error, event: 'auth.oidc.discovery_failed' }, 'OIDC discovery failed');
        throw new OctoError('AUTH_OIDC_FAILED', 'discovery failed');
      }
      const flowToken = randomToken();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const now = ctx.clock.now();
      await deleteExpiredOidcFlows(ctx.db, now.toISOString());
      await insertOidcFlow(ctx.db, {
        id: sha256Hex(flowToken),
        state,
        nonce,
        code_verifier: codeVerifier,
        return_to: safeReturnTo(returnTo),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + FLOW_TTL_MS).toISOString(),
      });
      const url = oidc.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: config.oidcScopes,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { flowToken, authorizationUrl: url.href };
    },

    async finish(ctx, flowToken, callbackQuery) {
      const flow = flowToken ? await takeOidcFlow(ctx.db, sha256Hex(flowToken), ctx.clock.now().toISOString()) : undefined;
      if (!flow) throw new OctoError('AUTH_OIDC_FAILED', 'no or expired flow');
      let identity: OidcIdentity;
      try {
        const server = await configuration();
        const currentUrl = new URL(redirectUri);
        currentUrl.search = callbackQuery;
        const tokens = await oidc.authorizationCodeGrant(server, currentUrl, {
          pkceCodeVerifier: flow.code_verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        const info = await oidc.fetchUserInfo(server, tokens.access_token, claims.sub);
        const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
        const email = str(info.email) ?? str(claims.email);
        if (!email) throw new Error('no email claim');
        const verified = info.email_verified ?? claims.email_verified;
        identity = {
          issuer: server.serverMetadata().issuer,
          subject: claims.sub,
          email: normalizeEmail(email),
          emailVerified: typeof verified === 'boolean' ? verified : undefined,
          givenName: str(info.given_name) ?? str(claims.given_name),
          usualName: str(info.usual_name) ?? str(claims.usual_name) ?? str(info.family_name),
          uid: str(info.uid),
          siret: str(info.siret),
        };
      } catch (error) {
        if (error instanceof OctoError) throw error;
        ctx.logger.warn({ event: 'auth.oidc.callback_failed', err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'OIDC callback failed');
        throw new OctoError('AUTH_OIDC_FAILED', 'callback failed');
      }
      const user = await linkOidcIdentity(ctx, identity);
      return { user, returnTo: flow.return_to, identity };
    },
  };
}

/**
 * The account of an OIDC identity: already linked by (issuer, sub), or found by e-mail and
 * linked now. ProConnect does not send email_verified (its e-mails are professional addresses
 * checked by the federation); an explicit email_verified=false is refused.
 */
export async function linkOidcIdentity(ctx: Ctx, identity: OidcIdentity): Promise<UserRow> {
  const now = ctx.clock.now().toISOString();
  let user = await findUserByOidcIdentity(ctx.db, identity.issuer, identity.subject);
  if (!user) {
    if (identity.emailVerified === false) throw new OctoError('AUTH_OIDC_EMAIL_UNVERIFIED', 'email not verified');
    const byEmail = await findUserByEmail(ctx.db, identity.email);
    if (!byEmail) {
      ctx.logger.info({ event: 'auth.oidc.unknown_user' }, 'OIDC sign-in without account');
      throw new OctoError('AUTH_OIDC_UNKNOWN_USER', 'no account for this email');
    }
    if (byEmail.oidc_subject && (byEmail.oidc_issuer !== identity.issuer || byEmail.oidc_subject !== identity.subject)) {
      ctx.logger.warn({ event: 'auth.oidc.identity_conflict', userId: byEmail.id }, 'account linked to another OIDC identity');
      throw new OctoError('AUTH_OIDC_UNKNOWN_USER', 'account linked to another identity');
    }
    await updateUser(ctx.db, byEmail.id, { oidc_issuer: identity.issuer, oidc_subject: identity.subject });
    ctx.logger.info({ event: 'auth.oidc.linked', userId: byEmail.id }, 'OIDC identity linked');
    user = { ...byEmail, oidc_issuer: identity.issuer, oidc_subject: identity.subject };
  }
  if (user.status !== 'active') throw new OctoError('AUTH_ACCOUNT_DISABLED', 'account disabled');
  await updateUser(ctx.db, user.id, { last_login_at: now });
  return user;
}
