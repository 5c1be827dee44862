import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { listEntityViews } from './entity.service.ts';
import {
  EntityCodeParams,
  EntityListView,
  ErrorView,
  InboxQuerySchema,
  InboxView,
  MailItemDetailSchema,
  MailItemHistorySchema,
  SearchQuerySchema,
  SearchView,
} from './mail-item.schemas.ts';
import { getMailItemDetail, getMailItemHistory, listInbox, searchInbox } from './mail-item.service.ts';
import { mailScope, requireItemInScope } from './mail-access.ts';
import { requirePrincipal } from '../platform/auth/permissions.ts';

export async function registryRoutes(server: FastifyInstance, ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/entities', {
    schema: {
      tags: ['entités'],
      summary: 'Les entités de la plateforme et leurs services, avec les rôles de l’agent connecté dans chacune',
      response: { 200: EntityListView, 401: ErrorView },
    },
  }, async (req) => {
    // Entities and services are not secret (a transfer names its target); their mail is.
    const principal = requirePrincipal(req);
    const entities = await listEntityViews(ctx);
    return {
      entities: entities.map((entity) => ({
        ...entity,
        myRoles: [...new Set(principal.memberships.filter((m) => m.entityCode === entity.code).map((m) => m.role))],
      })),
    };
  });

  app.get('/api/entities/:code/mail-items', {
    schema: {
      tags: ['courriers'],
      summary: 'Le registre d’une entité (les plus récents d’abord), filtré',
      params: EntityCodeParams,
      querystring: InboxQuerySchema,
      response: { 200: InboxView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const scope = await mailScope(req, req.params.code, 'read');
    return listInbox(req.ctx, req.params.code, req.query, scope.serviceIds);
  });

  app.get('/api/entities/:code/mail-items/:chrono', {
    schema: {
      tags: ['courriers'],
      summary: 'Un courrier : ses documents, les champs extraits, les alertes',
      params: EntityCodeParams.extend({ chrono: z.string().min(1).max(64) }),
      response: { 200: MailItemDetailSchema, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    return getMailItemDetail(req.ctx, req.params.code, req.params.chrono);
  });

  app.get('/api/entities/:code/mail-items/:chrono/history', {
    schema: {
      tags: ['courriers'],
      summary: 'L’historique d’un courrier (journal d’audit chaîné : qui, quoi, quand, d’où)',
      params: EntityCodeParams.extend({ chrono: z.string().min(1).max(64) }),
      response: { 200: MailItemHistorySchema, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read', 'audit');
    return getMailItemHistory(req.ctx, req.params.code, req.params.chrono);
  });

  app.get('/api/entities/:code/search', {
    schema: {
      tags: ['courriers'],
      summary: 'Recherche plein texte (insensible aux accents et à la casse), classée par pertinence',
      params: EntityCodeParams,
      querystring: SearchQuerySchema,
      response: { 200: SearchView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const scope = await mailScope(req, req.params.code, 'read');
    const { q, ...query } = req.query;
    return searchInbox(req.ctx, req.params.code, q, query, scope.serviceIds);
  });
}
