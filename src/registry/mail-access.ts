import type { FastifyRequest } from 'fastify';
import { OctoError } from '../platform/errors.ts';
import type { Db } from '../platform/database/db.ts';
import { requireEntityPermission, type EntityAccess, type Permission } from '../platform/auth/permissions.ts';

/**
 * Which of an entity's mail a request may see: all of it (mailroom, auditor), or only the mail
 * of some services — assigned to one of them or copied to one — for service agents and heads.
 * A head of a direction sees its sub-services' mail too.
 */
export interface MailScope {
  entityCode: string;
  access: EntityAccess;
  /** null: the whole entity; otherwise the visible services (with their sub-services). */
  serviceIds: string[] | null;
}

/** Mail permissions: reading, and the two ways of working on an item. */
export const WORK_ON_MAIL: Permission[] = ['register', 'handle'];

/** The services below `roots` (included), following parent links within the entity. */
export async function withSubServices(db: Db, entityCode: string, roots: string[]): Promise<string[]> {
  const services = await db
    .selectFrom('registry_service')
    .innerJoin('registry_entity', 'registry_entity.id', 'registry_service.entity_id')
    .select(['registry_service.id', 'registry_service.parent_id'])
    .where('registry_entity.code', '=', entityCode)
    .execute();
  const visible = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const service of services) {
      if (service.parent_id && visible.has(service.parent_id) && !visible.has(service.id)) {
        visible.add(service.id);
        grew = true;
      }
    }
  }
  return [...visible];
}

/** The guard of every mail route: 401 signed out, 404 without the permission, then the scope. */
export async function mailScope(
  req: Pick<FastifyRequest, 'principal' | 'ctx'>,
  entityCode: string,
  ...permissions: Permission[]
): Promise<MailScope> {
  const access = requireEntityPermission(req, entityCode, ...(permissions.length > 0 ? permissions : ['read' as const]));
  return {
    entityCode,
    access,
    serviceIds: access.wholeEntity ? null : await withSubServices(req.ctx.db, entityCode, access.serviceIds),
  };
}

/** True when the item (by id) is in the scope: assigned to or copied to a visible service. */
export async function isItemInScope(db: Db, scope: MailScope, mailItemId: string): Promise<boolean> {
  if (scope.serviceIds === null) return true;
  if (scope.serviceIds.length === 0) return false;
  const row = await db
    .selectFrom('registry_mail_item')
    .select('registry_mail_item.id')
    .where('registry_mail_item.id', '=', mailItemId)
    .where((eb) =>
      eb.or([
        eb('registry_mail_item.service_id', 'in', scope.serviceIds!),
        eb.exists(
          eb
            .selectFrom('registry_mail_copy')
            .select('registry_mail_copy.mail_item_id')
            .whereRef('registry_mail_copy.mail_item_id', '=', 'registry_mail_item.id')
            .where('registry_mail_copy.service_id', 'in', scope.serviceIds!),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The scope, once the item named by its chrono is known to be in it; otherwise 404, the same
 * answer as for a chrono that does not exist (an agent cannot probe other services' mail).
 */
export async function requireItemInScope(
  req: Pick<FastifyRequest, 'principal' | 'ctx'>,
  entityCode: string,
  chrono: string,
  ...permissions: Permission[]
): Promise<MailScope> {
  const scope = await mailScope(req, entityCode, ...permissions);
  if (scope.serviceIds === null) return scope;
  const item = await req.ctx.db
    .selectFrom('registry_mail_item')
    .innerJoin('registry_entity', 'registry_entity.id', 'registry_mail_item.entity_id')
    .select('registry_mail_item.id')
    .where('registry_entity.code', '=', entityCode)
    .where('registry_mail_item.chrono', '=', chrono)
    .executeTakeFirst();
  if (!item || !(await isItemInScope(req.ctx.db, scope, item.id))) {
    throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found in scope`, { chrono });
  }
  return scope;
}

/** Same guard for a document, through the item that holds it. */
export async function requireDocumentInScope(
  req: Pick<FastifyRequest, 'principal' | 'ctx'>,
  entityCode: string,
  mailItemIdOfDocument: (documentId: string) => Promise<string | null>,
  documentId: string,
  ...permissions: Permission[]
): Promise<MailScope> {
  const scope = await mailScope(req, entityCode, ...permissions);
  if (scope.serviceIds === null) return scope;
  const mailItemId = await mailItemIdOfDocument(documentId);
  if (!mailItemId || !(await isItemInScope(req.ctx.db, scope, mailItemId))) {
    throw new OctoError('REGISTRY_DOCUMENT_NOT_FOUND', `document ${documentId} not found in scope`, { documentId });
  }
  return scope;
}
