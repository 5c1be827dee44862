import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extractTextFromFile } from '../../capture/index.ts';
import { requireEntityPermission } from '../../platform/auth/index.ts';
import { requireItemInScope } from '../../registry/mail-access.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { getMailItemDetail } from '../../registry/index.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import { getItemRouting, getRoutingModelStats, proposeRouting, retrainRouting } from './routing.service.ts';
import { ItemRoutingView, ModelStatsView, ProposeBody, RoutingDecisionView, RuleBody, RuleView } from './routing.schemas.ts';
import { addRoutingRule, listRuleViews, removeRoutingRule, updateRoutingRule } from './rules.service.ts';

const RuleParams = EntityCodeParams.extend({ ruleId: z.string().min(1).max(64) });
const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });

export async function routingRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['aiguillage'];

  app.get('/api/entities/:code/routing/rules', {
    schema: { tags, summary: 'Les règles d’aiguillage de l’entité, dans leur ordre d’examen', params: EntityCodeParams, response: { 200: z.object({ rules: z.array(RuleView) }), 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return { rules: await listRuleViews(req.ctx, req.params.code) };
  });

  app.post('/api/entities/:code/routing/rules', {
    schema: { tags, summary: 'Ajouter une règle : conditions (expéditeur, mots-clés, formulaire, boîte) → service et type', params: EntityCodeParams, body: RuleBody, response: { 201: RuleView, 400: ErrorView, 401: ErrorView, 404: ErrorView } },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return reply.status(201).send(await addRoutingRule(req.ctx, req.params.code, req.body));
  });

  app.put('/api/entities/:code/routing/rules/:ruleId', {
    schema: { tags, summary: 'Modifier une règle d’aiguillage', params: RuleParams, body: RuleBody, response: { 200: RuleView, 400: ErrorView, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return updateRoutingRule(req.ctx, req.params.code, req.params.ruleId, req.body);
  });

  app.delete('/api/entities/:code/routing/rules/:ruleId', {
    schema: { tags, summary: 'Supprimer une règle d’aiguillage', params: RuleParams, response: { 204: z.null(), 401: ErrorView, 404: ErrorView } },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    await removeRoutingRule(req.ctx, req.params.code, req.params.ruleId);
    return reply.status(204).send(null);
  });

  app.post('/api/entities/:code/routing/propose', {
    schema: {
      tags,
      summary: 'Proposer un service et un type pour un texte ou un fichier, avec la règle ou les mots décisifs, ou l’abstention',
      description: 'JSON { text, senderAddress?, formType?, mailbox? }, ou multipart/form-data avec une partie `file` (PDF, image, EML : texte lu comme au dépôt). Rien n’est enregistré.',
      params: EntityCodeParams,
      response: { 200: RoutingDecisionView, 400: ErrorView, 401: ErrorView, 404: ErrorView, 422: ErrorView },
    },
    // The body is either JSON (checked here) or multipart (read below).
    validatorCompiler: () => (data) => ({ value: data }),
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'read');
    if (req.isMultipart()) {
      let file: { filename: string; bytes: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file' && !file) file = { filename: part.filename || 'sans-nom', bytes: await part.toBuffer() };
        else if (part.type === 'file') await part.toBuffer();
      }
      if (!file) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'no file', { detailFr: 'Aucun fichier reçu.' });
      const extracted = await extractTextFromFile(req.ctx, file.bytes, file.filename);
      return proposeRouting(req.ctx, req.params.code, { text: extracted.text, senderAddress: extracted.senderAddress, mailboxes: extracted.mailboxes });
    }
    const parsed = ProposeBody.safeParse(req.body);
    if (!parsed.success) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad propose body', { detailFr: parsed.error.issues.map((i) => `${i.path.join('.') || 'corps'} : ${i.message}`).join(' ; ') });
    }
    const body = parsed.data;
    return proposeRouting(req.ctx, req.params.code, { text: body.text, senderAddress: body.senderAddress, formType: body.formType, mailboxes: body.mailbox ? [body.mailbox] : [] });
  });

  app.get('/api/entities/:code/routing/model', {
    schema: { tags, summary: 'Le classifieur de l’entité : exemples appris par service et par type, vocabulaire, seuil', params: EntityCodeParams, response: { 200: ModelStatsView, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    // Entity admins manage the rules: they see what the model has learnt too (counts, no mail).
    requireEntityPermission(req, req.params.code, 'read', 'admin');
    return getRoutingModelStats(req.ctx, req.params.code);
  });

  app.post('/api/entities/:code/routing/model/train', {
    schema: { tags, summary: 'Réapprendre le classifieur depuis les courriers attribués par une règle ou un agent', params: EntityCodeParams, response: { 200: ModelStatsView, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return retrainRouting(req.ctx, req.params.code);
  });

  app.get('/api/entities/:code/mail-items/:chrono/routing', {
    schema: { tags, summary: 'L’aiguillage d’un courrier : règle ou mots décisifs et confiance, ou abstention', params: ItemParams, response: { 200: z.object({ routing: ItemRoutingView }), 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const item = await getMailItemDetail(req.ctx, req.params.code, req.params.chrono);
    return { routing: await getItemRouting(req.ctx, req.params.code, item.id) };
  });
}
