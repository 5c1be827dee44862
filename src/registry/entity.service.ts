import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { PILOT_ENTITIES } from './demo-entities.ts';
import {
  findEntityByCode,
  findServiceByCode,
  insertEntityIfAbsent,
  insertServiceIfAbsent,
  listEntities,
  listServices,
} from './entity.queries.ts';

export interface EntityView {
  code: string;
  name: string;
  shortName: string;
  services: Array<{ code: string; name: string; parentCode: string | null }>;
}

/** Creates the pilot's entities and services when missing; running it again changes nothing. */
export async function seedPilotEntities(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const seed of PILOT_ENTITIES) {
      await insertEntityIfAbsent(trx, { id: randomUUID(), code: seed.code, name: seed.name, short_name: seed.shortName, created_at: now });
      const entity = await findEntityByCode(trx, seed.code);
      if (!entity) throw new Error(`entity ${seed.code} missing after insert`);
      for (const service of seed.services) {
        const parent = service.parent ? await findServiceByCode(trx, entity.id, service.parent) : undefined;
        await insertServiceIfAbsent(trx, {
          id: randomUUID(),
          entity_id: entity.id,
          code: service.code,
          name: service.name,
          parent_id: parent?.id ?? null,
        });
      }
    }
  });
}

export async function requireEntity(ctx: Ctx, code: string) {
  const entity = await findEntityByCode(ctx.db, code);
  if (!entity) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${code} not found`, { entityCode: code });
  return entity;
}

export async function listEntityViews(ctx: Ctx): Promise<EntityView[]> {
  const entities = await listEntities(ctx.db);
  const views: EntityView[] = [];
  for (const entity of entities) {
    const services = await listServices(ctx.db, entity.id);
    const codeById = new Map(services.map((s) => [s.id, s.code]));
    views.push({
      code: entity.code,
      name: entity.name,
      shortName: entity.short_name,
      services: services.map((s) => ({ code: s.code, name: s.name, parentCode: s.parent_id ? codeById.get(s.parent_id) ?? null : null })),
    });
  }
  return views;
}
