import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { OctoError, isOctoError } from '../errors.ts';
import { clearOidcFlowCookie, clearSessionCookie, setOidcFlowCookie, setSessionCookie, type AuthCookies } from './auth-cookies.ts';
import { AuthErrorView, ChangePasswordBody, LoginBody, OidcStartQuery, ProvidersView, SessionView } from './auth.schemas.ts';
import { authenticatePassword } from './login.service.ts';
import type { OidcClient } from './oidc.service.ts';
import { requirePrincipal } from './permissions.ts';
import { loadPrincipal } from './principal.service.ts';
import type { SessionRow } from './session.queries.ts';
import { createSession, resolveSession, revokeSession } from './session.service.ts';
import { changeOwnPassword } from './user.service.ts';

interface AuthRoutesOptions {
  cookies: AuthCookies;
  oidcClient: OidcClient | null;
  loginAttemptsPerMinute: number;
}

/** Where the web application shows sign-in errors of browser redirects (the code selects the French text). */
export const SIGN_IN_PAGE = '/connexion';

export async function authRoutes(server: FastifyInstance, ctx: Ctx, options: AuthRoutesOptions) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { cookies, oidcClient } = options;

  const sessionView = (session: SessionRow, principal: NonNullable<FastifyRequest['principal']>) => ({
    principal,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
    authMethod: session.auth_method,
  });

  const openSession = async (req: FastifyRequest, reply: FastifyReply, userId: string, authMethod: 'password' | 'oidc') => {
    // A new session on every sign-in (no fixation): the one the browser had is revoked.
    if (req.authSession) await revokeSession(ctx, req.authSession.id);
    const { token, session } = await createSession(ctx, userId, { authMethod, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    setSessionCookie(reply, cookies, token);
    req.log.info({ event: 'auth.session.created', userId, authMethod }, 'signed in');
    return { token, session };
  };

  app.get('/api/auth/providers', {
    schema: { tags: ['authentification'], summary: 'Les modes de connexion proposés', response: { 200: ProvidersView } },
  }, async () => ({ password: true, oidc: oidcClient !== null }));

  app.post('/api/auth/login', {
    config: { csrf: false, rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: 60_000, errorResponseBuilder: () => new OctoError('AUTH_RATE_LIMITED', 'login rate limited') } },
    schema: {
      tags: ['authentification'],
      summary: 'Connexion par adresse électronique et mot de passe',
      body: LoginBody,
      response: { 200: SessionView, 401: AuthErrorView, 429: AuthErrorView },
    },
  }, async (req, reply) => {
    const user = await authenticatePassword(ctx, req.body.email, req.body.password);
    const { token, session } = await openSession(req, reply, user.id, 'password');
    const resolved = await resolveSession(ctx, token);
    if (!resolved) throw new OctoError('AUTH_REQUIRED', 'session vanished');
    return sessionView(session, await loadPrincipal(ctx, resolved.user));
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['authentification'], summary: 'Déconnexion (la session est révoquée)', response: { 204: z.null(), 403: AuthErrorView } },
  }, async (req, reply) => {
    if (req.authSession) {
      await revokeSession(ctx, req.authSession.id);
      req.log.info({ event: 'auth.session.revoked', userId: req.authSession.user_id }, 'signed out');
    }
    clearSessionCookie(reply, cookies);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/session', {
    schema: {
      tags: ['authentification'],
      summary: 'La session en cours : l’agent, ses rattachements et le jeton anti-falsification',
      response: { 200: SessionView, 401: AuthErrorView },
    },
  }, async (req) => {
    const principal = requirePrincipal(req);
    return sessionView(req.authSession!, principal);
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['authentification'],
      summary: 'Changer son mot de passe (les autres sessions sont révoquées)',
      body: ChangePasswordBody,
      response: { 204: z.null(), 400: AuthErrorView, 401: AuthErrorView, 403: AuthErrorView, 422: AuthErrorView },
    },
  }, async (req, reply) => {
    const principal = requirePrincipal(req);
    await changeOwnPassword(ctx, principal.userId, req.body.currentPassword, req.body.newPassword, req.authSession!.id);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/oidc/start', {
    schema: {
      tags: ['authentification'],
      summary: 'Connexion par le fournisseur d’identité (ProConnect) : redirige vers lui',
      querystring: OidcStartQuery,
      response: { 302: z.null(), 404: AuthErrorView },
    },
  }, async (req, reply) => {
    if (!oidcClient) throw new OctoError('AUTH_OIDC_DISABLED', 'oidc not configured');
    const { flowToken, authorizationUrl } = await oidcClient.start(ctx, req.query.returnTo ?? '/');
    setOidcFlowCookie(reply, cookies, flowToken);
    return reply.redirect(authorizationUrl, 302);
  });

  app.get('/api/auth/oidc/callback', {
    config: { csrf: false },
    schema: {
      tags: ['authentification'],
      summary: 'Retour du fournisseur d’identité : ouvre la session, ou renvoie vers la page de connexion avec le motif',
      response: { 303: z.null(), 404: AuthErrorView },
    },
  }, async (req, reply) => {
    if (!oidcClient) throw new OctoError('AUTH_OIDC_DISABLED', 'oidc not configured');
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    clearOidcFlowCookie(reply, cookies);
    try {
      const { user, returnTo } = await oidcClient.finish(ctx, req.cookies[cookies.oidcFlow], query);
      await openSession(req, reply, user.id, 'oidc');
      return reply.redirect(returnTo, 303);
    } catch (error) {
      if (!isOctoError(error)) throw error;
      req.log.info({ event: 'auth.oidc.refused', code: error.code }, 'OIDC sign-in refused');
      return reply.redirect(`${SIGN_IN_PAGE}?erreur=${encodeURIComponent(error.code)}`, 303);
    }
  });
}
