import { z } from 'zod';

/** Why a day (YYYY-MM-DD) is refused, in French; null when it is a real calendar day. */
export function dayProblem(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return 'date attendue au format AAAA-MM-JJ';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'cette date n’existe pas';
  return null;
}

/** Why a period is refused, in French (« du … au … », both days included); null when valid. */
export function periodProblem(from: string | undefined, to: string | undefined): string | null {
  for (const [label, day] of [['date de début', from], ['date de fin', to]] as const) {
    const problem = day === undefined ? null : dayProblem(day);
    if (problem) return `${label} « ${day} » : ${problem}.`;
  }
  if (from !== undefined && to !== undefined && from > to) return `la date de début (${from}) est postérieure à la date de fin (${to}).`;
  return null;
}

const Day = z.string().superRefine((day, check) => {
  const problem = dayProblem(day);
  if (problem) check.addIssue({ code: 'custom', message: problem });
});

export const StatisticsQuery = z
  .object({
    from: Day.optional().describe('Premier jour de la période (reçus à partir de ce jour, calendrier de Paris) ; défaut : 12 mois avant la fin'),
    to: Day.optional().describe('Dernier jour de la période (inclus) ; défaut : aujourd’hui'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'la date de début est postérieure à la date de fin',
    path: ['to'],
  });

const HandlingStatus = z.enum(['registered', 'assigned', 'in_progress', 'answered', 'closed', 'transferred_out']);
const Channel = z.enum(['scan', 'upload', 'email', 'api', 'form', 'transfer']);

export const BACKLOG_BUCKETS = [
  { key: '0-7', minDays: 0, maxDays: 7 },
  { key: '8-30', minDays: 8, maxDays: 30 },
  { key: '31-60', minDays: 31, maxDays: 60 },
  { key: '61-90', minDays: 61, maxDays: 90 },
  { key: '91+', minDays: 91, maxDays: null },
] as const;

export const StatisticsFiguresSchema = z.object({
  received: z.number().describe('Courriers entrants reçus pendant la période'),
  byChannel: z.array(z.object({ channel: Channel, count: z.number() })),
  byHandlingStatus: z.array(z.object({ status: HandlingStatus, count: z.number() })),
  byRequestType: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), count: z.number() })).describe('code null : non qualifiés'),
  byService: z
    .array(z.object({ entityCode: z.string().nullable(), code: z.string().nullable(), name: z.string().nullable(), count: z.number() }))
    .describe('code null : non attribués'),
  processingTime: z
    .object({
      count: z.number().describe('Courriers répondus ou classés dont la réponse (à défaut, le classement) tombe dans la période'),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable().describe('90e centile (rang le plus proche)'),
      meanDays: z.number().nullable(),
      truncated: z.boolean().describe('vrai si le calcul porte sur les plus récents seulement (volume trop grand)'),
    })
    .describe('Jours calendaires (Paris) entre la réception et la réponse, à défaut le classement'),
  legalDelay: z
    .object({
      answered: z.number().describe('Demandes reçues dans la période, avec une date de décision implicite, et répondues'),
      withinDelay: z.number().describe('… répondues au plus tard le jour de la décision implicite'),
      rate: z.number().nullable().describe('withinDelay / answered, arrondi à 4 décimales'),
      openPastDate: z.number().describe('Demandes reçues dans la période, ni répondues ni classées, dont la date de décision implicite est passée'),
    }),
  backlog: z.object({
    total: z.number().describe('Courriers entrants ni répondus ni classés, quelle que soit leur date de réception'),
    buckets: z.array(z.object({ key: z.string(), minDays: z.number(), maxDays: z.number().nullable(), count: z.number() })),
  }),
});

const Period = z.object({ from: z.string(), to: z.string() });
const EntityRef = z.object({ code: z.string(), name: z.string(), shortName: z.string() });

export const EntityStatisticsSchema = StatisticsFiguresSchema.extend({
  entity: EntityRef,
  period: Period,
  today: z.string().describe('Jour de calcul (Paris) : l’âge du stock et les échéances passées s’y rapportent'),
});

export const PlatformStatisticsSchema = z.object({
  period: Period,
  today: z.string(),
  totals: StatisticsFiguresSchema,
  entities: z.array(StatisticsFiguresSchema.extend({ entity: EntityRef })),
});
