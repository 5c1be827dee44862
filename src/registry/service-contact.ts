import { z } from 'zod';
import { auditAction } from '../platform/audit/index.ts';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { findServiceByCode, setServiceContact, type ServiceContact } from './entity.queries.ts';
import { requireEntity } from './entity.service.ts';

/** What an acknowledgement must give of the handling service (CRPA R112-5 2°). */
export const ServiceContactSchema = z.object({
  addressLines: z.array(z.string().trim().min(1).max(38, 'une ligne d’adresse postale compte 38 caractères au plus (NF Z10-011)')).min(1).max(5),
  postcode: z.string().trim().regex(/^\d{5}$/, 'code postal à 5 chiffres'),
  city: z.string().trim().min(1).max(38),
  email: z.string().trim().email('adresse électronique invalide').max(200),
  phone: z.string().trim().regex(/^(?:\+33\s?|0)[1-9](?:[\s.]?\d{2}){4}$/, 'numéro de téléphone français attendu, par exemple 04 72 61 60 60'),
});

function requireServiceOf(service: Awaited<ReturnType<typeof findServiceByCode>>, code: string) {
  if (!service) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `service ${code} not found`, { detailFr: `Service inconnu dans cette entité : ${code}.` });
  }
  return service;
}

export async function getServiceContact(ctx: Ctx, entityCode: string, serviceCode: string): Promise<ServiceContact & { code: string; name: string }> {
  const entity = await requireEntity(ctx, entityCode);
  const service = requireServiceOf(await findServiceByCode(ctx.db, entity.id, serviceCode), serviceCode);
  return {
    code: service.code,
    name: service.name,
    addressLines: (service.address_lines ?? '').split('\n').filter(Boolean),
    postcode: service.postcode ?? '',
    city: service.city ?? '',
    email: service.email ?? '',
    phone: service.phone ?? '',
  };
}

export async function updateServiceContact(ctx: Ctx, entityCode: string, serviceCode: string, input: ServiceContact) {
  const parsed = ServiceContactSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ');
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'invalid service contact', { detailFr: problems });
  }
  const contact = parsed.data;
  const entity = await requireEntity(ctx, entityCode);
  const before = await getServiceContact(ctx, entityCode, serviceCode);
  await ctx.db.transaction().execute(async (trx) => {
    await setServiceContact(trx, entity.id, serviceCode, contact);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'registry.service.contact_updated',
      subjectType: 'service',
      subjectId: serviceCode,
      before: { postcode: before.postcode, city: before.city, email: before.email, phone: before.phone },
      after: { postcode: contact.postcode, city: contact.city, email: contact.email, phone: contact.phone },
    });
  });
  return getServiceContact(ctx, entityCode, serviceCode);
}
