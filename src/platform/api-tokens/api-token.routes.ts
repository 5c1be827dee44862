import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../context.ts';
import { requireEntityPermission } from '../auth/permissions.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import { ApiTokenListSchema, ApiTokenParams, ApiTokenSchema, CreateApiTokenBody, CreatedApiTokenSchema } from './api-token.schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.ts';

/** The tokens of an entity's connected applications: managed by the entity's admins only. */
export async function apiTokenRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];

  app.get('/api/entities/:code/api-tokens', {
    schema: { tags, summary: 'Les jetons d’API de l’entité (jamais le jeton lui-même)', params: EntityCodeParams, response: { 200: ApiTokenListSchema, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return { tokens: await listApiTokens(req.ctx, req.params.code) };
  });

  app.post('/api/entities/:code/api-tokens', {
    schema: {
      tags,
      summary: 'Crée un jeton d’API pour une application ; le jeton est affiché cette seule fois',
      params: EntityCodeParams,
      body: CreateApiTokenBody,
      response: { 201: CreatedApiTokenSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return reply.status(201).send(await createApiToken(req.ctx, req.params.code, req.body));
  });

  app.post('/api/entities/:code/api-tokens/:id/revoke', {
    schema: { tags, summary: 'Révoque un jeton d’API : sa prochaine requête est refusée', params: ApiTokenParams, response: { 200: ApiTokenSchema, 401: ErrorView, 404: ErrorView, 409: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return revokeApiToken(req.ctx, req.params.code, req.params.id);
  });
}
