import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { authPlugin } from '../auth/index.ts';
import type { AuthPluginOptions } from '../auth/auth.plugin.ts';
import { ERROR_CATALOGUE, isOctoError, OctoError } from '../errors.ts';
import { requirePrincipal } from '../auth/permissions.ts';

export type OctoServer = FastifyInstance;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}
export type RoutePlugin = (app: FastifyInstance, ctx: Ctx) => Promise<void> | void;

// Validation messages are read by agents: zod says them in French.
z.config(z.locales.fr());

/** API routes open without signing in: sign-in itself, health, the API's documentation, and the public's own pages. */
const PUBLIC_API_ROUTES = ['/api/auth/', '/api/health', '/api/openapi.json', '/api/docs', '/api/public/'];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The HTTP edge: parses, calls services, shapes replies; errors become { code, message, details }. */
export async function buildServer(ctx: Ctx, routes: RoutePlugin[], options: { auth?: AuthPluginOptions } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(multipart, {
    limits: { fileSize: Math.floor(ctx.config.maxUploadMb * 1024 * 1024), files: 50, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Octo — API REST',
        description: 'Chaîne du courrier des administrations territoriales de l’État : enregistrement, numérisation, recherche.',
        version: '0.1.0',
      },
      servers: [],
      tags: [
        { name: 'entités', description: 'Entités de la plateforme et leurs services' },
        { name: 'courriers', description: 'Registre des courriers' },
        { name: 'documents', description: 'Documents d’un courrier' },
        { name: 'quarantaine', description: 'Fichiers refusés, avec leur motif' },
        { name: 'traitement', description: 'Qualification, attribution, échéances légales (CRPA), accusés de réception, transmissions' },
        { name: 'pilotage', description: 'Indicateurs par entité et pour la plateforme, export CSV' },
        { name: 'administration', description: 'Agents, rôles, absences et services d’une entité ; entités de la plateforme' },
        { name: 'applications', description: 'Applications connectées : jetons d’API, notifications signées (webhooks) et leur journal' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (isOctoError(error)) {
      if (error.status >= 500) request.log.error({ err: error, code: error.code }, 'request failed');
      return reply.status(error.status).send({ code: error.code, message: error.frenchMessage, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const where = (v.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
        return where ? `${where} : ${v.message}` : `${v.message}`;
      });
      return reply.status(400).send({
        code: 'PLATFORM_VALIDATION_FAILED',
        message: `${ERROR_CATALOGUE.PLATFORM_VALIDATION_FAILED.fr} ${issues.join(' ; ')}`,
        details: { issues },
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413 || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({
        code: 'PLATFORM_PAYLOAD_TOO_LARGE',
        message: `${ERROR_CATALOGUE.PLATFORM_PAYLOAD_TOO_LARGE.fr} Limite : ${ctx.config.maxUploadMb} Mo par fichier.`,
        details: { maxUploadMb: ctx.config.maxUploadMb },
      });
    }
    // A request cut short (truncated multipart, broken JSON) is the client's fault, said plainly.
    const interrupted = /Part terminated early|Unexpected end of (form|multipart)|premature close/i.test(error.message);
    if (interrupted || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      const detail = interrupted
        ? 'L’envoi a été interrompu avant la fin : aucun fichier n’a été enregistré, recommencez.'
        : 'Le corps de la requête n’est pas un JSON valide.';
      return reply.status(400).send({ code: 'PLATFORM_VALIDATION_FAILED', message: `${ERROR_CATALOGUE.PLATFORM_VALIDATION_FAILED.fr} ${detail}`, details: {} });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'PLATFORM_VALIDATION_FAILED', message: `${ERROR_CATALOGUE.PLATFORM_VALIDATION_FAILED.fr} ${error.message}`, details: {} });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ code: 'PLATFORM_INTERNAL', message: ERROR_CATALOGUE.PLATFORM_INTERNAL.fr, details: {} });
  });

  // Sessions, CSRF, security headers and the /api/auth routes.
  await authPlugin(app as unknown as FastifyInstance, ctx, options.auth);

  // Each request works with its own context: its logger and who acts (the signed-in agent), so
  // that services and the audit log know the request's origin.
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request) => {
    request.ctx = {
      ...ctx,
      logger: request.log as unknown as Ctx['logger'],
      actor: request.principal?.apiToken
        ? { type: 'api', id: request.principal.apiToken.id, label: request.principal.apiToken.name, source: request.ip }
        : request.principal
        ? { type: 'user', id: request.principal.userId, label: request.principal.displayName, source: request.ip }
        : { type: 'user', id: null, label: 'Anonyme', source: request.ip },
    };
  });

  // Defense in depth behind each route's own guard: every API route needs a signed-in agent
  // unless listed here, and every /api/entities/:code route a role in that entity (404 otherwise,
  // before the body is even validated, so a foreign agent learns nothing from error shapes).
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route || !route.startsWith('/api/') || PUBLIC_API_ROUTES.some((prefix) => route.startsWith(prefix))) return;
    const principal = requirePrincipal(request);
    if (route.startsWith('/api/entities/:code')) {
      const code = (request.params as { code?: string }).code ?? '';
      if (!principal.memberships.some((m) => m.entityCode === code)) {
        throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `no membership in entity ${code}`, { entityCode: code });
      }
    }
  });

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', database: ctx.dialect, queue: ctx.jobs.kind }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    for (const plugin of routes) await plugin(api, ctx);
  });

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    // The single-page application answers every non-API path.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.status(404).send({ code: 'PLATFORM_NOT_FOUND', message: ERROR_CATALOGUE.PLATFORM_NOT_FOUND.fr, details: {} });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(
        '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Octo</title><p>L’application web n’est pas construite : lancez <code>npm run build</code>. L’API est disponible sous <a href="/api/docs">/api/docs</a>.</p></html>',
      ),
    );
  }
  return app as unknown as FastifyInstance;
}
