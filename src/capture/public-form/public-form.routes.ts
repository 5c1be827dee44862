import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import type { IntakeFile } from '../intake.service.ts';
import { listPendingElectronicReceipts } from './electronic-receipt.service.ts';
import { PublicErrorView, PublicFormView, SubmissionReceipt } from './public-form.schemas.ts';
import { getPublicForm, submitPublicForm } from './public-form.service.ts';

const tags = ['démarches en ligne'];

/** The public form (saisine par voie électronique): its two routes need no sign-in, by law (L112-8). */
export async function publicFormRoutes(server: FastifyInstance, ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const limited = (max: number) => ({
    rateLimit: { max, timeWindow: 60_000, errorResponseBuilder: () => new OctoError('PUBLIC_FORM_RATE_LIMITED', 'public form rate limited') },
  });

  // Public: what the form of an entity offers (no sign-in).
  app.get('/api/public/entities/:code/form', {
    config: limited(120),
    schema: {
      tags,
      summary: 'Formulaire public de saisine par voie électronique d’une entité : ses types de demande (sans connexion)',
      params: EntityCodeParams,
      response: { 200: PublicFormView, 404: ErrorView, 429: ErrorView },
    },
  }, async (req) => getPublicForm(req.ctx, req.params.code));

  // Public: a person sends a request (no sign-in, no session, so no CSRF token; a cross-origin
  // browser POST is still refused by the auth plugin; limited per address).
  app.post('/api/public/entities/:code/submissions', {
    config: limited(ctx.config.publicFormPerMinute),
    schema: {
      tags,
      summary: 'Envoyer une demande par le formulaire public (saisine par voie électronique, CRPA L112-8) : enregistrement, accusé d’enregistrement électronique immédiat',
      description:
        'multipart/form-data : un champ `demande` (JSON : requesterKind person|company|association, lastName, firstName, organisationName, siret, rna, email, addressLines[], postcode, city, country, phone, requestTypeCode, subject, message) puis 0 à 10 parties `pieces` (PDF, TIFF, JPEG, PNG). Les erreurs de saisie sont rendues champ par champ dans `details.fields`.',
      consumes: ['multipart/form-data'],
      params: EntityCodeParams,
      response: { 201: SubmissionReceipt, 400: PublicErrorView, 404: ErrorView, 413: ErrorView, 429: ErrorView },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) {
      throw new OctoError('PUBLIC_FORM_INVALID', 'multipart expected', { detailFr: 'Envoyez le formulaire en multipart/form-data (champ « demande » et pièces jointes).' });
    }
    let json: string | undefined;
    const files: IntakeFile[] = [];
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // a file input left empty by the browser sends a nameless, empty part
        if (bytes.length > 0 || part.filename) files.push({ filename: part.filename || 'sans-nom', bytes });
      } else if (part.fieldname === 'demande') {
        json = String(part.value);
      }
    }
    return reply.status(201).send(await submitPublicForm(req.ctx, req.params.code, json, files, req.ip));
  });

  app.get('/api/entities/:code/electronic-receipts', {
    schema: {
      tags: ['traitement'],
      summary: 'Demandes reçues par le formulaire public dont l’accusé de réception électronique n’est pas encore parti, avec sa date limite et le motif',
      params: EntityCodeParams,
      response: {
        200: z.object({
          receipts: z.array(z.object({ chrono: z.string(), submittedAt: z.string(), dueDate: z.string().nullable(), late: z.boolean(), reason: z.string().nullable() })),
        }),
        401: ErrorView,
        404: ErrorView,
      },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'read', 'admin');
    return { receipts: await listPendingElectronicReceipts(req.ctx, req.params.code) };
  });
}
