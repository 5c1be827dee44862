import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { OctoError } from '../errors.ts';
import { createEntity, createService, listEntityViews, requireEntity } from '../../registry/index.ts';
import { RoleSchema } from './auth.schemas.ts';
import { listAbsencesOfEntity } from './membership.queries.ts';
import { requireEntityAdmin, requirePlatformAdmin } from './permissions.ts';
import { parisDay } from './principal.service.ts';
import { findUserByEmail, listUserRows } from './user.queries.ts';
import { addAbsence, addMembership, createUser, listUsers, normalizeEmail, setUserStatus } from './user.service.ts';

const ErrorView = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });
const EntityParams = z.object({ code: z.string().min(1).max(40) });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ');

const AgentView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  hasPassword: z.boolean(),
  oidcLinked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  memberships: z.array(z.object({ entityCode: z.string().nullable(), serviceCode: z.string().nullable(), role: RoleSchema })),
});
const EntityRole = RoleSchema.exclude(['platform_admin']);
const AddAgentBody = z.object({
  email: z.string().trim().min(3).max(320).describe('Adresse électronique professionnelle'),
  displayName: z.string().trim().min(1).max(200).describe('Prénom et nom'),
  role: EntityRole,
  serviceCode: z.string().trim().min(1).max(40).optional(),
  password: z.string().min(1).max(1024).optional().describe('Sans mot de passe, l’agent se connecte par ProConnect'),
});
const AddRoleBody = z.object({ role: EntityRole, serviceCode: z.string().trim().min(1).max(40).optional() });
const AbsenceBody = z.object({ absentEmail: z.string().trim().min(3).max(320), substituteEmail: z.string().trim().min(3).max(320), from: Day, to: Day });
const AbsenceView = z.object({
  id: z.string(),
  absent: z.object({ id: z.string(), displayName: z.string(), email: z.string() }),
  substitute: z.object({ id: z.string(), displayName: z.string(), email: z.string() }),
  from: z.string(),
  to: z.string(),
  current: z.boolean(),
});

/**
 * Administration by HTTP, as the CLI does it at the console: an entity's agents, roles, absences
 * and services (its entity admins, or a platform admin), entities (platform admins). An entity
 * admin never grants platform administration and only acts on its own entity's memberships.
 */
export async function adminRoutes(server: FastifyInstance, ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  const agentsOf = async (entityCode: string) => {
    const users = await listUsers(ctx, entityCode);
    // An entity admin sees the agent's roles in this entity only, not their other attachments.
    return users.map((u) => ({ ...u, memberships: u.memberships.filter((m) => m.entityCode === entityCode) }));
  };

  app.get('/api/entities/:code/agents', {
    schema: { tags, summary: 'Les agents de l’entité et leurs rôles', params: EntityParams, response: { 200: z.object({ agents: z.array(AgentView) }), 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityAdmin(req.principal, req.params.code);
    return { agents: await agentsOf(req.params.code) };
  });

  app.post('/api/entities/:code/agents', {
    schema: {
      tags,
      summary: 'Créer un agent dans l’entité (ou rattacher un compte existant) avec un rôle',
      params: EntityParams,
      body: AddAgentBody,
      response: { 201: AgentView, 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView, 422: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityAdmin(req.principal, req.params.code);
    const existing = await findUserByEmail(req.ctx.db, normalizeEmail(req.body.email));
    if (existing && req.body.password) {
      throw new OctoError('AUTH_USER_EXISTS', 'user exists', {
        email: existing.email,
        detailFr: 'Ce compte existe déjà : il est rattaché à l’entité sans que son mot de passe change.',
      });
    }
    const userId = await req.ctx.db.transaction().execute(async (trx) => {
      const tx = { ...req.ctx, db: trx };
      const user = existing ?? (await createUser(tx, { email: req.body.email, displayName: req.body.displayName, password: req.body.password }));
      await addMembership(tx, { userId: user.id, role: req.body.role, entityCode: req.params.code, serviceCode: req.body.serviceCode });
      return user.id;
    });
    const view = (await agentsOf(req.params.code)).find((u) => u.id === userId)!;
    return reply.status(201).send(view);
  });

  const AgentParams = EntityParams.extend({ userId: z.string().min(1).max(64) });
  const requireAgentOfEntity = async (entityCode: string, userId: string) => {
    const agent = (await agentsOf(entityCode)).find((u) => u.id === userId);
    if (!agent) throw new OctoError('AUTH_USER_NOT_FOUND', 'user not in entity', { userId });
    return agent;
  };

  app.post('/api/entities/:code/agents/:userId/roles', {
    schema: { tags, summary: 'Donner un rôle de plus à un agent de l’entité', params: AgentParams, body: AddRoleBody, response: { 200: AgentView, 400: ErrorView, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityAdmin(req.principal, req.params.code);
    await requireAgentOfEntity(req.params.code, req.params.userId);
    await addMembership(req.ctx, { userId: req.params.userId, role: req.body.role, entityCode: req.params.code, serviceCode: req.body.serviceCode });
    return requireAgentOfEntity(req.params.code, req.params.userId);
  });

  app.post('/api/entities/:code/agents/:userId/status', {
    schema: {
      tags,
      summary: 'Désactiver (ses sessions sont fermées) ou réactiver le compte d’un agent de l’entité',
      params: AgentParams,
      body: z.object({ status: z.enum(['active', 'disabled']) }),
      response: { 200: AgentView, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const admin = requireEntityAdmin(req.principal, req.params.code);
    await requireAgentOfEntity(req.params.code, req.params.userId);
    if (req.params.userId === admin.userId) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'self disable', { detailFr: 'Vous ne pouvez pas désactiver votre propre compte.' });
    }
    await setUserStatus(req.ctx, req.params.userId, req.body.status);
    return requireAgentOfEntity(req.params.code, req.params.userId);
  });

  app.get('/api/entities/:code/absences', {
    schema: { tags, summary: 'Les absences en cours et à venir, avec leur suppléant', params: EntityParams, response: { 200: z.object({ absences: z.array(AbsenceView) }), 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityAdmin(req.principal, req.params.code);
    const entity = await requireEntity(req.ctx, req.params.code);
    const today = parisDay(req.ctx.clock.now());
    const rows = await listAbsencesOfEntity(req.ctx.db, entity.id, today);
    const people = new Map((await listUserRows(req.ctx.db, [...new Set(rows.flatMap((r) => [r.user_id, r.substitute_user_id]))])).map((u) => [u.id, u]));
    const person = (id: string) => ({ id, displayName: people.get(id)?.display_name ?? '?', email: people.get(id)?.email ?? '?' });
    return {
      absences: rows.map((r) => ({
        id: r.id,
        absent: person(r.user_id),
        substitute: person(r.substitute_user_id),
        from: r.starts_on,
        to: r.ends_on,
        current: r.starts_on <= today && today <= r.ends_on,
      })),
    };
  });

  app.post('/api/entities/:code/absences', {
    schema: {
      tags,
      summary: 'Déclarer une absence datée : le suppléant agit avec les rôles de l’agent absent pendant ces jours',
      params: EntityParams,
      body: AbsenceBody,
      response: { 201: z.object({ id: z.string() }), 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityAdmin(req.principal, req.params.code);
    const [absent, substitute] = await Promise.all([
      findUserByEmail(req.ctx.db, normalizeEmail(req.body.absentEmail)),
      findUserByEmail(req.ctx.db, normalizeEmail(req.body.substituteEmail)),
    ]);
    if (!absent) throw new OctoError('AUTH_USER_NOT_FOUND', 'absent not found', { email: req.body.absentEmail });
    if (!substitute) throw new OctoError('AUTH_USER_NOT_FOUND', 'substitute not found', { email: req.body.substituteEmail });
    const row = await addAbsence(req.ctx, { userId: absent.id, substituteUserId: substitute.id, entityCode: req.params.code, startsOn: req.body.from, endsOn: req.body.to });
    return reply.status(201).send({ id: row.id });
  });

  app.post('/api/entities/:code/services', {
    schema: {
      tags,
      summary: 'Ajouter un service à l’arborescence de l’entité',
      params: EntityParams,
      body: z.object({ code: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(200), parentCode: z.string().trim().min(1).max(40).optional() }),
      response: { 201: z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() }), 400: ErrorView, 401: ErrorView, 404: ErrorView, 409: ErrorView },
    },
  }, async (req, reply) => {
    requireEntityAdmin(req.principal, req.params.code);
    await createService(req.ctx, { entityCode: req.params.code, code: req.body.code, name: req.body.name, parentCode: req.body.parentCode });
    const entity = (await listEntityViews(req.ctx)).find((e) => e.code === req.params.code)!;
    return reply.status(201).send(entity.services.find((s) => s.code === req.body.code.trim().toUpperCase())!);
  });

  app.post('/api/platform/entities', {
    schema: {
      tags,
      summary: 'Créer une entité sur la plateforme (administrateurs de la plateforme)',
      body: z.object({ code: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(200), shortName: z.string().trim().max(60).optional() }),
      response: { 201: z.object({ code: z.string(), name: z.string() }), 400: ErrorView, 401: ErrorView, 403: ErrorView, 409: ErrorView },
    },
  }, async (req, reply) => {
    requirePlatformAdmin(req.principal);
    await createEntity(req.ctx, req.body);
    const code = req.body.code.trim().toUpperCase();
    const entity = (await listEntityViews(req.ctx)).find((e) => e.code === code)!;
    return reply.status(201).send({ code: entity.code, name: entity.name });
  });

}
