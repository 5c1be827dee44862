import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { daysLeft, parisDateOf } from './deadlines/index.ts';
import { countBasket, listBasketRows, type BasketCode, type BasketFilter, type BasketScope } from './baskets.queries.ts';
import { listServices } from './entity.queries.ts';
import { requireEntity } from './entity.service.ts';
import { findRequestTypeByCode, listRequestTypes } from './handling.queries.ts';
import { toMailItemSummary } from './mail-item.views.ts';
import type { MailChannel } from './tables.ts';

export const BASKETS: Array<{ code: BasketCode; label: string; wholeEntityOnly: boolean }> = [
  { code: 'a-qualifier', label: 'À qualifier', wholeEntityOnly: true },
  { code: 'a-traiter', label: 'À traiter', wholeEntityOnly: false },
  { code: 'en-copie', label: 'En copie', wholeEntityOnly: false },
  { code: 'en-retard', label: 'En retard', wholeEntityOnly: false },
];

export interface BasketQuery {
  channel?: MailChannel;
  type?: string;
  service?: string;
  deadlineBy?: string;
}

/** A service's mail includes its sub-services' (a head of a direction sees the bureaux under it). */
async function expandScope(ctx: Ctx, entityId: string, scope: BasketScope) {
  const services = await listServices(ctx.db, entityId);
  const ids = new Set(scope.serviceIds);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of services) {
      if (s.parent_id && ids.has(s.parent_id) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return { scope: { wholeEntity: scope.wholeEntity, serviceIds: [...ids] }, services };
}

async function prepare(ctx: Ctx, entityCode: string, scope: BasketScope, query: BasketQuery) {
  const entity = await requireEntity(ctx, entityCode);
  const expanded = await expandScope(ctx, entity.id, scope);
  const filter: BasketFilter = { channel: query.channel, deadlineBy: query.deadlineBy };
  if (query.type) {
    const type = await findRequestTypeByCode(ctx.db, entity.id, query.type);
    if (!type) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'unknown type', { detailFr: `Type de demande inconnu : ${query.type}.` });
    filter.requestTypeId = type.id;
  }
  if (query.service) {
    const service = expanded.services.find((s) => s.code === query.service);
    if (!service || (!scope.wholeEntity && !expanded.scope.serviceIds.includes(service.id))) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', 'service out of scope', { detailFr: `Service inconnu ou hors de votre périmètre : ${query.service}.` });
    }
    // The service and its sub-services.
    filter.serviceIds = (await expandScope(ctx, entity.id, { wholeEntity: false, serviceIds: [service.id] })).scope.serviceIds;
  }
  return { entity, scope: expanded.scope, services: expanded.services, filter, today: parisDateOf(ctx.clock.now()) };
}

function available(scope: BasketScope) {
  return BASKETS.filter((b) => scope.wholeEntity || !b.wholeEntityOnly);
}

/** The baskets the agent has, with their counts under the same filters. */
export async function listBaskets(ctx: Ctx, entityCode: string, scope: BasketScope, query: BasketQuery = {}) {
  const p = await prepare(ctx, entityCode, scope, query);
  const baskets = [];
  for (const basket of available(scope)) {
    baskets.push({ code: basket.code, label: basket.label, count: await countBasket(ctx.db, p.entity.id, basket.code, p.scope, p.filter, p.today) });
  }
  const types = await listRequestTypes(ctx.db, p.entity.id);
  return {
    today: p.today,
    wholeEntity: scope.wholeEntity,
    baskets,
    // What the filters can offer this agent.
    services: p.services.filter((s) => scope.wholeEntity || p.scope.serviceIds.includes(s.id)).map((s) => ({ code: s.code, name: s.name })),
    requestTypes: types.map((t) => ({ code: t.code, name: t.name })),
  };
}

export async function listBasketItems(
  ctx: Ctx,
  entityCode: string,
  basketCode: string,
  scope: BasketScope,
  query: BasketQuery & { page?: number; pageSize?: number } = {},
) {
  const basket = available(scope).find((b) => b.code === basketCode);
  if (!basket) throw new OctoError('REGISTRY_BASKET_NOT_FOUND', `basket ${basketCode} not found`, { basket: basketCode });
  const p = await prepare(ctx, entityCode, scope, query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const [total, rows, types] = await Promise.all([
    countBasket(ctx.db, p.entity.id, basket.code, p.scope, p.filter, p.today),
    listBasketRows(ctx.db, p.entity.id, basket.code, p.scope, p.filter, p.today, pageSize, (page - 1) * pageSize),
    listRequestTypes(ctx.db, p.entity.id),
  ]);
  const serviceById = new Map(p.services.map((s) => [s.id, s]));
  const typeById = new Map(types.map((t) => [t.id, t]));
  return {
    basket: { code: basket.code, label: basket.label },
    today: p.today,
    total,
    page,
    pageSize,
    items: rows.map((row) => {
      const service = row.service_id ? serviceById.get(row.service_id) : undefined;
      const type = row.request_type_id ? typeById.get(row.request_type_id) : undefined;
      return {
        ...toMailItemSummary(row, p.entity.code),
        service: service ? { code: service.code, name: service.name } : null,
        requestType: type ? { code: type.code, name: type.name } : null,
        handlingStatus: row.handling_status ?? 'registered',
        implicitDecisionDate: row.implicit_decision_date ?? null,
        daysLeft: row.implicit_decision_date ? daysLeft(row.implicit_decision_date, p.today) : null,
      };
    }),
  };
}
