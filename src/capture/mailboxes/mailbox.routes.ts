// REST for the e-mail channels in:
//   IMAP mailboxes      — listing and « relever » : entity admins and the mailroom (admin | register);
//                         creating, changing, removing : entity admins (admin).
//   gateway addresses   — listing : admin | register; adding, removing : admin.
// A mailbox's password is write-only: no answer ever carries it.

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { EntityCodeParams, ErrorView } from '../../registry/mail-item.schemas.ts';
import { addGatewayAddress, listGatewayAddresses, removeGatewayAddress } from '../smtp-gateway/gateway-address.service.ts';
import {
  GatewayAddressSchema,
  MailboxCreateSchema,
  MailboxSyncResultSchema,
  MailboxUpdateSchema,
  MailboxViewSchema,
} from './mailbox.schemas.ts';
import { createMailbox, getMailbox, listMailboxes, removeMailbox, syncEntityMailboxes, updateMailbox } from './mailbox.service.ts';

const TAG = 'boîtes aux lettres';
const MailboxParams = EntityCodeParams.extend({ id: z.string().min(1).max(64) });
const AddressParams = EntityCodeParams.extend({ address: z.string().min(3).max(320) });

export async function mailboxRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/entities/:code/mailboxes', {
    schema: {
      tags: [TAG],
      summary: 'Les boîtes aux lettres IMAP de l’entité, avec l’état de leur dernière relève (administrateurs et bureau du courrier)',
      params: EntityCodeParams,
      response: { 200: z.object({ mailboxes: z.array(MailboxViewSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return { mailboxes: await listMailboxes(req.ctx, req.params.code) };
  });

  app.post('/api/entities/:code/mailboxes', {
    schema: {
      tags: [TAG],
      summary: 'Ajouter une boîte aux lettres IMAP (administrateurs de l’entité) ; le mot de passe est chiffré et jamais renvoyé',
      params: EntityCodeParams,
      body: MailboxCreateSchema,
      response: { 201: MailboxViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return reply.status(201).send(await createMailbox(req.ctx, req.params.code, req.body));
  });

  app.get('/api/entities/:code/mailboxes/:id', {
    schema: {
      tags: [TAG],
      summary: 'Une boîte aux lettres et l’état de sa dernière relève',
      params: MailboxParams,
      response: { 200: MailboxViewSchema, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return getMailbox(req.ctx, req.params.code, req.params.id);
  });

  app.patch('/api/entities/:code/mailboxes/:id', {
    schema: {
      tags: [TAG],
      summary: 'Modifier une boîte aux lettres (champs absents inchangés ; « password » remplace le mot de passe)',
      params: MailboxParams,
      body: MailboxUpdateSchema,
      response: { 200: MailboxViewSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return updateMailbox(req.ctx, req.params.code, req.params.id, req.body);
  });

  app.delete('/api/entities/:code/mailboxes/:id', {
    schema: {
      tags: [TAG],
      summary: 'Retirer une boîte aux lettres (les courriers déjà enregistrés restent)',
      params: MailboxParams,
      response: { 204: z.null(), 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    await removeMailbox(req.ctx, req.params.code, req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/entities/:code/mailboxes/:id/sync', {
    schema: {
      tags: [TAG],
      summary: 'Relever une boîte maintenant : chaque nouveau message devient un courrier (ou une entrée de quarantaine)',
      params: MailboxParams,
      response: { 200: MailboxSyncResultSchema, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    const [result] = await syncEntityMailboxes(req.ctx, req.params.code, req.params.id);
    return result!;
  });

  app.post('/api/entities/:code/mailboxes/sync', {
    schema: {
      tags: [TAG],
      summary: 'Relever maintenant toutes les boîtes actives de l’entité',
      params: EntityCodeParams,
      response: { 200: z.object({ results: z.array(MailboxSyncResultSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return { results: await syncEntityMailboxes(req.ctx, req.params.code) };
  });

  app.get('/api/entities/:code/gateway-addresses', {
    schema: {
      tags: [TAG],
      summary: 'Les adresses pour lesquelles la passerelle SMTP d’Octo reçoit le courrier de l’entité',
      params: EntityCodeParams,
      response: { 200: z.object({ addresses: z.array(GatewayAddressSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin', 'register');
    return { addresses: await listGatewayAddresses(req.ctx, req.params.code) };
  });

  app.post('/api/entities/:code/gateway-addresses', {
    schema: {
      tags: [TAG],
      summary: 'Ajouter une adresse de réception à la passerelle SMTP (administrateurs de l’entité)',
      params: EntityCodeParams,
      body: z.object({ address: z.string().min(3).max(320) }),
      response: { 201: GatewayAddressSchema, 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return reply.status(201).send(await addGatewayAddress(req.ctx, req.params.code, req.body.address));
  });

  app.delete('/api/entities/:code/gateway-addresses/:address', {
    schema: {
      tags: [TAG],
      summary: 'Retirer une adresse de réception : la passerelle la refusera (550)',
      params: AddressParams,
      response: { 204: z.null(), 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityPermission(req, req.params.code, 'admin');
    await removeGatewayAddress(req.ctx, req.params.code, req.params.address);
    return reply.status(204).send(null);
  });
}
