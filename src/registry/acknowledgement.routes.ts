import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { AckEmailView, AckKindSchema, AckQuerySchema, AckTemplateBody, AckTemplateViewSchema } from './acknowledgements/acknowledgement.schemas.ts';
import { generateAcknowledgement } from './acknowledgements/acknowledgement.service.ts';
import { generateTransferNotice } from './acknowledgements/transfer-notice.ts';
import { listAckTemplateViews, updateAckTemplate } from './acknowledgements/ack-template.service.ts';
import { ACK_PLACEHOLDERS, MANDATORY_BLOCK_MARKER } from './acknowledgements/ack-templates.ts';
import { EntityCodeParams, ErrorView } from './mail-item.schemas.ts';
import { mailScope, requireItemInScope } from './mail-access.ts';
import { requireEntityAdmin } from '../platform/auth/permissions.ts';

const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });
const incompleteOf = (q: { missing: string[]; due?: string }) => (q.due ? { missingItems: q.missing, dueDate: q.due } : null);

/** Acknowledgements of receipt (CRPA L112-3, R112-5): the letter, the e-mail, the entity's texts. */
export async function acknowledgementRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['traitement'];

  app.get('/api/entities/:code/mail-items/:chrono/acknowledgement.pdf', {
    schema: {
      tags,
      summary: 'Accusé de réception en lettre PDF (A4, fenêtre DL), avec les mentions de l’article R112-5',
      params: ItemParams,
      querystring: AckQuerySchema,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('Le PDF'), 400: ErrorView, 404: ErrorView, 422: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const ack = await generateAcknowledgement(req.ctx, req.params.code, req.params.chrono, { channel: 'letter', incomplete: incompleteOf(req.query) });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="AR-${ack.chrono}.pdf"`)
      .header('x-octo-warnings', encodeURIComponent(ack.warnings.join(' | ')))
      .send(ack.pdf);
  });

  app.get('/api/entities/:code/mail-items/:chrono/acknowledgement-email', {
    schema: {
      tags,
      summary: 'Accusé de réception en courriel (objet et texte), avec les mentions de l’article R112-5',
      params: ItemParams,
      querystring: AckQuerySchema,
      response: { 200: AckEmailView, 400: ErrorView, 404: ErrorView, 422: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const ack = await generateAcknowledgement(req.ctx, req.params.code, req.params.chrono, { channel: 'email', incomplete: incompleteOf(req.query) });
    return { ...ack.email!, mentions: ack.mentions, warnings: ack.warnings };
  });

  app.get('/api/entities/:code/mail-items/:chrono/transfer-notice.pdf', {
    schema: {
      tags,
      summary: 'Avis de transmission à l’administration compétente (CRPA L114-2), en lettre PDF',
      params: ItemParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('Le PDF'), 400: ErrorView, 404: ErrorView, 422: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const notice = await generateTransferNotice(req.ctx, req.params.code, req.params.chrono, { channel: 'letter' });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="transmission-${notice.chrono}.pdf"`)
      .header('x-octo-warnings', encodeURIComponent(notice.warnings.join(' | ')))
      .send(notice.pdf);
  });

  app.get('/api/entities/:code/mail-items/:chrono/transfer-notice-email', {
    schema: {
      tags,
      summary: 'Avis de transmission à l’administration compétente (CRPA L114-2), en courriel',
      params: ItemParams,
      response: {
        200: z.object({
          to: z.string().nullable(),
          subject: z.string(),
          text: z.string(),
          newChrono: z.string().nullable().describe('null : transmis hors plateforme'),
          competentEntityCode: z.string().nullable().describe('null : transmis hors plateforme'),
          competentEntityName: z.string(),
          firstReceivedOn: z.string(),
          competentReceivedOn: z.string().nullable(),
          warnings: z.array(z.string()),
        }),
        400: ErrorView,
        404: ErrorView,
        422: ErrorView,
      },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const notice = await generateTransferNotice(req.ctx, req.params.code, req.params.chrono, { channel: 'email' });
    return {
      ...notice.email!,
      newChrono: notice.facts.newChrono,
      competentEntityCode: notice.facts.competentEntity.code,
      competentEntityName: notice.facts.competentEntity.name,
      firstReceivedOn: notice.facts.firstReceivedOn,
      competentReceivedOn: notice.facts.competentReceivedOn,
      warnings: notice.warnings,
    };
  });

  app.get('/api/entities/:code/ack-templates', {
    schema: {
      tags,
      summary: 'Les textes modifiables des accusés de réception de l’entité (les mentions légales n’en font pas partie)',
      params: EntityCodeParams,
      response: {
        200: z.object({
          templates: z.array(AckTemplateViewSchema),
          placeholders: z.record(z.string(), z.string()),
          mandatoryBlockMarker: z.string(),
        }),
        404: ErrorView,
      },
    },
  }, async (req) => {
    await mailScope(req, req.params.code, 'read', 'admin');
    return {
    templates: await listAckTemplateViews(req.ctx, req.params.code),
    placeholders: { ...ACK_PLACEHOLDERS },
    mandatoryBlockMarker: `{{${MANDATORY_BLOCK_MARKER}}}`,
    };
  });

  app.put('/api/entities/:code/ack-templates/:kind', {
    schema: {
      tags,
      summary: 'Modifier le texte d’un accusé de réception (par régime et canal) ; les mentions obligatoires restent ajoutées par Octo',
      params: EntityCodeParams.extend({ kind: AckKindSchema }),
      body: AckTemplateBody,
      response: { 200: AckTemplateViewSchema, 400: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityAdmin(req.principal, req.params.code);
    return updateAckTemplate(req.ctx, req.params.code, req.params.kind, req.body);
  });
}
