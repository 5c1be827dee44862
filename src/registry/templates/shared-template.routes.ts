import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AckChannelSchema, AckKindSchema, AckTemplateViewSchema } from '../acknowledgements/acknowledgement.schemas.ts';
import { EntityCodeParams, ErrorView } from '../mail-item.schemas.ts';
import { copySharedTemplate, listSharedTemplateViews, shareAckTemplate } from './shared-template.service.ts';

const SharedTemplateSchema = z.object({
  entityCode: z.string(), entityName: z.string(), kind: AckKindSchema, channel: AckChannelSchema, subject: z.string(), body: z.string(), updatedAt: z.string(),
});

/** Templates marked shared: visible to every entity, copied by them, edited by their owner only. */
export async function sharedTemplateRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['traitement'];

  app.get('/api/entities/:code/shared-templates', {
    schema: {
      tags, summary: 'Modèles d’accusé de réception que les autres entités partagent', params: EntityCodeParams,
      response: { 200: z.object({ templates: z.array(SharedTemplateSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'read', 'admin');
    return { templates: await listSharedTemplateViews(req.ctx, req.params.code) };
  });

  app.put('/api/entities/:code/ack-templates/:kind/sharing', {
    schema: {
      tags, summary: 'Partager (ou ne plus partager) un modèle de l’entité avec les autres entités',
      params: EntityCodeParams.extend({ kind: AckKindSchema }),
      body: z.object({ channel: AckChannelSchema, shared: z.boolean() }),
      response: { 200: AckTemplateViewSchema, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return shareAckTemplate(req.ctx, req.params.code, req.params.kind, req.body.channel, req.body.shared);
  });

  app.post('/api/entities/:code/ack-templates/:kind/copy', {
    schema: {
      tags, summary: 'Reprendre dans l’entité le modèle partagé d’une autre entité (la copie est ensuite modifiable ici seulement)',
      params: EntityCodeParams.extend({ kind: AckKindSchema }),
      body: z.object({ fromEntityCode: z.string().min(1).max(40), channel: AckChannelSchema }),
      response: { 200: AckTemplateViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return copySharedTemplate(req.ctx, req.params.code, { fromEntityCode: req.body.fromEntityCode, kind: req.params.kind, channel: req.body.channel });
  });
}
