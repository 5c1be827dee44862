// The addresses for which Octo's SMTP gateway accepts mail, each owned by one entity (data, not
// configuration: managed by the entity's admins through the API, the web app or `octo mailbox gateway`).

import { randomUUID } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { requireEntity } from '../../registry/index.ts';
import {
  deleteGatewayAddressRow,
  findGatewayAddress,
  insertGatewayAddress,
  insertGatewayAddressIfAbsent,
  listGatewayAddressRows,
} from '../mailboxes/mailbox.queries.ts';
import type { GatewayAddressView } from '../mailboxes/mailbox.schemas.ts';

/** The pilot's gateway addresses, seeded on a new platform. */
export const PILOT_GATEWAY_ADDRESSES: Array<{ entityCode: string; address: string }> = [
  { entityCode: 'PREF69', address: 'courrier@pref69.octo.localhost' },
  { entityCode: 'ARS-ARA', address: 'courrier@ars-ara.octo.localhost' },
  { entityCode: 'DREAL-ARA', address: 'courrier@dreal-ara.octo.localhost' },
  { entityCode: 'DRFIP-ARA', address: 'courrier@drfip-ara.octo.localhost' },
  { entityCode: 'AC-LYON', address: 'courrier@ac-lyon.octo.localhost' },
];

// Deliberately plain: a local part of letters, digits and . _ + -, then a dotted domain.
const ADDRESS = /^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

export async function listGatewayAddresses(ctx: Ctx, entityCode: string): Promise<GatewayAddressView[]> {
  const entity = await requireEntity(ctx, entityCode);
  return (await listGatewayAddressRows(ctx.db, entity.id)).map((r) => ({ address: r.address, entityCode: entity.code, createdAt: r.created_at }));
}

export async function addGatewayAddress(ctx: Ctx, entityCode: string, rawAddress: string): Promise<GatewayAddressView> {
  const entity = await requireEntity(ctx, entityCode);
  const address = normaliseAddress(rawAddress);
  if (!ADDRESS.test(address)) {
    throw new OctoError('CAPTURE_GATEWAY_ADDRESS_INVALID', `bad address ${rawAddress}`, { detailFr: `« ${rawAddress} » n’est pas une adresse électronique valide (exemple : courrier@pref69.octo.localhost).` });
  }
  const existing = await findGatewayAddress(ctx.db, address);
  if (existing) {
    // Another entity's address is not named: only that it is taken.
    throw new OctoError('CAPTURE_GATEWAY_ADDRESS_TAKEN', `address ${address} taken`, { detailFr: `« ${address} ».` });
  }
  const row = { id: randomUUID(), entity_id: entity.id, address, created_at: ctx.clock.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await insertGatewayAddress(trx, row);
    await auditAction(trx, ctx, { entityId: entity.id, action: 'capture.gateway_address.added', subjectType: 'gateway_address', subjectId: row.id, after: { address } });
  });
  return { address, entityCode: entity.code, createdAt: row.created_at };
}

export async function removeGatewayAddress(ctx: Ctx, entityCode: string, rawAddress: string): Promise<void> {
  const entity = await requireEntity(ctx, entityCode);
  const address = normaliseAddress(rawAddress);
  const existing = await findGatewayAddress(ctx.db, address);
  if (!existing || existing.entity_id !== entity.id) {
    throw new OctoError('CAPTURE_GATEWAY_ADDRESS_NOT_FOUND', `address ${address}`, { detailFr: `« ${address} ».` });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await deleteGatewayAddressRow(trx, entity.id, address);
    await auditAction(trx, ctx, { entityId: entity.id, action: 'capture.gateway_address.removed', subjectType: 'gateway_address', subjectId: existing.id, before: { address } });
  });
}

/** The entity that owns a recipient address, or undefined (the gateway answers 550). */
export async function entityForRecipient(ctx: Ctx, address: string): Promise<{ entityCode: string; entityId: string } | undefined> {
  const found = await findGatewayAddress(ctx.db, normaliseAddress(address));
  return found ? { entityCode: found.entityCode, entityId: found.entity_id } : undefined;
}

/**
 * Runs at every start, after the pilot entities exist: only on a platform that has no gateway
 * address at all, so an address an admin removed does not come back at the next start.
 */
export async function seedPilotGatewayAddresses(ctx: Ctx): Promise<void> {
  const any = await ctx.db.selectFrom('capture_gateway_address').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const now = ctx.clock.now().toISOString();
  for (const seed of PILOT_GATEWAY_ADDRESSES) {
    const entity = await requireEntity(ctx, seed.entityCode).catch(() => undefined);
    if (!entity) continue;
    await insertGatewayAddressIfAbsent(ctx.db, { id: randomUUID(), entity_id: entity.id, address: seed.address, created_at: now });
  }
}
