import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { PILOT_ENTITIES } from './demo-entities.ts';
import { PILOT_SERVICE_CONTACTS } from './demo-entities.ts';
import { seedAckTemplates } from './acknowledgements/ack-template.service.ts';
import { seedRequestTypes } from './handling.service.ts';
import { fillEmptyServiceContact } from './entity.queries.ts';
import {
  findEntityByCode,
  findServiceByCode,
  insertEntityIfAbsent,
  insertEntity,
  insertService,
  insertServiceIfAbsent,
  listEntities,
  listEntitiesByIds,
  listServices,
  listServicesByIds,
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
      await seedRequestTypes({ ...ctx, db: trx }, entity.id, entity.code);
      await seedAckTemplates({ ...ctx, db: trx }, entity.id);
      for (const service of seed.services) {
        const parent = service.parent ? await findServiceByCode(trx, entity.id, service.parent) : undefined;
        await insertServiceIfAbsent(trx, {
          id: randomUUID(),
          entity_id: entity.id,
          code: service.code,
          name: service.name,
          parent_id: parent?.id ?? null,
        });
        const contact = PILOT_SERVICE_CONTACTS[seed.code]?.[service.code];
        if (contact) await fillEmptyServiceContact(trx, entity.id, service.code, contact);
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

export interface CreateEntityInput {
  code: string;
  name: string;
  shortName?: string;
}

const ENTITY_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

/** Creates an entity (platform administration); its code is upper-case letters, digits and dashes. */
export async function createEntity(ctx: Ctx, input: CreateEntityInput) {
  const code = input.code.trim().toUpperCase();
  if (!ENTITY_CODE.test(code)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad entity code ${code}`, {
      detailFr: `Code d’entité « ${input.code} » invalide : lettres majuscules, chiffres et tirets, 32 caractères au plus.`,
    });
  }
  const name = input.name.trim();
  if (!name) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'empty entity name', { detailFr: 'Le nom de l’entité est obligatoire.' });
  return ctx.db.transaction().execute(async (trx) => {
    if (await findEntityByCode(trx, code)) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', `entity ${code} exists`, { detailFr: `L’entité ${code} existe déjà.` });
    }
    const row = { id: randomUUID(), code, name, short_name: input.shortName?.trim() || name, created_at: ctx.clock.now().toISOString() };
    await insertEntity(trx, row);
    return row;
  });
}

export interface CreateServiceInput {
  entityCode: string;
  code: string;
  name: string;
  parentCode?: string;
}

/** Adds a service to an entity's tree, under a parent service when given. */
export async function createService(ctx: Ctx, input: CreateServiceInput) {
  const code = input.code.trim().toUpperCase();
  if (!ENTITY_CODE.test(code)) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad service code ${code}`, {
      detailFr: `Code de service « ${input.code} » invalide : lettres majuscules, chiffres et tirets, 32 caractères au plus.`,
    });
  }
  const name = input.name.trim();
  if (!name) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'empty service name', { detailFr: 'Le nom du service est obligatoire.' });
  return ctx.db.transaction().execute(async (trx) => {
    const entity = await findEntityByCode(trx, input.entityCode);
    if (!entity) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${input.entityCode} not found`, { entityCode: input.entityCode });
    if (await findServiceByCode(trx, entity.id, code)) {
      throw new OctoError('PLATFORM_VALIDATION_FAILED', `service ${code} exists`, { detailFr: `Le service ${code} existe déjà dans l’entité ${entity.code}.` });
    }
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = await findServiceByCode(trx, entity.id, input.parentCode.trim().toUpperCase());
      if (!parent) {
        throw new OctoError('PLATFORM_NOT_FOUND', `parent service ${input.parentCode} not found`, {
          detailFr: `Service parent ${input.parentCode} inconnu dans l’entité ${entity.code}.`,
        });
      }
      parentId = parent.id;
    }
    const row = { id: randomUUID(), entity_id: entity.id, code, name, parent_id: parentId };
    await insertService(trx, row);
    return row;
  });
}

/** A service of an entity by their codes, or 404. */
export async function requireService(ctx: Ctx, entityCode: string, serviceCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  const service = await findServiceByCode(ctx.db, entity.id, serviceCode);
  if (!service) {
    throw new OctoError('PLATFORM_NOT_FOUND', `service ${serviceCode} not found in ${entityCode}`, {
      detailFr: `Service ${serviceCode} inconnu dans l’entité ${entity.code}.`,
    });
  }
  return { entity, service };
}

/** Codes and names of entities and services by id (for sessions and listings). */
export async function describeEntityRefs(ctx: Pick<Ctx, 'db'>, entityIds: string[], serviceIds: string[]) {
  const [entities, services] = await Promise.all([
    listEntitiesByIds(ctx.db, [...new Set(entityIds)]),
    listServicesByIds(ctx.db, [...new Set(serviceIds)]),
  ]);
  return {
    entities: new Map(entities.map((e) => [e.id, { code: e.code, name: e.name }])),
    services: new Map(services.map((s) => [s.id, { code: s.code, name: s.name, entityId: s.entity_id }])),
  };
}
