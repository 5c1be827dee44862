import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import {
  AssignBody,
  CommentBody,
  CopyBody,
  HandlingViewSchema,
  LinkBody,
  MissingItemsBody,
  QualifyBody,
  RequestTypeSchema,
  StatusBody,
  TransferBody,
  TransferResult,
} from './handling.schemas.ts';
import { getServiceContact, ServiceContactSchema, updateServiceContact } from './service-contact.ts';
import { transferMailItem } from './transfer.service.ts';
import { sendTransferNoticeEmail } from '../platform/mail/acknowledgement-mail.service.ts';
import { isOctoError } from '../platform/errors.ts';
import {
  assignMailItem,
  changeHandlingStatus,
  commentMailItem,
  copyMailItem,
  correctMailItemSender,
  getHandlingView,
  linkMailItems,
  listDeadlineBaskets,
  listRequestTypeViews,
  qualifyMailItem,
  recordMissingItemsReceived,
  requestMissingItems,
} from './handling.service.ts';
import { EntityCodeParams, ErrorView, MailItemSummarySchema } from './mail-item.schemas.ts';
import { mailScope, requireItemInScope } from './mail-access.ts';
import { requireEntityAdmin } from '../platform/auth/permissions.ts';

const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });
const replies = { 200: HandlingViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView };

export async function handlingRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['traitement'];

  app.get('/api/entities/:code/request-types', {
    schema: { tags, summary: 'Les types de demande de l’entité et leur régime légal', params: EntityCodeParams, response: { 200: z.object({ requestTypes: z.array(RequestTypeSchema) }), 404: ErrorView } },
  }, async (req) => {
    await mailScope(req, req.params.code, 'read', 'register', 'admin');
    return ({ requestTypes: await listRequestTypeViews(req.ctx, req.params.code) });
  });

  app.get('/api/entities/:code/mail-items/:chrono/handling', {
    schema: { tags, summary: 'Le traitement d’un courrier : type, service, statut, échéance, copies, commentaires, liens', params: ItemParams, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    return getHandlingView(req.ctx, req.params.code, req.params.chrono);
  });

  app.post('/api/entities/:code/mail-items/:chrono/qualify', {
    schema: { tags, summary: 'Qualifier : type de demande (et service) ; calcule la date de décision implicite', params: ItemParams, body: QualifyBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return qualifyMailItem(req.ctx, req.params.code, req.params.chrono, req.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/assign', {
    schema: { tags, summary: 'Attribuer (ou réattribuer) à un service et, le cas échéant, à un agent', params: ItemParams, body: AssignBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return assignMailItem(req.ctx, req.params.code, req.params.chrono, req.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/copies', {
    schema: { tags, summary: 'Mettre un service en copie (liste de diffusion)', params: ItemParams, body: CopyBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return copyMailItem(req.ctx, req.params.code, req.params.chrono, req.body.serviceCode);
  });

  app.post('/api/entities/:code/mail-items/:chrono/comments', {
    schema: { tags, summary: 'Commenter un courrier', params: ItemParams, body: CommentBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return commentMailItem(req.ctx, req.params.code, req.params.chrono, req.body.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/links', {
    schema: { tags, summary: 'Lier à un autre courrier (une réponse à sa demande, un courrier connexe)', params: ItemParams, body: LinkBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    // The other item must be visible too: linking is not a way to learn that a chrono exists.
    await requireItemInScope(req, req.params.code, req.body.chrono, 'read');
    return linkMailItems(req.ctx, req.params.code, req.params.chrono, { otherChrono: req.body.chrono, kind: req.body.kind });
  });

  app.post('/api/entities/:code/mail-items/:chrono/sender', {
    schema: {
      tags,
      summary: 'Corriger l’expéditeur (nom, adresse) ou l’objet lus à l’indexation ; chaîne vide : effacer',
      params: ItemParams,
      body: z.object({
        senderName: z.string().max(300).nullable().optional(),
        senderAddress: z.string().max(500).nullable().optional(),
        subject: z.string().max(1000).nullable().optional(),
      }),
      response: replies,
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return correctMailItemSender(req.ctx, req.params.code, req.params.chrono, req.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/status', {
    schema: { tags, summary: 'Changer le statut de traitement (motif obligatoire pour un classement)', params: ItemParams, body: StatusBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return changeHandlingStatus(req.ctx, req.params.code, req.params.chrono, req.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/missing-items', {
    schema: { tags, summary: 'Demande incomplète (L114-5) : demander les pièces manquantes et fixer le délai', params: ItemParams, body: MissingItemsBody, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return requestMissingItems(req.ctx, req.params.code, req.params.chrono, req.body);
  });

  app.post('/api/entities/:code/mail-items/:chrono/missing-items/received', {
    schema: { tags, summary: 'Les pièces manquantes sont arrivées : les délais reprennent', params: ItemParams, response: replies },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return recordMissingItemsReceived(req.ctx, req.params.code, req.params.chrono);
  });

  app.post('/api/entities/:code/mail-items/:chrono/transfer', {
    schema: {
      tags,
      summary: 'Transmettre à l’entité compétente de la plateforme (L114-2) : elle l’enregistre sous son propre numéro',
      params: ItemParams,
      body: TransferBody,
      response: { 200: TransferResult, 400: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    const transferred = await transferMailItem(req.ctx, req.params.code, req.params.chrono, req.body);
    // L114-2: the sender is informed at once, by e-mail when the address is known; otherwise the
    // letter (transfer-notice.pdf) is the agent's to print.
    try {
      const sent = await sendTransferNoticeEmail(req.ctx, req.params.code, req.params.chrono);
      return { ...transferred, notice: { channel: 'email' as const, to: sent.to, detail: `Avis de transmission adressé par courriel à ${sent.to}.` } };
    } catch (error) {
      // The transfer is done and stays done: a notice that cannot leave by e-mail is a letter.
      const why = isOctoError(error) && error.code === 'PLATFORM_MAIL_NO_RECIPIENT'
        ? 'Adresse électronique du demandeur inconnue'
        : `Avis non envoyé par courriel (${isOctoError(error) ? error.frenchMessage : 'erreur inattendue'})`;
      if (!isOctoError(error)) req.log.error({ err: error }, 'transfer notice e-mail failed');
      return { ...transferred, notice: { channel: 'letter' as const, to: null, detail: `${why} : imprimez l’avis de transmission et envoyez-le par courrier.` } };
    }
  });

  const ServiceParams = EntityCodeParams.extend({ serviceCode: z.string().min(1).max(40) });
  // The answer is not checked against the input rules: a service never given contact data has empty fields.
  const ServiceContactView = z.object({
    code: z.string(),
    name: z.string(),
    addressLines: z.array(z.string()),
    postcode: z.string(),
    city: z.string(),
    email: z.string(),
    phone: z.string(),
  });
  app.get('/api/entities/:code/services/:serviceCode/contact', {
    schema: { tags, summary: 'Coordonnées d’un service (imprimées sur les accusés de réception)', params: ServiceParams, response: { 200: ServiceContactView, 400: ErrorView, 404: ErrorView } },
  }, async (req) => {
    await mailScope(req, req.params.code, 'read', 'register', 'admin');
    return getServiceContact(req.ctx, req.params.code, req.params.serviceCode);
  });

  app.put('/api/entities/:code/services/:serviceCode/contact', {
    schema: {
      tags,
      summary: 'Modifier les coordonnées d’un service : adresse postale, courriel, téléphone',
      params: ServiceParams,
      body: ServiceContactSchema,
      response: { 200: ServiceContactView, 400: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityAdmin(req.principal, req.params.code);
    return updateServiceContact(req.ctx, req.params.code, req.params.serviceCode, req.body);
  });

  app.get('/api/entities/:code/baskets/deadlines', {
    schema: {
      tags,
      summary: 'Bannettes d’échéance : en retard (décision implicite passée) et à échéance sous 7 jours',
      params: EntityCodeParams,
      response: {
        200: z.object({
          today: z.string(),
          late: z.array(MailItemSummarySchema.extend({ implicitDecisionDate: z.string(), daysLeft: z.number() })),
          dueSoon: z.array(MailItemSummarySchema.extend({ implicitDecisionDate: z.string(), daysLeft: z.number() })),
        }),
        404: ErrorView,
      },
    },
  }, async (req) => {
    const scope = await mailScope(req, req.params.code, 'read');
    return listDeadlineBaskets(req.ctx, req.params.code, scope.serviceIds);
  });
}
