import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../platform/auth/index.ts';
import type { Ctx } from '../platform/context.ts';
import { BasketItemsView, BasketListView, BasketQuerySchema } from './baskets.schemas.ts';
import { listBasketItems, listBaskets } from './baskets.service.ts';
import { EntityCodeParams, ErrorView } from './mail-item.schemas.ts';

export async function basketRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['bannettes'];

  app.get('/api/entities/:code/baskets', {
    schema: {
      tags,
      summary: 'Les bannettes de l’agent connecté (à qualifier, à traiter, en copie, en retard) et leurs effectifs',
      params: EntityCodeParams,
      querystring: BasketQuerySchema,
      response: { 200: BasketListView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const access = requireEntityPermission(req, req.params.code, 'read');
    return listBaskets(req.ctx, req.params.code, access, req.query);
  });

  app.get('/api/entities/:code/baskets/:basket/items', {
    schema: {
      tags,
      summary: 'Les courriers d’une bannette, échéance la plus proche en tête, selon les rôles de l’agent',
      params: EntityCodeParams.extend({ basket: z.string().min(1).max(40) }),
      querystring: BasketQuerySchema.extend({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: BasketItemsView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const access = requireEntityPermission(req, req.params.code, 'read');
    return listBasketItems(req.ctx, req.params.code, req.params.basket, access, req.query);
  });
}
