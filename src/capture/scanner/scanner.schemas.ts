import { z } from 'zod';
import { MailItemSummarySchema } from '../../registry/mail-item.schemas.ts';
import { QuarantineEntrySchema } from '../capture.schemas.ts';

export const BatchItemSchema = z.object({
  pages: z.array(z.number()).describe('Pages du lot (numérotées à partir de 1) prises par ce courrier'),
  serviceCode: z.string().nullable().describe('Service destinataire lu sur la feuille de séparation'),
  item: MailItemSummarySchema.nullable(),
  quarantine: QuarantineEntrySchema.nullable(),
  warnings: z.array(z.string()),
});

export const BatchResultSchema = z.object({
  batchId: z.string(),
  filename: z.string(),
  sha256: z.string(),
  pageCount: z.number(),
  separators: z.array(z.number()).describe('Pages des feuilles de séparation trouvées (retirées)'),
  blanks: z.array(z.number()).describe('Pages blanches retirées'),
  items: z.array(BatchItemSchema),
  quarantine: QuarantineEntrySchema.nullable().describe('Le fichier entier refusé (illisible, ou rien que des pages blanches et des feuilles)'),
});

export const BatchResultsSchema = z.object({ results: z.array(BatchResultSchema) });

export const SeparatorSheetQuerySchema = z.object({
  service: z.string().trim().min(1).max(40).optional(),
  count: z.coerce.number().int().min(1).max(500).default(1),
});

/** Multipart text fields: "true"/"false" (an HTML checkbox sends "on"). */
export const FormFlagSchema = z.enum(['true', 'false', 'on', '1', '0']).transform((v) => v === 'true' || v === 'on' || v === '1');
