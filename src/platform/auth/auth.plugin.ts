import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import type { AuthCookies } from './auth-cookies.ts';
import { authConfigFrom, servedOverHttps, type AuthConfig } from './auth-config.ts';
import { authRoutes } from './auth.routes.ts';
import { createOidcClient } from './oidc.service.ts';
import { loadPrincipal } from './principal.service.ts';
import { resolveBearerPrincipal } from '../api-tokens/api-token.service.ts';
import type { SessionRow } from './session.queries.ts';
import { resolveSession } from './session.service.ts';

export interface AuthPluginOptions {
  /** The auth configuration; default: the auth keys of ctx.config (see auth-config.ts). */
  config?: AuthConfig;
  /** Sign-in attempts allowed per client address and minute (default 10). */
  loginAttemptsPerMinute?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session behind the cookie, null when signed out (set by authPlugin). */
    authSession: SessionRow | null;
  }
  interface FastifyContextConfig {
    /** false: this route creates a session and checks no CSRF token (sign-in). */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Security headers, session cookie → req.principal, CSRF on state-changing requests, and the
 * /api/auth routes. Call it on the root instance before other routes (it adds hooks to the
 * instance it is given, without encapsulation), so the SPA's pages get the headers too.
 */
export async function authPlugin(app: FastifyInstance, ctx: Ctx, options: AuthPluginOptions = {}): Promise<void> {
  const config = options.config ?? authConfigFrom(ctx.config);
  const https = servedOverHttps(config);
  const cookies: AuthCookies = {
    session: https ? '__Host-octo_session' : 'octo_session',
    oidcFlow: https ? '__Host-octo_oidc' : 'octo_oidc',
    secure: https,
  };
  const oidcClient = createOidcClient(config);

  if (!app.hasReplyDecorator('setCookie')) await app.register(cookie);
  await app.register(helmet, {
    // A Vite-built React SPA and the DSFR (fonts, icons, CSS) all served from this origin.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // DSFR components and react-dsfr set inline styles; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(config.oidcIssuer ? [new URL(config.oidcIssuer).origin] : [])],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false });

  app.decorateRequest('principal', null);
  app.decorateRequest('authSession', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[cookies.session];
    if (token) {
      const resolved = await resolveSession(ctx, token);
      if (resolved) {
        req.authSession = resolved.session;
        req.principal = await loadPrincipal(ctx, resolved.user);
      }
    } else if (/^bearer /i.test(req.headers.authorization ?? '')) {
      // An application's API token, used only without a session cookie: a browser request that
      // carries the cookie stays a session request and keeps its CSRF check below.
      req.principal = await resolveBearerPrincipal(ctx, req.headers.authorization!);
    }
    if (!UNSAFE_METHODS.has(req.method)) return;
    // A browser's cross-site request is refused outright, signed in or not (login CSRF too).
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && origin !== expectedOrigin(req, config)) {
      throw new OctoError('AUTH_CSRF_INVALID', `cross-origin ${req.method} from ${origin}`);
    }
    if (origin === 'null') throw new OctoError('AUTH_CSRF_INVALID', 'opaque origin');
    if (!req.authSession || req.routeOptions.config?.csrf === false) return;
    const given = req.headers['x-csrf-token'];
    if (typeof given !== 'string' || !sameToken(given, req.authSession.csrf_token)) {
      req.log.warn({ event: 'auth.csrf.refused', method: req.method, url: req.routeOptions.url }, 'CSRF token missing or wrong');
      throw new OctoError('AUTH_CSRF_INVALID', 'csrf token missing or wrong');
    }
  });

  await authRoutes(app, ctx, { cookies, oidcClient, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 });
}

function expectedOrigin(req: FastifyRequest, config: AuthConfig): string {
  return config.publicUrl ? new URL(config.publicUrl).origin : `${req.protocol}://${req.host}`;
}
