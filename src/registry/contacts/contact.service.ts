import { randomUUID } from 'node:crypto';
import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { findEntityById } from '../entity.queries.ts';
import { requireEntity } from '../entity.service.ts';
import { findMailItemByChrono, updateMailItem } from '../mail-item.queries.ts';
import {
  emailKeyOf,
  foldText,
  isValidEmail,
  isValidSiret,
  NAME_MATCH_THRESHOLD,
  nameKeyOf,
  nameSimilarity,
  normalizeSiret,
  postalAddressProblems,
  postalLinesOf,
} from './contact-rules.ts';
import {
  findVisibleContact,
  insertContact,
  listDuplicateCandidates,
  listVisibleContacts,
  moveSenderLinks,
  repointMergedContacts,
  updateContact,
  type ContactViewer,
} from './contact.queries.ts';
import type { ContactInput, ContactView } from './contact.schemas.ts';
import type { RegistryContactTable } from './contact.tables.ts';

export type { ContactViewer } from './contact.queries.ts';

const invalid = (detailFr: string) => new OctoError('REGISTRY_CONTACT_INVALID', 'invalid contact', { detailFr });
const notFound = (id: string) => new OctoError('REGISTRY_CONTACT_NOT_FOUND', `contact ${id} not found`, { id });
const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Checks and normalises what a person typed; the address may break the norm (a warning, not a refusal). */
function normalizeInput(input: ContactInput) {
  const lastName = blank(input.lastName);
  const firstName = blank(input.firstName);
  const organisation = blank(input.organisation);
  if (input.kind === 'person' && !lastName) throw invalid('Le nom de la personne est obligatoire.');
  if (input.kind === 'organisation' && !organisation) throw invalid('Le nom de l’organisation est obligatoire.');
  const siret = blank(input.siret) ? normalizeSiret(input.siret!) : null;
  if (siret && !isValidSiret(siret)) throw invalid(`SIRET invalide : ${input.siret} (14 chiffres dont la clé de contrôle est juste).`);
  const email = blank(input.email);
  if (email && !isValidEmail(email)) throw invalid(`Adresse électronique invalide : ${email}.`);
  const addressLines = (input.addressLines ?? []).map((l) => l.trim()).filter(Boolean);
  const postcode = blank(input.postcode)?.replace(/\s/g, '') ?? null;
  const city = blank(input.city);
  const country = blank(input.country);
  const problems = postalAddressProblems({ lines: addressLines, postcode, city, country });
  if (problems.some((p) => p.startsWith('Code postal') || p.startsWith('Le code postal'))) throw invalid(problems.join(' '));
  const nameKey = nameKeyOf({ lastName, firstName, organisation });
  const fields = {
    kind: input.kind,
    last_name: lastName,
    first_name: firstName,
    organisation,
    siret,
    address_lines: addressLines.length ? addressLines.join('\n') : null,
    postcode,
    city,
    country,
    email,
    email_key: emailKeyOf(email),
    phone: blank(input.phone),
    name_key: nameKey,
  };
  return { ...fields, search_text: searchTextOf(fields) };
}

function searchTextOf(row: Pick<RegistryContactTable, 'last_name' | 'first_name' | 'organisation' | 'email_key' | 'siret' | 'postcode' | 'city'>): string {
  return foldText([row.first_name, row.last_name, row.organisation, row.email_key?.replace(/[@.]/g, ' '), row.siret, row.postcode, row.city].filter(Boolean).join(' '));
}

async function entityCodeOf(ctx: Ctx, entityId: string | null, cache = new Map<string, string>()): Promise<string | null> {
  if (!entityId) return null;
  if (!cache.has(entityId)) cache.set(entityId, (await findEntityById(ctx.db, entityId))?.code ?? entityId);
  return cache.get(entityId)!;
}

export function toContactView(row: RegistryContactTable, confidentialEntityCode: string | null): ContactView {
  const addressLines = row.address_lines ? row.address_lines.split('\n') : [];
  const displayName =
    row.kind === 'person'
      ? [row.first_name, row.last_name?.toUpperCase()].filter(Boolean).join(' ') + (row.organisation ? ` (${row.organisation})` : '')
      : row.organisation ?? '';
  return {
    id: row.id,
    kind: row.kind,
    displayName,
    lastName: row.last_name,
    firstName: row.first_name,
    organisation: row.organisation,
    siret: row.siret,
    addressLines,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    postalAddress: postalLinesOf({
      kind: row.kind, lastName: row.last_name, firstName: row.first_name, organisation: row.organisation,
      addressLines, postcode: row.postcode, city: row.city, country: row.country,
    }),
    email: row.email,
    phone: row.phone,
    confidentialEntityCode,
    warnings: postalAddressProblems({ lines: addressLines, postcode: row.postcode, city: row.city, country: row.country }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function view(ctx: Ctx, row: RegistryContactTable, cache?: Map<string, string>) {
  return toContactView(row, await entityCodeOf(ctx, row.confidential_entity_id, cache));
}

/** A contact the viewer may see, following merges to the surviving contact; 404 otherwise. */
async function requireVisible(ctx: Ctx, viewer: ContactViewer, id: string): Promise<RegistryContactTable> {
  let row = await findVisibleContact(ctx.db, viewer, id);
  for (let hops = 0; row?.merged_into_id && hops < 20; hops++) row = await findVisibleContact(ctx.db, viewer, row.merged_into_id);
  if (!row || row.merged_into_id) throw notFound(id);
  return row;
}

/** Shared contacts go to the platform's audit chain, a confidential one to its entity's. */
const chainOf = (row: Pick<RegistryContactTable, 'confidential_entity_id'>) => row.confidential_entity_id;

export async function createContact(ctx: Ctx, viewer: ContactViewer, input: ContactInput & { confidentialEntityCode?: string | null }) {
  const fields = normalizeInput(input);
  let confidentialEntityId: string | null = null;
  if (input.confidentialEntityCode) {
    const entity = await requireEntity(ctx, input.confidentialEntityCode);
    // Only an agent of the entity may hide a contact for it (the route checks the role).
    if (!viewer.entityIds.includes(entity.id)) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', 'not a member', { entityCode: entity.code });
    confidentialEntityId = entity.id;
  }
  const now = ctx.clock.now().toISOString();
  const row: RegistryContactTable = {
    id: randomUUID(), ...fields, confidential_entity_id: confidentialEntityId, merged_into_id: null, created_at: now, updated_at: now, created_by: ctx.actor.label,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertContact(trx, row);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: chainOf(row), action: 'registry.contact.created', subjectType: 'contact', subjectId: row.id,
      after: { kind: row.kind, confidential: Boolean(confidentialEntityId) },
    });
  });
  return view(ctx, row);
}

export async function getContact(ctx: Ctx, viewer: ContactViewer, id: string) {
  return view(ctx, await requireVisible(ctx, viewer, id));
}

export async function editContact(ctx: Ctx, viewer: ContactViewer, id: string, input: ContactInput) {
  const before = await requireVisible(ctx, viewer, id);
  const fields = normalizeInput(input);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateContact(trx, before.id, { ...fields, updated_at: now });
    const changed = Object.keys(fields).filter((k) => (before as unknown as Record<string, unknown>)[k] !== (fields as Record<string, unknown>)[k]);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: chainOf(before), action: 'registry.contact.updated', subjectType: 'contact', subjectId: before.id, details: { changed },
    });
  });
  return getContact(ctx, viewer, before.id);
}

export async function searchContacts(ctx: Ctx, viewer: ContactViewer, query: { q?: string; limit: number; offset: number }) {
  const words = foldText(query.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const { rows, total } = await listVisibleContacts(ctx.db, viewer, { words, limit: query.limit, offset: query.offset });
  const cache = new Map<string, string>();
  const contacts = [];
  for (const row of rows) contacts.push(await view(ctx, row, cache));
  return { contacts, total };
}

export interface DuplicatePair {
  contacts: [ContactView, ContactView];
  reasons: Array<'email' | 'siret' | 'name_postcode'>;
  score: number;
}

/**
 * Pairs of contacts the viewer sees that are probably one: same e-mail, same SIRET, or names alike
 * (≥ 0.85) at the same postcode. A pair mixing a confidential and a shared contact is not
 * proposed, since merging them would leak the confidential one.
 */
export async function findDuplicateContacts(ctx: Ctx, viewer: ContactViewer): Promise<DuplicatePair[]> {
  const rows = await listDuplicateCandidates(ctx.db, viewer);
  const pairs = new Map<string, { a: RegistryContactTable; b: RegistryContactTable; reasons: Set<DuplicatePair['reasons'][number]>; score: number }>();
  const note = (a: RegistryContactTable, b: RegistryContactTable, reason: DuplicatePair['reasons'][number]) => {
    if (a.confidential_entity_id !== b.confidential_entity_id) return;
    const key = `${a.id}|${b.id}`;
    const pair = pairs.get(key) ?? { a, b, reasons: new Set(), score: nameSimilarity(a.name_key, b.name_key) };
    pair.reasons.add(reason);
    pairs.set(key, pair);
  };
  const buckets = (key: (r: RegistryContactTable) => string | null) => {
    const map = new Map<string, RegistryContactTable[]>();
    for (const row of rows) {
      const k = key(row);
      if (k) map.set(k, [...(map.get(k) ?? []), row]);
    }
    return [...map.values()].filter((group) => group.length > 1);
  };
  const eachPair = (group: RegistryContactTable[], fn: (a: RegistryContactTable, b: RegistryContactTable) => void) => {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) fn(group[i], group[j]);
  };
  for (const group of buckets((r) => r.email_key)) eachPair(group, (a, b) => note(a, b, 'email'));
  for (const group of buckets((r) => r.siret)) eachPair(group, (a, b) => note(a, b, 'siret'));
  for (const group of buckets((r) => r.postcode)) {
    eachPair(group, (a, b) => {
      if (a.kind === b.kind && nameSimilarity(a.name_key, b.name_key) >= NAME_MATCH_THRESHOLD) note(a, b, 'name_postcode');
    });
  }
  const cache = new Map<string, string>();
  const result: DuplicatePair[] = [];
  for (const pair of pairs.values()) {
    result.push({ contacts: [await view(ctx, pair.a, cache), await view(ctx, pair.b, cache)], reasons: [...pair.reasons].sort(), score: Math.round(pair.score * 100) / 100 });
  }
  return result.sort((x, y) => y.reasons.length - x.reasons.length || y.score - x.score);
}

const MERGEABLE: Array<keyof RegistryContactTable> = ['last_name', 'first_name', 'organisation', 'siret', 'address_lines', 'postcode', 'city', 'country', 'email', 'email_key', 'phone'];

/**
 * Merges `sourceId` into `targetId`: the target keeps its fields and takes the source's where its
 * own are empty; every mail item linked to the source (in any entity) now points to the target;
 * the source disappears from lists and its id leads to the target.
 */
export async function mergeContacts(ctx: Ctx, viewer: ContactViewer, input: { sourceId: string; targetId: string }) {
  if (input.sourceId === input.targetId) {
    throw new OctoError('REGISTRY_CONTACT_MERGE_REFUSED', 'same contact', { detailFr: 'Un contact ne peut pas être fusionné avec lui-même.' });
  }
  const source = await requireVisible(ctx, viewer, input.sourceId);
  const target = await requireVisible(ctx, viewer, input.targetId);
  if (source.id === target.id) {
    throw new OctoError('REGISTRY_CONTACT_MERGE_REFUSED', 'already merged', { detailFr: 'Ces deux fiches sont déjà fusionnées.' });
  }
  if (source.confidential_entity_id !== target.confidential_entity_id) {
    throw new OctoError('REGISTRY_CONTACT_MERGE_REFUSED', 'confidentiality differs', {
      detailFr: 'L’un des contacts est confidentiel et l’autre non (ou pour une autre entité) : les fusionner rendrait visible une donnée confidentielle.',
    });
  }
  const filled: Partial<RegistryContactTable> = {};
  for (const key of MERGEABLE) {
    if (target[key] === null && source[key] !== null) (filled as Record<string, unknown>)[key] = source[key];
  }
  const merged = { ...target, ...filled };
  const now = ctx.clock.now().toISOString();
  const moved = await ctx.db.transaction().execute(async (trx) => {
    await updateContact(trx, target.id, { ...filled, name_key: merged.name_key, search_text: searchTextOf(merged), updated_at: now });
    await updateContact(trx, source.id, { merged_into_id: target.id, updated_at: now });
    await repointMergedContacts(trx, source.id, target.id);
    const count = await moveSenderLinks(trx, source.id, target.id);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: chainOf(target), action: 'registry.contact.merged', subjectType: 'contact', subjectId: target.id,
      details: { sourceId: source.id, filled: Object.keys(filled), mailItemsMoved: count },
    });
    return count;
  });
  return { contact: await getContact(ctx, viewer, target.id), mailItemsMoved: moved };
}

/** Links a mail item to its sender's contact (or unlinks it with null); the contact must be visible. */
export async function linkSenderContact(ctx: Ctx, viewer: ContactViewer, entityCode: string, chrono: string, contactId: string | null) {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const contact = contactId ? await requireVisible(ctx, viewer, contactId) : null;
  if (contact?.confidential_entity_id && contact.confidential_entity_id !== entity.id) {
    // Another entity's confidential contact never lands on this entity's mail.
    throw notFound(contactId!);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateMailItem(trx, entity.id, item.id, { sender_contact_id: contact?.id ?? null, updated_at: ctx.clock.now().toISOString() });
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'registry.mail_item.sender_contact_linked', subjectType: 'mail_item', subjectId: item.id,
      before: { contactId: item.sender_contact_id ?? null }, after: { contactId: contact?.id ?? null },
    });
  });
  return { chrono, contact: contact ? await view(ctx, contact) : null };
}

/** The contact of an item's sender, when linked and visible to the viewer. */
export async function senderContactOf(ctx: Ctx, viewer: ContactViewer, entityCode: string, chrono: string) {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  if (!item.sender_contact_id) return { chrono, contact: null };
  const row = await findVisibleContact(ctx.db, viewer, item.sender_contact_id);
  return { chrono, contact: row ? await view(ctx, row) : null };
}
