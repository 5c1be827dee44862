import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import type { IntakeFile } from '../intake.service.ts';
import { ingestScanBatch, type BatchResult } from './batch-split.service.ts';
import { BatchResultsSchema, FormFlagSchema, SeparatorSheetQuerySchema } from './scanner.schemas.ts';
import { makeSeparatorSheet } from './separator-sheet.ts';

export async function scannerRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/entities/:code/batch-scans', {
    schema: {
      tags: ['courriers'],
      summary: 'Dépôt de lots numérisés : chaque lot est découpé en courriers sur les feuilles de séparation',
      description:
        'multipart/form-data : des parties `file` (PDF ou TIFF multipage ; une image seule est un courrier), et en option `split` (true par défaut : découpe sur les feuilles de séparation, pages blanches retirées) et `stamp` (true/false : numéro chrono en code-barres sur la version PDF dérivée ; défaut : OCTO_SCAN_STAMP). Chaque courrier est enregistré (canal scan) et, si la feuille nomme un service, attribué à ce service.',
      consumes: ['multipart/form-data'],
      params: EntityCodeParams,
      response: { 201: BatchResultsSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 413: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'register');
    if (!req.isMultipart()) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'multipart expected', { detailFr: 'Envoyez les lots en multipart/form-data.' });
    }
    const files: IntakeFile[] = [];
    const flags: { split: boolean; stamp?: boolean } = { split: true };
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        files.push({ filename: part.filename || 'lot-sans-nom.pdf', bytes: await part.toBuffer() });
      } else if (part.fieldname === 'split' || part.fieldname === 'stamp') {
        const parsed = FormFlagSchema.safeParse(part.value);
        if (!parsed.success) {
          throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad ${part.fieldname}`, { detailFr: `Le champ ${part.fieldname} vaut true ou false.` });
        }
        flags[part.fieldname] = parsed.data;
      }
    }
    if (files.length === 0) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'no file', { detailFr: 'Aucun fichier reçu.' });
    const results: BatchResult[] = [];
    for (const file of files) {
      results.push(await ingestScanBatch(req.ctx, req.params.code, file, { split: flags.split, stamp: flags.stamp, source: 'api' }));
    }
    return reply.status(201).send({ results });
  });

  app.get('/api/entities/:code/separator-sheet.pdf', {
    schema: {
      tags: ['courriers'],
      summary: 'La feuille de séparation à imprimer (PDF A4, code QR avec l’entité et, en option, le service destinataire)',
      params: EntityCodeParams,
      querystring: SeparatorSheetQuerySchema,
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'register');
    const pdf = await makeSeparatorSheet(req.ctx, { entityCode: req.params.code, serviceCode: req.query.service, count: req.query.count });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="feuille-de-separation.pdf"').send(pdf);
  });
}
