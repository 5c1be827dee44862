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

export async function registryRoutes(server: FastifyInstance, ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/entities', {
    schema: { tags: ['entités'], summary: 'Les entités de la plateforme et leurs services', response: { 200: EntityListView } },
  }, async () => ({ entities: await listEntityViews(ctx) }));

  app.get('/api/entities/:code/mail-items', {
    schema: {
      tags: ['courriers'],
      summary: 'Le registre d’une entité (les plus récents d’abord), filtré',
      params: EntityCodeParams,
      querystring: InboxQuerySchema,
      response: { 200: InboxView, 404: ErrorView },
    },
  }, async (req) => listInbox(req.ctx, req.params.code, req.query));

  app.get('/api/entities/:code/mail-items/:chrono', {
    schema: {
      tags: ['courriers'],
      summary: 'Un courrier : ses documents, les champs extraits, les alertes',
      params: EntityCodeParams.extend({ chrono: z.string().min(1).max(64) }),
      response: { 200: MailItemDetailSchema, 404: ErrorView },
    },
  }, async (req) => getMailItemDetail(req.ctx, req.params.code, req.params.chrono));

  app.get('/api/entities/:code/mail-items/:chrono/history', {
    schema: {
      tags: ['courriers'],
      summary: 'L’historique d’un courrier (journal d’audit chaîné : qui, quoi, quand, d’où)',
      params: EntityCodeParams.extend({ chrono: z.string().min(1).max(64) }),
      response: { 200: MailItemHistorySchema, 404: ErrorView },
    },
  }, async (req) => getMailItemHistory(req.ctx, req.params.code, req.params.chrono));

  app.get('/api/entities/:code/search', {
    schema: {
      tags: ['courriers'],
      summary: 'Recherche plein texte (insensible aux accents et à la casse), classée par pertinence',
      params: EntityCodeParams,
      querystring: SearchQuerySchema,
      response: { 200: SearchView, 400: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const { q, ...query } = req.query;
    return searchInbox(req.ctx, req.params.code, q, query);
  });
}
