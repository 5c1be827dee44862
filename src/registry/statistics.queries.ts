import type { Db } from '../platform/database/db.ts';

// Every statement of the steering figures ("pilotage"). Each one is scoped to a list of entity
// ids (one entity, or every entity of the platform) and to incoming items; instants are ISO
// strings, so that a range of instants compares as text on both dialects.

/** Incoming items received in [from, before): instants as ISO strings. */
export interface ReceivedRange {
  from: string;
  before: string;
}

function received(db: Db, entityIds: string[], range: ReceivedRange) {
  return db
    .selectFrom('registry_mail_item')
    .where('registry_mail_item.entity_id', 'in', entityIds)
    .where('registry_mail_item.direction', '=', 'incoming')
    .where('registry_mail_item.received_at', '>=', range.from)
    .where('registry_mail_item.received_at', '<', range.before);
}

export async function countReceivedByChannel(db: Db, entityIds: string[], range: ReceivedRange) {
  const rows = await received(db, entityIds, range)
    .select(['registry_mail_item.channel as channel', (eb) => eb.fn.countAll().as('n')])
    .groupBy('registry_mail_item.channel')
    .execute();
  return rows.map((r) => ({ channel: r.channel, count: Number(r.n) }));
}

export async function countReceivedByHandlingStatus(db: Db, entityIds: string[], range: ReceivedRange) {
  const rows = await received(db, entityIds, range)
    .select(['registry_mail_item.handling_status as status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('registry_mail_item.handling_status')
    .execute();
  return rows.map((r) => ({ status: r.status ?? null, count: Number(r.n) }));
}

/** By request type code (the same code across entities is one row); null: not qualified. */
export async function countReceivedByRequestType(db: Db, entityIds: string[], range: ReceivedRange) {
  const rows = await received(db, entityIds, range)
    .leftJoin('registry_request_type', 'registry_request_type.id', 'registry_mail_item.request_type_id')
    .select(['registry_request_type.code as code', (eb) => eb.fn.min('registry_request_type.name').as('name'), (eb) => eb.fn.countAll().as('n')])
    .groupBy('registry_request_type.code')
    .execute();
  return rows.map((r) => ({ code: r.code ?? null, name: (r.name as string | null) ?? null, count: Number(r.n) }));
}

/** By service (with its entity's code); null: not assigned. */
export async function countReceivedByService(db: Db, entityIds: string[], range: ReceivedRange) {
  const rows = await received(db, entityIds, range)
    .leftJoin('registry_service', 'registry_service.id', 'registry_mail_item.service_id')
    .leftJoin('registry_entity', 'registry_entity.id', 'registry_service.entity_id')
    .select([
      'registry_service.id as id',
      'registry_service.code as code',
      'registry_service.name as name',
      'registry_entity.code as entityCode',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .groupBy(['registry_service.id', 'registry_service.code', 'registry_service.name', 'registry_entity.code'])
    .execute();
  return rows.map((r) => ({ entityCode: r.entityCode ?? null, code: r.code ?? null, name: r.name ?? null, count: Number(r.n) }));
}

/**
 * Answered or closed items whose end (answer, or else closing) falls in the range, with their
 * receipt: at most `limit` rows, the latest ends first.
 */
export function listEndedItems(db: Db, entityIds: string[], range: ReceivedRange, limit: number) {
  return db
    .selectFrom('registry_mail_item')
    .select((eb) => ['received_at', eb.fn.coalesce('answered_at', 'closed_at').as('ended_at')])
    .where('entity_id', 'in', entityIds)
    .where('direction', '=', 'incoming')
    .where('handling_status', 'in', ['answered', 'closed'])
    .where((eb) => eb.fn.coalesce('answered_at', 'closed_at'), '>=', range.from)
    .where((eb) => eb.fn.coalesce('answered_at', 'closed_at'), '<', range.before)
    .orderBy((eb) => eb.fn.coalesce('answered_at', 'closed_at'), 'desc')
    .limit(limit)
    .execute();
}

/** Items received in the range, with an implicit decision date, that were answered: at most `limit`. */
export function listAnsweredWithDeadline(db: Db, entityIds: string[], range: ReceivedRange, limit: number) {
  return received(db, entityIds, range)
    .select(['registry_mail_item.answered_at as answeredAt', 'registry_mail_item.implicit_decision_date as decisionDate'])
    .where('registry_mail_item.implicit_decision_date', 'is not', null)
    .where('registry_mail_item.answered_at', 'is not', null)
    .where('registry_mail_item.handling_status', 'in', ['answered', 'closed'])
    .orderBy('registry_mail_item.received_at', 'desc')
    .limit(limit)
    .execute();
}

/** Items received in the range, still open, whose implicit decision date is before `day`. */
export async function countOpenPastDecisionDate(db: Db, entityIds: string[], range: ReceivedRange, day: string) {
  const row = await received(db, entityIds, range)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('registry_mail_item.implicit_decision_date', 'is not', null)
    .where('registry_mail_item.implicit_decision_date', '<', day)
    .where((eb) => eb.or([eb('registry_mail_item.handling_status', 'is', null), eb('registry_mail_item.handling_status', 'not in', ['answered', 'closed', 'transferred_out'])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Open items (neither answered nor closed), whenever received, counted by age: `since` gives the
 * lower bound (an ISO instant) of each bucket but the last, from the youngest to the oldest.
 */
export async function countOpenByAge(db: Db, entityIds: string[], since: string[]) {
  const row = await db
    .selectFrom('registry_mail_item')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      ...since.map((bound, i) =>
        eb.fn
          .sum(
            eb.case().when(eb.and([eb('received_at', '>=', bound), ...(i > 0 ? [eb('received_at', '<', since[i - 1]!)] : [])])).then(1).else(0).end(),
          )
          .as(`b${i}`),
      ),
    ])
    .where('entity_id', 'in', entityIds)
    .where('direction', '=', 'incoming')
    .where((eb) => eb.or([eb('registry_mail_item.handling_status', 'is', null), eb('registry_mail_item.handling_status', 'not in', ['answered', 'closed', 'transferred_out'])]))
    .executeTakeFirstOrThrow();
  const values = row as unknown as Record<string, string | number | null>;
  const total = Number(values.total);
  const counts = since.map((_, i) => Number(values[`b${i}`] ?? 0));
  return [...counts, total - counts.reduce((a, b) => a + b, 0)];
}
