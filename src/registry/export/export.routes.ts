import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import { requireItemInScope } from '../mail-access.ts';
import { OctoError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { EntityCodeParams, ErrorView } from '../mail-item.schemas.ts';
import { exportMailItem, getExportPackage } from './export.service.ts';

const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });

export const ExportBody = z.object({
  recipientName: z.string().trim().min(1, 'indiquez l’administration destinataire').max(300).describe('L’administration compétente, hors plateforme'),
  recipientAddress: z.array(z.string().trim().max(200)).max(8).optional().describe('Son adresse postale, ligne par ligne'),
  reason: z.string().trim().max(1000).optional().describe('Motif de la transmission (défaut : incompétence, L114-2)'),
});

export const ExportInfoSchema = z.object({
  chrono: z.string(),
  filename: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  transferredOutAt: z.string(),
  recipient: z.object({ name: z.string(), addressLines: z.array(z.string()) }),
  reason: z.string(),
});

/** Transfer to an administration outside the platform, as a file package (CRPA L114-2). */
export async function exportRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['traitement'];

  app.post('/api/entities/:code/mail-items/:chrono/export', {
    schema: {
      tags,
      summary: 'Transmettre à une administration hors plateforme (L114-2) : produit le paquet ZIP (originaux, PDF recherchables, manifeste, bordereau, empreintes) et classe le courrier « transmis hors plateforme »',
      params: ItemParams,
      body: ExportBody,
      response: { 201: ExportInfoSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return reply.code(201).send(await exportMailItem(req.ctx, req.params.code, req.params.chrono, req.body));
  });

  app.get('/api/entities/:code/mail-items/:chrono/export', {
    schema: {
      tags,
      summary: 'La transmission hors plateforme d’un courrier (export : null s’il n’a pas été transmis)',
      params: ItemParams,
      response: { 200: z.object({ export: ExportInfoSchema.nullable() }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    // Not transferred out is the usual state of an item, not an error.
    try {
      return { export: (await getExportPackage(req.ctx, req.params.code, req.params.chrono)).info };
    } catch (error) {
      if (error instanceof OctoError && error.code === 'REGISTRY_EXPORT_NOT_FOUND') return { export: null };
      throw error;
    }
  });

  app.get('/api/entities/:code/mail-items/:chrono/export.zip', {
    schema: {
      tags, summary: 'Télécharger le paquet de transmission (ZIP)', params: ItemParams, produces: ['application/zip'],
      response: { 200: z.any().describe('Le ZIP'), 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const pkg = await getExportPackage(req.ctx, req.params.code, req.params.chrono);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${pkg.info.filename}"`)
      .header('x-octo-sha256', pkg.info.sha256)
      .send(pkg.bytes);
  });
}
