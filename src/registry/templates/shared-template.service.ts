import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import type { AckChannel, AckTemplateKind } from '../acknowledgements/ack.tables.ts';
import { listAckTemplateViews, seedAckTemplates, updateAckTemplate } from '../acknowledgements/ack-template.service.ts';
import { requireEntity } from '../entity.service.ts';
import { findSharedTemplate, listSharedTemplates, setTemplateShared } from './shared-template.queries.ts';

export interface SharedTemplateView {
  entityCode: string;
  entityName: string;
  kind: AckTemplateKind;
  channel: AckChannel;
  subject: string;
  body: string;
  updatedAt: string;
}

/** The owner shares (or stops sharing) one of its AR texts; the others only read and copy it. */
export async function shareAckTemplate(ctx: Ctx, entityCode: string, kind: AckTemplateKind, channel: AckChannel, shared: boolean) {
  const entity = await requireEntity(ctx, entityCode);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await setTemplateShared(trx, entity.id, kind, channel, shared)) === 0) {
      // an entity created before its texts were seeded: give it the defaults first
      await seedAckTemplates({ ...ctx, db: trx }, entity.id);
      await setTemplateShared(trx, entity.id, kind, channel, shared);
    }
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: shared ? 'registry.ack_template.shared' : 'registry.ack_template.unshared', subjectType: 'ack_template', subjectId: `${kind}/${channel}`,
    });
  });
  return (await listAckTemplateViews(ctx, entityCode)).find((v) => v.kind === kind && v.channel === channel)!;
}

export async function listSharedTemplateViews(ctx: Ctx, entityCode: string): Promise<SharedTemplateView[]> {
  const entity = await requireEntity(ctx, entityCode);
  return (await listSharedTemplates(ctx.db, entity.id)).map((row) => ({
    entityCode: row.entity_code, entityName: row.entity_name, kind: row.kind, channel: row.channel, subject: row.subject, body: row.body, updatedAt: row.updated_at,
  }));
}

/** Copies another entity's shared text into this entity's own (then edited freely, here only). */
export async function copySharedTemplate(ctx: Ctx, entityCode: string, input: { fromEntityCode: string; kind: AckTemplateKind; channel: AckChannel }) {
  const entity = await requireEntity(ctx, entityCode);
  const source = await requireEntity(ctx, input.fromEntityCode);
  const row = source.id === entity.id ? undefined : await findSharedTemplate(ctx.db, source.id, input.kind, input.channel);
  if (!row) throw new OctoError('REGISTRY_TEMPLATE_NOT_SHARED', `template ${input.fromEntityCode}/${input.kind}/${input.channel} not shared`);
  const view = await updateAckTemplate(ctx, entityCode, input.kind, { channel: input.channel, subject: row.subject, body: row.body });
  await ctx.db.transaction().execute(async (trx) => {
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.ack_template.copied', subjectType: 'ack_template', subjectId: `${input.kind}/${input.channel}`, details: { from: source.code },
    });
  });
  return view;
}
