import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { EntityCodeParams, ErrorView } from '../registry/mail-item.schemas.ts';
import {
  DismissBodySchema,
  DocumentParams,
  DocumentTextSchema,
  IntakeResultsSchema,
  QuarantineEntrySchema,
  QuarantineListSchema,
  QuarantineQuerySchema,
  UploadChannelSchema,
} from './capture.schemas.ts';
import { getDocumentFile, getDocumentText, mailItemIdOfDocument } from './document.service.ts';
import { mailScope, requireDocumentInScope } from '../registry/mail-access.ts';
import { ingestFile, type IntakeFile, type IntakeResult } from './intake.service.ts';
import { checkDepositRequestType, isDepositMetadataField, parseDepositMetadata, qualifyDeposited } from './deposit-metadata.ts';
import { runIdempotently } from '../platform/api-tokens/idempotency.service.ts';
import { dismissQuarantineEntry, getQuarantineOriginal, listQuarantineViews } from './quarantine.service.ts';

/** RFC 6266 header that survives accents in file names. */
function contentDisposition(filename: string, inline: boolean) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function captureRoutes(server: FastifyInstance, ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/entities/:code/mail-items', {
    schema: {
      tags: ['courriers'],
      summary: 'Dépôt de fichiers : chaque fichier devient un courrier enregistré, ou une entrée de quarantaine',
      description:
        'multipart/form-data : un champ `channel` (scan, upload, email, api ; défaut : email pour un .eml, upload sinon) puis une ou plusieurs parties `file` (PDF, TIFF, JPEG, PNG, EML). Le type est lu dans le contenu, jamais dans le nom. Champs facultatifs d’une application : `externalReference`, `senderName`, `senderAddress`, `subject`, `requestTypeCode`. En-tête facultatif `Idempotency-Key` : une même clé rejouée dans les 24 h renvoie la première réponse (en-tête `Idempotent-Replayed: true`) sans rien enregistrer de nouveau ; la même clé avec un autre contenu est refusée (409).',
      consumes: ['multipart/form-data'],
      params: EntityCodeParams,
      response: { 201: IntakeResultsSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView, 413: ErrorView },
    },
  }, async (req, reply) => {
    await mailScope(req, req.params.code, 'register');
    if (!req.isMultipart()) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'multipart expected', { detailFr: 'Envoyez les fichiers en multipart/form-data.' });
    }
    let channel: z.infer<typeof UploadChannelSchema> | null = null;
    const files: IntakeFile[] = [];
    const declaredFields: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        files.push({ filename: part.filename || 'sans-nom', bytes: await part.toBuffer() });
      } else if (part.fieldname === 'channel') {
        const parsed = UploadChannelSchema.safeParse(part.value);
        if (!parsed.success) {
          throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad channel', { detailFr: 'Canal inconnu : scan, upload, email ou api.' });
        }
        channel = parsed.data;
      } else if (isDepositMetadataField(part.fieldname)) {
        declaredFields[part.fieldname] = String(part.value);
      }
    }
    if (files.length === 0) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'no file', { detailFr: 'Aucun fichier reçu.' });
    }
    const metadata = parseDepositMetadata(declaredFields);
    await checkDepositRequestType(req.ctx, req.params.code, metadata);
    return runIdempotently(req, reply, { entityCode: req.params.code, request: { channel, metadata, files } }, async () => {
      const results: IntakeResult[] = [];
      // Without a channel, an e-mail file is an e-mail and anything else a deposited file.
      for (const file of files) {
        results.push(await ingestFile(req.ctx, req.params.code, channel ?? (/\.eml$/i.test(file.filename) ? 'email' : 'upload'), file, { declared: metadata }));
      }
      await qualifyDeposited(req.ctx, req.params.code, results, metadata);
      return { status: 201, body: { results } };
    });
  });

  app.get('/api/entities/:code/documents/:documentId/original', {
    schema: { tags: ['documents'], summary: 'Le fichier original, tel que reçu', params: DocumentParams },
  }, async (req, reply) => {
    await requireDocumentInScope(req, req.params.code, (id) => mailItemIdOfDocument(req.ctx, req.params.code, id), req.params.documentId, 'read');
    const file = await getDocumentFile(req.ctx, req.params.code, req.params.documentId, 'original');
    return reply.type(file.mime).header('content-disposition', contentDisposition(file.filename, true)).send(file.bytes);
  });

  app.get('/api/entities/:code/documents/:documentId/searchable', {
    schema: { tags: ['documents'], summary: 'La version PDF recherchable (texte OCR invisible sous l’image)', params: DocumentParams },
  }, async (req, reply) => {
    await requireDocumentInScope(req, req.params.code, (id) => mailItemIdOfDocument(req.ctx, req.params.code, id), req.params.documentId, 'read');
    const file = await getDocumentFile(req.ctx, req.params.code, req.params.documentId, 'searchable');
    return reply.type(file.mime).header('content-disposition', contentDisposition(file.filename, true)).send(file.bytes);
  });

  app.get('/api/entities/:code/documents/:documentId/text', {
    schema: {
      tags: ['documents'],
      summary: 'Le texte intégral, page par page, avec sa source (couche texte ou OCR)',
      params: DocumentParams,
      response: { 200: DocumentTextSchema, 404: ErrorView },
    },
  }, async (req) => {
    await requireDocumentInScope(req, req.params.code, (id) => mailItemIdOfDocument(req.ctx, req.params.code, id), req.params.documentId, 'read');
    return getDocumentText(req.ctx, req.params.code, req.params.documentId);
  });

  app.get('/api/entities/:code/quarantine', {
    schema: {
      tags: ['quarantaine'],
      summary: 'Les fichiers refusés, avec leur motif',
      params: EntityCodeParams,
      querystring: QuarantineQuerySchema,
      response: { 200: QuarantineListSchema, 404: ErrorView },
    },
  }, async (req) => {
    await mailScope(req, req.params.code, 'register', 'audit');
    return { entries: await listQuarantineViews(req.ctx, req.params.code, req.query.status) };
  });

  app.get('/api/entities/:code/quarantine/:id/original', {
    schema: { tags: ['quarantaine'], summary: 'Le fichier refusé, conservé tel que reçu', params: EntityCodeParams.extend({ id: z.string().min(1) }) },
  }, async (req, reply) => {
    await mailScope(req, req.params.code, 'register');
    const file = await getQuarantineOriginal(req.ctx, req.params.code, req.params.id);
    return reply.type('application/octet-stream').header('content-disposition', contentDisposition(file.filename, false)).send(file.bytes);
  });

  app.post('/api/entities/:code/quarantine/:id/dismiss', {
    schema: {
      tags: ['quarantaine'],
      summary: 'Écarter une entrée de quarantaine, avec la raison',
      params: EntityCodeParams.extend({ id: z.string().min(1) }),
      body: DismissBodySchema,
      response: { 200: QuarantineEntrySchema, 404: ErrorView, 409: ErrorView },
    },
  }, async (req) => {
    await mailScope(req, req.params.code, 'register');
    return dismissQuarantineEntry(req.ctx, req.params.code, req.params.id, req.body.note);
  });
}
