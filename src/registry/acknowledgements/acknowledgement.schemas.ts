import { z } from 'zod';

export const AckKindSchema = z.enum(['sva', 'svr', 'none']).describe('sva : silence vaut acceptation ; svr : silence vaut rejet ; none : pas de décision implicite');
export const AckChannelSchema = z.enum(['letter', 'email']).describe('letter : lettre PDF pour la poste ; email : courriel');

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');

/** `?missing=…&missing=…&due=2025-03-10`: an incomplete request (L114-5). */
export const AckQuerySchema = z
  .object({
    missing: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .describe('Pièce ou information manquante (répéter le paramètre pour chacune)'),
    due: Day.optional().describe('Date limite de production des pièces manquantes'),
  })
  .refine((q) => (q.missing.length > 0) === Boolean(q.due), { message: 'indiquez à la fois les pièces manquantes (missing) et la date limite (due)' });

export const AckMentionsSchema = z.object({
  receivedOn: z.string(),
  decisionKind: z.enum(['acceptance', 'rejection']).nullable(),
  implicitDecisionDate: z.string().nullable(),
  implicitDecisionDateIsConditional: z.boolean(),
  service: z.object({ name: z.string(), postalAddress: z.array(z.string()), email: z.string().nullable(), phone: z.string() }),
  appealRoutes: z.object({ court: z.string(), lastDay: z.string() }).nullable(),
  attestationRight: z.boolean(),
  incomplete: z
    .object({ missingItems: z.array(z.string()), dueDate: z.string(), effect: z.enum(['acceptance_delay_starts_on_receipt', 'rejection_delay_suspended', 'instruction_waits']) })
    .nullable(),
});

export const AckEmailView = z.object({
  to: z.string().nullable().describe('Adresse électronique de l’expéditeur, si elle est connue'),
  subject: z.string(),
  text: z.string(),
  mentions: AckMentionsSchema,
  warnings: z.array(z.string()),
});

export const AckTemplateViewSchema = z.object({
  kind: AckKindSchema,
  channel: AckChannelSchema,
  subject: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  shared: z.boolean().describe('Partagé avec les autres entités de la plateforme, qui peuvent le copier'),
});

export const AckTemplateBody = z.object({
  channel: AckChannelSchema,
  subject: z.string().max(200),
  body: z.string().max(8000).describe('Texte libre ; champs {{chrono}}, {{date_reception}}… ; {{mentions_obligatoires}} place le bloc des mentions légales, qui figure de toute façon'),
});
