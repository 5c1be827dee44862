import { z } from 'zod';

export const EntityCodeParams = z.object({ code: z.string().min(1).max(40).describe('Code de l’entité, par exemple PREF69') });

export const ChannelSchema = z.enum(['scan', 'upload', 'email', 'api', 'form', 'transfer']);
export const StatusSchema = z.enum(['registered', 'processing', 'indexed', 'needs_review', 'quarantined']);

export const ServiceView = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });
export const EntityView = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  services: z.array(ServiceView),
  myRoles: z.array(z.string()).describe('Les rôles de l’agent connecté dans cette entité (vide : il n’y voit aucun courrier)'),
});
export const EntityListView = z.object({ entities: z.array(EntityView) });

export const MailItemSummarySchema = z.object({
  id: z.string(),
  chrono: z.string().describe('Numéro chrono, unique par entité, année et sens : PREF69-2026-E-000123'),
  entityCode: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  channel: ChannelSchema,
  status: StatusSchema,
  receivedAt: z.string(),
  senderName: z.string().nullable(),
  senderAddress: z.string().nullable(),
  subject: z.string().nullable(),
  letterDate: z.string().nullable(),
  pageCount: z.number(),
  documentCount: z.number(),
  externalReference: z.string().nullable().optional().describe('Référence propre de l’application qui a déposé le courrier (dépôt par API)'),
});

/** A real calendar day: « 2026-02-30 » or « 2026-13-45 » are refused, not silently ignored. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
  .refine((day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'cette date n’existe pas');

export const InboxQuerySchema = z.object({
  channel: ChannelSchema.optional(),
  status: StatusSchema.optional(),
  from: Day.optional().describe('Reçus à partir de ce jour (inclus)'),
  to: Day.optional().describe('Reçus jusqu’à ce jour (inclus)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const SearchQuerySchema = InboxQuerySchema.extend({
  q: z.string().trim().min(1, 'saisissez au moins un mot').max(500),
});

export const InboxView = z.object({ items: z.array(MailItemSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const SearchView = z.object({
  results: z.array(z.object({ item: MailItemSummarySchema, score: z.number(), snippet: z.string() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const DocumentViewSchema = z.object({
  id: z.string(),
  position: z.number(),
  role: z.enum(['main', 'attachment', 'email-body']),
  filename: z.string(),
  mime: z.string(),
  kind: z.enum(['pdf', 'tiff', 'jpeg', 'png', 'eml', 'text']),
  sizeBytes: z.number(),
  sha256: z.string(),
  pageCount: z.number(),
  status: z.enum(['pending', 'processing', 'done', 'failed', 'quarantined']),
  textSource: z.enum(['text-layer', 'ocr', 'mixed', 'email']).nullable(),
  ocrConfidence: z.number().nullable(),
  hasSearchablePdf: z.boolean(),
  quarantineReason: z.string().nullable(),
});

export const FieldViewSchema = z.object({
  name: z.enum(['letter_date', 'other_date', 'subject', 'reference', 'email', 'phone', 'postal_code_city', 'sender']),
  value: z.string(),
  normalized: z.string().nullable(),
  confidence: z.number(),
  page: z.number().nullable(),
  excerpt: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  documentId: z.string(),
});

export const MailItemDetailSchema = MailItemSummarySchema.extend({
  documents: z.array(DocumentViewSchema),
  fields: z.array(FieldViewSchema),
  warnings: z.array(z.string()),
  email: z.record(z.string(), z.unknown()).optional(),
});

export const ErrorView = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

export const MailItemHistorySchema = z.object({
  events: z.array(
    z.object({
      seq: z.number(),
      occurredAt: z.string(),
      action: z.string().describe('Action stable, par exemple registry.mail_item.registered'),
      actorType: z.enum(['user', 'system', 'public', 'api']),
      actorLabel: z.string().nullable(),
      source: z.string(),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
