import { randomUUID } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { listRequestTypeViews, requireEntity, requireService } from '../../registry/index.ts';
import { deleteRule, findRule, insertRule, listRules, updateRule } from './routing.queries.ts';
import type { RoutingRule } from './rules.ts';
import type { IndexingRoutingRuleTable } from './tables.ts';

export interface RuleInput {
  name: string;
  priority?: number;
  senderDomain?: string | null;
  senderAddress?: string | null;
  keywords?: string[] | null;
  formType?: string | null;
  mailbox?: string | null;
  serviceCode?: string | null;
  requestTypeCode?: string | null;
}

export type RuleView = RoutingRule & { createdAt: string };

function toRule(row: IndexingRoutingRuleTable): RuleView {
  return {
    id: row.id,
    name: row.name,
    priority: Number(row.priority),
    senderDomain: row.sender_domain,
    senderAddress: row.sender_address,
    keywords: JSON.parse(row.keywords) as string[],
    formType: row.form_type,
    mailbox: row.mailbox,
    serviceCode: row.service_code,
    requestTypeCode: row.request_type_code,
    createdAt: row.created_at,
  };
}

export async function loadRules(ctx: Ctx, entityId: string): Promise<RuleView[]> {
  return (await listRules(ctx.db, entityId)).map(toRule);
}

export async function listRuleViews(ctx: Ctx, entityCode: string): Promise<RuleView[]> {
  const entity = await requireEntity(ctx, entityCode);
  return loadRules(ctx, entity.id);
}

const invalid = (detailFr: string) => new OctoError('INDEXING_ROUTING_RULE_INVALID', 'invalid routing rule', { detailFr });
const clean = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Checks a rule against the entity: one condition at least, one decision at least, known codes. */
async function checkedColumns(ctx: Ctx, entityCode: string, input: RuleInput) {
  const keywords = (input.keywords ?? []).map((k) => k.trim()).filter(Boolean);
  const columns = {
    name: input.name.trim(),
    priority: input.priority ?? 100,
    sender_domain: clean(input.senderDomain)?.toLowerCase().replace(/^@/, '') ?? null,
    sender_address: clean(input.senderAddress)?.toLowerCase() ?? null,
    keywords: JSON.stringify(keywords),
    form_type: clean(input.formType),
    mailbox: clean(input.mailbox)?.toLowerCase() ?? null,
    service_code: clean(input.serviceCode),
    request_type_code: clean(input.requestTypeCode),
  };
  if (!columns.name) throw invalid('donnez-lui un nom.');
  if (!columns.sender_domain && !columns.sender_address && keywords.length === 0 && !columns.form_type && !columns.mailbox) {
    throw invalid('indiquez au moins une condition (domaine ou adresse de l’expéditeur, mots-clés, type de formulaire, boîte de réception).');
  }
  if (!columns.service_code && !columns.request_type_code) throw invalid('indiquez le service ou le type de demande à attribuer.');
  if (columns.sender_address && !/^[^@\s]+@[^@\s]+$/.test(columns.sender_address)) throw invalid(`adresse d’expéditeur incorrecte : ${columns.sender_address}.`);
  if (columns.sender_domain && !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(columns.sender_domain)) throw invalid(`domaine incorrect : ${columns.sender_domain}.`);
  if (columns.service_code) {
    const known = await requireService(ctx, entityCode, columns.service_code).then(() => true, (error: unknown) => {
      if (error instanceof OctoError && error.code === 'REGISTRY_ENTITY_NOT_FOUND') throw error;
      return false;
    });
    if (!known) throw invalid(`service inconnu : ${columns.service_code}.`);
  }
  if (columns.request_type_code) {
    const types = await listRequestTypeViews(ctx, entityCode);
    if (!types.some((t) => t.code === columns.request_type_code)) throw invalid(`type de demande inconnu : ${columns.request_type_code}.`);
  }
  return columns;
}

export async function addRoutingRule(ctx: Ctx, entityCode: string, input: RuleInput): Promise<RuleView> {
  const entity = await requireEntity(ctx, entityCode);
  const columns = await checkedColumns(ctx, entityCode, input);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertRule(trx, { id, entity_id: entity.id, ...columns, created_at: ctx.clock.now().toISOString() });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'indexing.routing.rule_added', subjectType: 'routing_rule', subjectId: id, after: columns,
    });
  });
  return toRule((await findRule(ctx.db, entity.id, id))!);
}

async function requireRule(ctx: Ctx, entityId: string, id: string) {
  const row = await findRule(ctx.db, entityId, id);
  if (!row) throw new OctoError('INDEXING_ROUTING_RULE_NOT_FOUND', `routing rule ${id} not found`, { id });
  return row;
}

export async function updateRoutingRule(ctx: Ctx, entityCode: string, id: string, input: RuleInput): Promise<RuleView> {
  const entity = await requireEntity(ctx, entityCode);
  const before = await requireRule(ctx, entity.id, id);
  const columns = await checkedColumns(ctx, entityCode, input);
  await ctx.db.transaction().execute(async (trx) => {
    await updateRule(trx, entity.id, id, columns);
    const { id: _id, entity_id: _entity, created_at: _created, ...old } = before;
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'indexing.routing.rule_changed', subjectType: 'routing_rule', subjectId: id, before: old, after: columns,
    });
  });
  return toRule((await findRule(ctx.db, entity.id, id))!);
}

export async function removeRoutingRule(ctx: Ctx, entityCode: string, id: string): Promise<void> {
  const entity = await requireEntity(ctx, entityCode);
  const before = await requireRule(ctx, entity.id, id);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteRule(trx, entity.id, id);
    const { id: _id, entity_id: _entity, created_at: _created, ...old } = before;
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'indexing.routing.rule_removed', subjectType: 'routing_rule', subjectId: id, before: old,
    });
  });
}
