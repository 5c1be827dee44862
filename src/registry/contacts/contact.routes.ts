import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission, requirePrincipal, roleAllows } from '../../platform/auth/permissions.ts';
import { requireItemInScope } from '../mail-access.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { EntityCodeParams, ErrorView } from '../mail-item.schemas.ts';
import { listLinkedMailItems } from './contact.queries.ts';
import { createContactFromSender, senderContactSuggestions } from './sender-contact.service.ts';
import {
  ContactCreateBody,
  ContactInputSchema,
  ContactListQuery,
  ContactViewSchema,
  DuplicatePairSchema,
  MergeBody,
} from './contact.schemas.ts';
import {
  createContact,
  editContact,
  findDuplicateContacts,
  getContact,
  linkSenderContact,
  mergeContacts,
  searchContacts,
  senderContactOf,
  type ContactViewer,
} from './contact.service.ts';

/** The directory is shared by the platform; a confidential contact is seen by its entity's agents only. */
function viewerOf(req: FastifyRequest): ContactViewer {
  const principal = requirePrincipal(req);
  return { entityIds: [...new Set(principal.memberships.map((m) => m.entityId))] };
}

/** Writing to the directory: an agent who registers or handles mail somewhere. */
function requireContactEditor(req: FastifyRequest): ContactViewer {
  const principal = requirePrincipal(req);
  if (!principal.memberships.some((m) => roleAllows(m.role, 'register') || roleAllows(m.role, 'handle'))) {
    throw new OctoError('AUTH_FORBIDDEN', 'contact directory is written by mail agents');
  }
  return viewerOf(req);
}

const IdParams = z.object({ id: z.string().min(1).max(64) });
const ItemParams = EntityCodeParams.extend({ chrono: z.string().min(1).max(64) });
const SenderContactView = z.object({ chrono: z.string(), contact: ContactViewSchema.nullable() });

export async function contactRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['contacts'];

  app.get('/api/contacts', {
    schema: {
      tags, summary: 'Annuaire partagé des contacts : recherche (les contacts confidentiels d’autres entités n’y figurent pas)',
      querystring: ContactListQuery,
      response: { 200: z.object({ contacts: z.array(ContactViewSchema), total: z.number() }), 401: ErrorView },
    },
  }, async (req) => searchContacts(req.ctx, viewerOf(req), req.query));

  app.post('/api/contacts', {
    schema: {
      tags, summary: 'Créer un contact (personne ou organisation), partagé ou confidentiel pour une entité',
      body: ContactCreateBody,
      response: { 201: ContactViewSchema, 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    const viewer = requireContactEditor(req);
    if (req.body.confidentialEntityCode) requireEntityPermission(req, req.body.confidentialEntityCode, 'register', 'handle');
    return reply.code(201).send(await createContact(req.ctx, viewer, req.body));
  });

  app.get('/api/contacts/duplicates', {
    schema: {
      tags, summary: 'Doublons probables : même courriel, même SIRET, ou noms proches au même code postal',
      response: { 200: z.object({ pairs: z.array(DuplicatePairSchema) }), 401: ErrorView },
    },
  }, async (req) => ({ pairs: await findDuplicateContacts(req.ctx, viewerOf(req)) }));

  app.post('/api/contacts/merge', {
    schema: {
      tags, summary: 'Fusionner deux contacts : les courriers liés suivent le contact conservé',
      body: MergeBody,
      response: { 200: z.object({ contact: ContactViewSchema, mailItemsMoved: z.number() }), 401: ErrorView, 404: ErrorView, 409: ErrorView },
    },
  }, async (req) => mergeContacts(req.ctx, requireContactEditor(req), req.body));

  app.get('/api/contacts/:id', {
    schema: { tags, summary: 'Un contact (un contact fusionné mène au contact conservé)', params: IdParams, response: { 200: ContactViewSchema, 401: ErrorView, 404: ErrorView } },
  }, async (req) => getContact(req.ctx, viewerOf(req), req.params.id));

  app.put('/api/contacts/:id', {
    schema: { tags, summary: 'Modifier un contact', params: IdParams, body: ContactInputSchema, response: { 200: ContactViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView } },
  }, async (req) => editContact(req.ctx, requireContactEditor(req), req.params.id, req.body));

  app.get('/api/contacts/:id/mail-items', {
    schema: {
      tags, summary: 'Les courriers de ce contact que l’agent peut lire',
      params: IdParams,
      response: {
        200: z.object({ mailItems: z.array(z.object({ entityCode: z.string(), chrono: z.string(), subject: z.string().nullable(), receivedAt: z.string() })) }),
        401: ErrorView, 404: ErrorView,
      },
    },
  }, async (req) => {
    const viewer = viewerOf(req);
    const contact = await getContact(req.ctx, viewer, req.params.id);
    const principal = requirePrincipal(req);
    const entityCodes = [...new Set(principal.memberships.filter((m) => roleAllows(m.role, 'read')).map((m) => m.entityCode))];
    const scopes = entityCodes.map((code) => {
      const access = requireEntityPermission(req, code, 'read');
      return { entityId: access.memberships[0].entityId, serviceIds: access.wholeEntity ? null : access.serviceIds };
    });
    const rows = await listLinkedMailItems(req.ctx.db, contact.id, scopes);
    return { mailItems: rows.map((r) => ({ entityCode: r.entity_code, chrono: r.chrono, subject: r.subject, receivedAt: r.received_at })) };
  });

  app.get('/api/entities/:code/mail-items/:chrono/sender-contact', {
    schema: {
      tags, summary: 'Le contact de l’expéditeur d’un courrier ; sinon les contacts qui lui ressemblent (même courriel, nom proche)',
      params: ItemParams,
      response: { 200: SenderContactView.extend({ suggestions: z.array(ContactViewSchema.extend({ reason: z.enum(['email', 'name']) })) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'read');
    const viewer = viewerOf(req);
    const linked = await senderContactOf(req.ctx, viewer, req.params.code, req.params.chrono);
    return { ...linked, suggestions: linked.contact ? [] : await senderContactSuggestions(req.ctx, viewer, req.params.code, req.params.chrono) };
  });

  app.post('/api/entities/:code/mail-items/:chrono/sender-contact/from-sender', {
    schema: {
      tags, summary: 'Créer dans l’annuaire le contact de l’expéditeur lu sur le courrier, et l’y lier',
      params: ItemParams,
      body: z.object({ confidential: z.boolean().default(false).describe('Contact confidentiel pour cette entité') }),
      response: { 201: SenderContactView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return reply.code(201).send(await createContactFromSender(req.ctx, viewerOf(req), req.params.code, req.params.chrono, { confidential: req.body.confidential }));
  });

  app.put('/api/entities/:code/mail-items/:chrono/sender-contact', {
    schema: {
      tags, summary: 'Lier un courrier au contact de son expéditeur (contactId null : délier)',
      params: ItemParams,
      body: z.object({ contactId: z.string().min(1).max(64).nullable() }),
      response: { 200: SenderContactView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    await requireItemInScope(req, req.params.code, req.params.chrono, 'register', 'handle');
    return linkSenderContact(req.ctx, viewerOf(req), req.params.code, req.params.chrono, req.body.contactId);
  });
}
