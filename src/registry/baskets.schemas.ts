import { z } from 'zod';
import { dayProblem } from './statistics.schemas.ts';
import { MailItemSummarySchema } from './mail-item.schemas.ts';

export const BasketCodeSchema = z.enum(['a-qualifier', 'a-traiter', 'en-copie', 'en-retard']);

export const BasketQuerySchema = z.object({
  channel: z.enum(['scan', 'upload', 'email', 'api', 'form', 'transfer']).optional().describe('Canal d’arrivée'),
  type: z.string().min(1).max(40).optional().describe('Code du type de demande'),
  service: z.string().min(1).max(40).optional().describe('Code du service (et ses sous-services)'),
  deadlineBy: z
    .string()
    .superRefine((day, check) => {
      const problem = dayProblem(day);
      if (problem) check.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .describe('Décision implicite au plus tard ce jour'),
});

export const BasketListView = z.object({
  today: z.string(),
  wholeEntity: z.boolean(),
  baskets: z.array(z.object({ code: BasketCodeSchema, label: z.string(), count: z.number() })),
  services: z.array(z.object({ code: z.string(), name: z.string() })),
  requestTypes: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const BasketItemsView = z.object({
  basket: z.object({ code: BasketCodeSchema, label: z.string() }),
  today: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    MailItemSummarySchema.extend({
      service: z.object({ code: z.string(), name: z.string() }).nullable(),
      requestType: z.object({ code: z.string(), name: z.string() }).nullable(),
      handlingStatus: z.string(),
      implicitDecisionDate: z.string().nullable(),
      daysLeft: z.number().nullable(),
    }),
  ),
});
