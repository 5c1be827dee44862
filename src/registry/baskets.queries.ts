import type { Db } from '../platform/database/db.ts';
import type { HandlingStatus, MailChannel } from './tables.ts';

export type BasketCode = 'a-qualifier' | 'a-traiter' | 'en-copie' | 'en-retard';

export interface BasketScope {
  /** The whole entity's mail (mailroom, auditor), or only these services' (with their sub-services). */
  wholeEntity: boolean;
  serviceIds: string[];
}

export interface BasketFilter {
  channel?: MailChannel;
  requestTypeId?: string;
  /** Only these services (already inside the scope). */
  serviceIds?: string[];
  /** Implicit decision on or before this day (YYYY-MM-DD). */
  deadlineBy?: string;
}

const CLOSED: HandlingStatus[] = ['answered', 'closed'];

/** The rows of one basket, before paging: open items of the entity, in the scope, filtered. */
function basketQuery(db: Db, entityId: string, basket: BasketCode, scope: BasketScope, filter: BasketFilter, today: string) {
  let q = db
    .selectFrom('registry_mail_item')
    .where('registry_mail_item.entity_id', '=', entityId)
    .where('registry_mail_item.direction', '=', 'incoming')
    .where((eb) => eb.or([eb('registry_mail_item.handling_status', 'is', null), eb('registry_mail_item.handling_status', 'not in', CLOSED)]));
  const inServices = (ids: string[]) => (ids.length ? ids : ['-']);
  if (basket === 'a-qualifier') {
    q = q.where('registry_mail_item.service_id', 'is', null);
  } else if (basket === 'en-copie') {
    const copied = db.selectFrom('registry_mail_copy').select('registry_mail_copy.mail_item_id').where('registry_mail_copy.entity_id', '=', entityId);
    q = q.where('registry_mail_item.id', 'in', scope.wholeEntity ? copied : copied.where('registry_mail_copy.service_id', 'in', inServices(scope.serviceIds)));
  } else {
    q = q.where('registry_mail_item.service_id', 'is not', null);
    if (!scope.wholeEntity) q = q.where('registry_mail_item.service_id', 'in', inServices(scope.serviceIds));
    if (basket === 'en-retard') q = q.where('registry_mail_item.implicit_decision_date', '<', today);
  }
  if (filter.channel) q = q.where('registry_mail_item.channel', '=', filter.channel);
  if (filter.requestTypeId) q = q.where('registry_mail_item.request_type_id', '=', filter.requestTypeId);
  if (filter.serviceIds) q = q.where('registry_mail_item.service_id', 'in', inServices(filter.serviceIds));
  if (filter.deadlineBy) q = q.where('registry_mail_item.implicit_decision_date', '<=', filter.deadlineBy);
  return q;
}

export async function countBasket(db: Db, entityId: string, basket: BasketCode, scope: BasketScope, filter: BasketFilter, today: string) {
  const row = await basketQuery(db, entityId, basket, scope, filter, today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Oldest deadline first, then oldest receipt: what must be done first is on top. */
export function listBasketRows(db: Db, entityId: string, basket: BasketCode, scope: BasketScope, filter: BasketFilter, today: string, limit: number, offset: number) {
  return basketQuery(db, entityId, basket, scope, filter, today)
    .selectAll('registry_mail_item')
    .orderBy((eb) => eb.case().when('registry_mail_item.implicit_decision_date', 'is', null).then(1).else(0).end())
    .orderBy('registry_mail_item.implicit_decision_date')
    .orderBy('registry_mail_item.received_at')
    .orderBy('registry_mail_item.chrono')
    .limit(limit)
    .offset(offset)
    .execute();
}
