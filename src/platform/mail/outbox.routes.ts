import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../auth/permissions.ts';
import { requireItemInScope } from '../../registry/mail-access.ts';
import type { Ctx } from '../context.ts';
import { requireEntity } from '../../registry/index.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import { sendAcknowledgementEmail, sendTransferNoticeEmail } from './acknowledgement-mail.service.ts';
import { getEntitySender, listOutbox, retryOutboxMessage, setEntitySender, toOutboxView } from './outbox.service.ts';

const OutboxViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['aee', 'are', 'ar', 'transfer-notice', 'reminder']),
  kindFr: z.string(),
  reference: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'waiting', 'retrying', 'sent', 'failed']),
  statusFr: z.string(),
  reason: z.string().nullable().describe('Pourquoi le courriel attend, ou la dernière réponse du relais'),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });
const SendBody = z
  .object({
    to: z.string().max(200).optional().describe('Adresse à utiliser à la place de celle de l’expéditeur'),
    missing: z.array(z.string().min(1).max(300)).max(50).optional().describe('Pièces manquantes (demande incomplète, L114-5)'),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('Date limite de production des pièces'),
  })
  .default({});
const tags = ['traitement'];

/** The outbox of an entity and the « send by e-mail » actions on an item. */
export async function outboxRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/entities/:code/outbox', {
    schema: {
      tags,
      summary: 'Courriels sortants de l’entité (accusés, avis de transmission) : état, motif d’attente, réponse du relais',
      params: EntityCodeParams,
      querystring: z.object({ status: z.enum(['queued', 'waiting', 'retrying', 'sent', 'failed']).optional(), chrono: z.string().max(64).optional() }),
      response: { 200: z.object({ sender: z.string().nullable(), relayConfigured: z.boolean(), messages: z.array(OutboxViewSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register', 'handle', 'audit');
    const entity = await requireEntity(req.ctx, req.params.code);
    const messages = await listOutbox(req.ctx, entity.id, { status: req.query.status });
    return {
      sender: await getEntitySender(req.ctx, entity.id),
      relayConfigured: Boolean(req.ctx.config.smtpRelayHost),
      messages: req.query.chrono ? messages.filter((m) => m.reference === req.query.chrono) : messages,
    };
  });

  app.post('/api/entities/:code/outbox/:id/retry', {
    schema: {
      tags,
      summary: 'Relancer tout de suite un courriel en attente ou en échec',
      params: EntityCodeParams.extend({ id: z.string().uuid() }),
      response: { 200: OutboxViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    const entity = await requireEntity(req.ctx, req.params.code);
    return toOutboxView(await retryOutboxMessage(req.ctx, entity.id, req.params.id));
  });

  app.put('/api/entities/:code/mail-sender', {
    schema: {
      tags,
      summary: 'Adresse d’expéditeur propre à l’entité (sinon OCTO_MAIL_FROM)',
      params: EntityCodeParams,
      body: z.object({ from: z.string().min(3).max(300) }),
      response: { 200: z.object({ sender: z.string() }), 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    const entity = await requireEntity(req.ctx, req.params.code);
    return { sender: await setEntitySender(req.ctx, entity.id, req.body.from) };
  });

  app.post('/api/entities/:code/mail-items/:chrono/acknowledgement-email/send', {
    schema: {
      tags,
      summary: 'Envoyer l’accusé de réception par courriel (par la file d’envoi), avec les mentions de l’article R112-5',
      params: ItemParams,
      body: SendBody,
      response: { 202: OutboxViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 422: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    const incomplete = req.body.due ? { missingItems: req.body.missing ?? [], dueDate: req.body.due } : null;
    return reply.status(202).send(await sendAcknowledgementEmail(req.ctx, req.params.code, req.params.chrono, { incomplete, to: req.body.to }));
  });

  app.post('/api/entities/:code/mail-items/:chrono/transfer-notice-email/send', {
    schema: {
      tags,
      summary: 'Envoyer l’avis de transmission à l’administration compétente (CRPA L114-2) par courriel',
      params: ItemParams,
      body: SendBody,
      response: { 202: OutboxViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 422: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return reply.status(202).send(await sendTransferNoticeEmail(req.ctx, req.params.code, req.params.chrono, { to: req.body.to }));
  });
}
