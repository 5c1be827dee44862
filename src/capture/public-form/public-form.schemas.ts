import { z } from 'zod';

// The public form's JSON part (field « demande » of the multipart body). Its checks with their
// French messages are in submission-validation.ts, so each field gets a specific sentence.
export const SubmissionInput = z.object({
  requesterKind: z.enum(['person', 'company', 'association']).default('person'),
  lastName: z.string().default(''),
  firstName: z.string().default(''),
  organisationName: z.string().optional(),
  siret: z.string().optional(),
  rna: z.string().optional(),
  email: z.string().default(''),
  addressLines: z.array(z.string()).default([]),
  postcode: z.string().default(''),
  city: z.string().default(''),
  country: z.string().optional(),
  phone: z.string().optional(),
  requestTypeCode: z.string().default(''),
  subject: z.string().default(''),
  message: z.string().default(''),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const FieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const PublicErrorView = z.object({
  code: z.string(),
  message: z.string(),
  details: z.object({ fields: z.array(FieldError).optional() }).passthrough(),
});

export const PublicFormView = z.object({
  entity: z.object({ code: z.string(), name: z.string() }),
  requestTypes: z.array(z.object({ code: z.string(), name: z.string(), implicitDecision: z.string() })),
  maxAttachments: z.number(),
  maxAttachmentMb: z.number(),
});

export const SubmissionReceipt = z.object({
  chrono: z.string(),
  receivedAt: z.string().describe('Date et heure de réception (ISO 8601)'),
  receivedOnFr: z.string(),
  entityName: z.string(),
  requestType: z.string(),
  email: z.string(),
  aeeStatus: z.string().describe('État de l’envoi de l’accusé d’enregistrement électronique'),
  areDueDate: z.string().nullable().describe('Date limite d’envoi de l’accusé de réception électronique (10 jours ouvrés, CRPA R112-11-2)'),
  attachments: z.array(z.object({ filename: z.string(), accepted: z.boolean(), reason: z.string().nullable() })),
});
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;
