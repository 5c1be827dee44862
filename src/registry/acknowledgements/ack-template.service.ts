import { createHash } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { requireEntity } from '../entity.service.ts';
import type { AckChannel, AckTemplateKind } from './ack.tables.ts';
import { findAckTemplate, insertAckTemplateIfAbsent, listAckTemplates, upsertAckTemplate } from './ack-template.queries.ts';
import { ACK_CHANNELS, ACK_TEMPLATE_KINDS, defaultAckTemplate, validateAckTemplate, type AckTemplateText } from './ack-templates.ts';

export interface AckTemplateView {
  kind: AckTemplateKind;
  channel: AckChannel;
  subject: string;
  body: string;
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  shared: boolean;
}

const sha256Text = (text: string) => createHash('sha256').update(text).digest('hex');

/** Gives an entity the default AR texts it lacks (idempotent; an edited text is kept). */
export async function seedAckTemplates(ctx: Ctx, entityId: string) {
  const now = ctx.clock.now().toISOString();
  for (const kind of ACK_TEMPLATE_KINDS) {
    for (const channel of ACK_CHANNELS) {
      const text = defaultAckTemplate(kind, channel);
      await insertAckTemplateIfAbsent(ctx.db, { entity_id: entityId, kind, channel, ...text, updated_at: now, updated_by: null });
    }
  }
}

/** The text an AR of this entity, kind and channel is built from (the default when none is stored). */
export async function loadAckTemplate(ctx: Ctx, entityId: string, kind: AckTemplateKind, channel: AckChannel): Promise<AckTemplateText> {
  const row = await findAckTemplate(ctx.db, entityId, kind, channel);
  return row ? { subject: row.subject, body: row.body } : defaultAckTemplate(kind, channel);
}

export async function listAckTemplateViews(ctx: Ctx, entityCode: string): Promise<AckTemplateView[]> {
  const entity = await requireEntity(ctx, entityCode);
  const rows = await listAckTemplates(ctx.db, entity.id);
  const views: AckTemplateView[] = [];
  for (const kind of ACK_TEMPLATE_KINDS) {
    for (const channel of ACK_CHANNELS) {
      const row = rows.find((r) => r.kind === kind && r.channel === channel);
      const fallback = defaultAckTemplate(kind, channel);
      views.push({
        kind,
        channel,
        subject: row?.subject ?? fallback.subject,
        body: row?.body ?? fallback.body,
        isDefault: !row || (row.subject === fallback.subject && row.body === fallback.body),
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
        shared: Boolean(Number(row?.shared ?? 0)),
      });
    }
  }
  return views;
}

/** Replaces the editable text of one kind and channel; the legal block stays out of reach. */
export async function updateAckTemplate(
  ctx: Ctx,
  entityCode: string,
  kind: AckTemplateKind,
  input: { channel: AckChannel } & AckTemplateText,
): Promise<AckTemplateView> {
  const entity = await requireEntity(ctx, entityCode);
  const text = validateAckTemplate(input);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findAckTemplate(trx, entity.id, kind, input.channel);
    await upsertAckTemplate(trx, {
      entity_id: entity.id, kind, channel: input.channel, ...text, updated_at: ctx.clock.now().toISOString(), updated_by: ctx.actor.label,
    });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'registry.ack_template.updated',
      subjectType: 'ack_template',
      subjectId: `${kind}/${input.channel}`,
      // the audit keeps fingerprints of the texts, not the texts
      before: before ? { sha256: sha256Text(`${before.subject}\n${before.body}`) } : null,
      after: { sha256: sha256Text(`${text.subject}\n${text.body}`) },
    });
  });
  const views = await listAckTemplateViews(ctx, entityCode);
  return views.find((v) => v.kind === kind && v.channel === input.channel)!;
}
