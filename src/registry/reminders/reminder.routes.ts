import { outboxReminderNotifier } from './reminder-mail.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireEntityPermission, type EntityAccess } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { listServices } from '../entity.queries.ts';
import { EntityCodeParams, ErrorView } from '../mail-item.schemas.ts';
import { countReminders, dismissReminderById, listReminderViews, reminderThresholdsOf, setReminderThresholds, sweepRemindersOf } from './reminder.service.ts';
import { requireEntity } from '../entity.service.ts';

/** null for the whole entity; otherwise the agent's services and their sub-services. */
async function serviceScope(ctx: Ctx, access: EntityAccess): Promise<string[] | null> {
  if (access.wholeEntity) return null;
  const services = await listServices(ctx.db, access.memberships[0].entityId);
  const scope = new Set(access.serviceIds);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of services) {
      if (s.parent_id && scope.has(s.parent_id) && !scope.has(s.id)) {
        scope.add(s.id);
        grew = true;
      }
    }
  }
  return [...scope];
}

const ReminderViewSchema = z.object({
  id: z.string(),
  chrono: z.string(),
  subject: z.string().nullable(),
  senderName: z.string().nullable(),
  kind: z.enum(['implicit_decision', 'missing_items']).describe('implicit_decision : date de décision implicite ; missing_items : fin du délai de production des pièces manquantes'),
  dueDate: z.string(),
  thresholdDays: z.number().describe('Le seuil atteint, en jours ouvrés'),
  workingDaysLeft: z.number().describe('Jours ouvrés restants le jour du rappel'),
  workingDaysLeftToday: z.number().describe('Jours ouvrés restants aujourd’hui (-1 : échéance passée)'),
  service: z.object({ code: z.string(), name: z.string() }).nullable(),
  assigneeLabel: z.string().nullable(),
  channels: z.array(z.string()).describe('in_app ; email quand le courriel est parti'),
  emailStatus: z.enum(['no_mailer', 'sent', 'failed', 'no_recipient']),
  createdAt: z.string(),
  dismissedAt: z.string().nullable(),
  dismissedBy: z.string().nullable(),
});
const Settings = z.object({ thresholds: z.array(z.number().int()), isDefault: z.boolean() });

/** Reminders before legal deadlines: the list, the bell's count, dismissal, thresholds per entity. */
export async function reminderRoutes(server: FastifyInstance, _ctx: Ctx) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['traitement'];

  app.get('/api/entities/:code/reminders', {
    schema: {
      tags, summary: 'Rappels avant échéance (décision implicite, pièces manquantes) des courriers que l’agent traite',
      params: EntityCodeParams,
      querystring: z.object({ all: z.enum(['true', 'false']).default('false').describe('true : y compris les rappels traités') }),
      response: { 200: z.object({ today: z.string(), open: z.number(), reminders: z.array(ReminderViewSchema) }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const access = requireEntityPermission(req, req.params.code, 'read');
    return listReminderViews(req.ctx, req.params.code, { serviceIds: await serviceScope(req.ctx, access), includeDismissed: req.query.all === 'true' });
  });

  app.get('/api/entities/:code/reminders/count', {
    schema: { tags, summary: 'Nombre de rappels non traités (la cloche de l’en-tête)', params: EntityCodeParams, response: { 200: z.object({ open: z.number() }), 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    const access = requireEntityPermission(req, req.params.code, 'read');
    return countReminders(req.ctx, req.params.code, await serviceScope(req.ctx, access));
  });

  app.post('/api/entities/:code/reminders/:id/dismiss', {
    schema: {
      tags, summary: 'Marquer un rappel comme traité', params: EntityCodeParams.extend({ id: z.string().min(1).max(64) }),
      response: { 200: z.object({ id: z.string(), dismissed: z.boolean() }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    const access = requireEntityPermission(req, req.params.code, 'register', 'handle');
    return dismissReminderById(req.ctx, req.params.code, req.params.id, await serviceScope(req.ctx, access));
  });

  app.post('/api/entities/:code/reminders/sweep', {
    schema: {
      tags, summary: 'Calculer maintenant les rappels dus (le traitement périodique le fait aussi ; sans doublon)',
      params: EntityCodeParams, response: { 200: z.object({ created: z.number() }), 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'register', 'admin');
    return sweepRemindersOf(req.ctx, req.params.code, outboxReminderNotifier);
  });

  app.get('/api/entities/:code/reminder-settings', {
    schema: { tags, summary: 'Seuils de rappel de l’entité, en jours ouvrés avant l’échéance', params: EntityCodeParams, response: { 200: Settings, 401: ErrorView, 404: ErrorView } },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'read', 'admin');
    return reminderThresholdsOf(req.ctx, (await requireEntity(req.ctx, req.params.code)).id);
  });

  app.put('/api/entities/:code/reminder-settings', {
    schema: {
      tags, summary: 'Fixer les seuils de rappel de l’entité (administrateur de l’entité)', params: EntityCodeParams,
      body: z.object({ thresholds: z.array(z.number().int()).min(1).max(5) }),
      response: { 200: Settings, 400: ErrorView, 401: ErrorView, 404: ErrorView },
    },
  }, async (req) => {
    requireEntityPermission(req, req.params.code, 'admin');
    return setReminderThresholds(req.ctx, req.params.code, req.body.thresholds);
  });
}
