import { z } from 'zod';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { listRequestTypeViews, qualifyMailItem, type DeclaredMailMeta } from '../registry/index.ts';
import type { IntakeResult } from './intake.service.ts';

/**
 * What an application (online-procedure platform, business application) may declare with the files
 * it deposits, as multipart text fields. All optional; the sender and subject it declares are kept
 * instead of what indexing would guess from the letter.
 */
export const DepositMetadataSchema = z.object({
  externalReference: z.string().trim().min(1).max(200).optional().describe('Référence du dossier dans l’application qui dépose'),
  senderName: z.string().trim().min(1).max(300).optional().describe('Nom de l’expéditeur'),
  senderAddress: z.string().trim().min(1).max(500).optional().describe('Adresse (postale ou électronique) de l’expéditeur'),
  subject: z.string().trim().min(1).max(500).optional().describe('Objet du courrier'),
  requestTypeCode: z.string().trim().min(1).max(60).optional().describe('Code du type de demande : le courrier est qualifié dès son enregistrement'),
});
export type DepositMetadata = z.infer<typeof DepositMetadataSchema>;

export const DEPOSIT_METADATA_FIELDS = Object.keys(DepositMetadataSchema.shape) as Array<keyof DepositMetadata>;

export function isDepositMetadataField(name: string): name is keyof DepositMetadata {
  return (DEPOSIT_METADATA_FIELDS as string[]).includes(name);
}

const FIELD_FR: Record<keyof DepositMetadata, string> = {
  externalReference: 'référence externe',
  senderName: 'expéditeur',
  senderAddress: 'adresse de l’expéditeur',
  subject: 'objet',
  requestTypeCode: 'type de demande',
};

/** Checks the declared fields, with a French message naming the wrong one. */
export function parseDepositMetadata(fields: Record<string, string>): DepositMetadata {
  const parsed = DepositMetadataSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = FIELD_FR[issue.path[0] as keyof DepositMetadata] ?? String(issue.path[0]);
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad deposit field ${String(issue.path[0])}`, { detailFr: `Champ « ${field} » : ${issue.message}.` });
  }
  return parsed.data;
}

export function declaredMetaOf(metadata: DepositMetadata): DeclaredMailMeta | null {
  const declared: DeclaredMailMeta = {
    ...(metadata.senderName ? { senderName: metadata.senderName } : {}),
    ...(metadata.senderAddress ? { senderAddress: metadata.senderAddress } : {}),
    ...(metadata.subject ? { subject: metadata.subject } : {}),
  };
  return Object.keys(declared).length > 0 ? declared : null;
}

/** Refuses an unknown request type before anything is registered. */
export async function checkDepositRequestType(ctx: Ctx, entityCode: string, metadata: DepositMetadata): Promise<void> {
  if (!metadata.requestTypeCode) return;
  const types = await listRequestTypeViews(ctx, entityCode);
  if (!types.some((t) => t.code === metadata.requestTypeCode)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `request type ${metadata.requestTypeCode} not found`, {
      detailFr: `Type de demande inconnu dans cette entité : ${metadata.requestTypeCode} (codes possibles : ${types.map((t) => t.code).join(', ')}).`,
    });
  }
}

/** Qualifies each registered item with the declared request type (its legal deadlines follow). */
export async function qualifyDeposited(ctx: Ctx, entityCode: string, results: IntakeResult[], metadata: DepositMetadata): Promise<void> {
  if (!metadata.requestTypeCode) return;
  for (const result of results) {
    if (result.item) await qualifyMailItem(ctx, entityCode, result.item.chrono, { requestTypeCode: metadata.requestTypeCode });
  }
}
