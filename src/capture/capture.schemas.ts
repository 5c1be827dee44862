import { z } from 'zod';
import { MailItemSummarySchema } from '../registry/mail-item.schemas.ts';

export const QuarantineEntrySchema = z.object({
  id: z.string(),
  entityCode: z.string(),
  channel: z.string(),
  filename: z.string(),
  sizeBytes: z.number(),
  sha256: z.string().nullable(),
  code: z.string().describe('Code stable du motif, par exemple CAPTURE_PDF_ENCRYPTED (voir docs/errors.md)'),
  message: z.string().describe('Motif en français, pour l’agent'),
  status: z.enum(['open', 'dismissed', 'released']),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  mailItemChrono: z.string().nullable(),
});

export const IntakeResultsSchema = z.object({
  results: z.array(
    z.object({
      filename: z.string(),
      item: MailItemSummarySchema.optional(),
      quarantine: QuarantineEntrySchema.optional(),
    }),
  ),
});

export const UploadChannelSchema = z.enum(['scan', 'upload', 'email', 'api']);

export const DocumentParams = z.object({ code: z.string().min(1).max(40), documentId: z.string().min(1).max(64) });

export const DocumentTextSchema = z.object({
  pages: z.array(
    z.object({ index: z.number(), text: z.string(), source: z.enum(['text-layer', 'ocr', 'email']), confidence: z.number().nullable() }),
  ),
});

export const QuarantineQuerySchema = z.object({ status: z.enum(['open', 'resolved']).default('open') });
export const QuarantineListSchema = z.object({ entries: z.array(QuarantineEntrySchema) });
export const DismissBodySchema = z.object({ note: z.string().trim().min(1, 'indiquez la raison').max(1000) });
