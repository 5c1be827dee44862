import { z } from 'zod';

export const HandlingStatusSchema = z.enum(['registered', 'assigned', 'in_progress', 'answered', 'closed', 'transferred_out']);
/** What an agent may set by hand: « transmis hors plateforme » comes only with the export package. */
export const SettableHandlingStatusSchema = z.enum(['registered', 'assigned', 'in_progress', 'answered', 'closed']);

export const RequestTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  regime: z.enum(['sva', 'svr', 'none']).describe('sva : silence vaut acceptation ; svr : silence vaut rejet ; none : pas de décision implicite'),
  delay: z.string().nullable().describe('Délai de naissance de la décision implicite : 2m, 1m, 4m, 30d…'),
  ackRequired: z.boolean(),
  legalBasis: z.string(),
});

export const HandlingViewSchema = z.object({
  requestType: RequestTypeSchema.nullable(),
  service: z.object({ code: z.string(), name: z.string() }).nullable(),
  assigneeLabel: z.string().nullable(),
  handlingStatus: HandlingStatusSchema,
  handlingReason: z.string().nullable(),
  deadline: z
    .object({
      kind: z.enum(['acceptance', 'rejection']).nullable(),
      date: z.string().describe('Jour de naissance de la décision implicite (à minuit)'),
      daysLeft: z.number(),
    })
    .nullable(),
  ackDueDate: z.string().nullable(),
  incomplete: z
    .object({ requestedOn: z.string(), missingItems: z.array(z.string()), timeLimit: z.string().nullable(), completedOn: z.string().nullable() })
    .nullable()
    .describe('Demande incomplète (CRPA L114-5) : pièces demandées, délai pour les produire, date de réception'),
  firstReceivedOn: z.string().nullable().describe('Réception par la première administration (demande transmise, L114-2)'),
  transferredFrom: z.string().nullable(),
  transferredToChrono: z.string().nullable(),
  copies: z.array(z.object({ code: z.string(), name: z.string() })),
  comments: z.array(z.object({ id: z.string(), author: z.string(), body: z.string(), createdAt: z.string() })),
  links: z.array(z.object({ chrono: z.string(), kind: z.enum(['reply', 'related']), direction: z.enum(['to', 'from']) })),
});

const ServiceCode = z.string().trim().min(1).max(40);

export const QualifyBody = z.object({ requestTypeCode: z.string().trim().min(1).max(40), serviceCode: ServiceCode.optional() });
export const AssignBody = z.object({ serviceCode: ServiceCode, assigneeLabel: z.string().trim().min(1).max(200).optional() });
export const CopyBody = z.object({ serviceCode: ServiceCode });
export const CommentBody = z.object({ body: z.string().trim().min(1, 'le commentaire est vide').max(5000) });
export const LinkBody = z.object({ chrono: z.string().trim().min(1).max(64), kind: z.enum(['reply', 'related']).default('related') });
export const StatusBody = z.object({ status: SettableHandlingStatusSchema, reason: z.string().trim().max(1000).optional() });

export const MissingItemsBody = z.object({
  missingItems: z.array(z.string().trim().min(1).max(300)).min(1, 'indiquez au moins une pièce').max(50),
  timeLimit: z.string().trim().regex(/^\d{1,4}\s*[dwmDWM]$/, 'délai attendu : 15d, 3w ou 1m'),
});
export const TransferBody = z.object({ targetEntityCode: z.string().trim().min(1).max(40), note: z.string().trim().max(500).optional() });
export const TransferResult = z.object({
  chrono: z.string(),
  entityCode: z.string(),
  firstReceivedOn: z.string(),
  notice: z
    .object({
      channel: z.enum(['email', 'letter']).describe('email : l’avis part par courriel (file d’envoi) ; letter : à imprimer et poster'),
      to: z.string().nullable(),
      detail: z.string(),
    })
    .optional()
    .describe('L’avis de transmission au demandeur (CRPA L114-2), envoyé automatiquement quand son adresse électronique est connue'),
});
