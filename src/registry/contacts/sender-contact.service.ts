// From the sender that indexing read on an item (name, address, e-mail) to the shared directory:
// the contacts that probably are that sender, and a new contact made from it.
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { requesterEmailOf } from '../acknowledgements/acknowledgement.service.ts';
import { isPostalAddress } from '../acknowledgements/addressee.ts';
import { requireEntity } from '../entity.service.ts';
import { findMailItemByChrono } from '../mail-item.queries.ts';
import { emailKeyOf, NAME_MATCH_THRESHOLD, nameKeyOf, nameSimilarity } from './contact-rules.ts';
import { listVisibleContacts, type ContactViewer } from './contact.queries.ts';
import type { ContactInput, ContactView } from './contact.schemas.ts';
import { createContact, linkSenderContact, toContactView } from './contact.service.ts';

const CIVILITY = /^(m\.|mme|mlle|me|dr|monsieur|madame|mademoiselle)\s+/i;
const ORGANISATION = /\b(ville|mairie|pr[ée]fecture|minist[èe]re|direction|service|agence|association|soci[ée]t[ée]|sas|sarl|eurl|sa|conseil|r[ée]gion|d[ée]partement|communaut[ée]|universit[ée]|caisse|centre|office|institut|cabinet|syndicat|banque|lyc[ée]e|coll[èe]ge|[ée]cole|entreprise|groupe|fondation|h[ôo]pital|chu|tribunal|commune)\b/i;

async function requireItem(ctx: Ctx, entityCode: string, chrono: string) {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  return { entity, item };
}

/** The sender read on the item, as directory fields: « Mme Élodie Martin », « 12 rue …, 69002 Lyon ». */
export function contactInputFromSender(senderName: string | null, senderAddress: string | null, email: string | null): ContactInput | null {
  const name = senderName?.trim().replace(CIVILITY, '');
  if (!name) return null;
  const parts = isPostalAddress(senderAddress) ? senderAddress.split(/\s*[,\n]\s*/).filter(Boolean) : [];
  const last = parts.length ? /^(\d{5})\s+(.+)$/.exec(parts[parts.length - 1]) : null;
  const address = { addressLines: last ? parts.slice(0, -1) : parts, postcode: last?.[1] ?? null, city: last?.[2] ?? null };
  if (ORGANISATION.test(name)) return { kind: 'organisation', organisation: name, email, ...address };
  const words = name.split(/\s+/);
  // « Élodie MARTIN » or « MARTIN Élodie »: the word in capitals is the last name.
  const upper = words.findIndex((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w));
  const lastIndex = upper >= 0 ? upper : words.length - 1;
  const firstName = words.filter((_, i) => i !== lastIndex).join(' ') || null;
  return { kind: 'person', lastName: words[lastIndex], firstName, email, ...address };
}

/**
 * The item's linked contact and, when none, up to five visible contacts that probably are its
 * sender: same e-mail, or a name alike (≥ 0.85).
 */
export async function senderContactSuggestions(ctx: Ctx, viewer: ContactViewer, entityCode: string, chrono: string): Promise<Array<ContactView & { reason: 'email' | 'name' }>> {
  const { entity, item } = await requireItem(ctx, entityCode, chrono);
  const email = emailKeyOf(requesterEmailOf(item.sender_address, item.email_meta));
  const input = contactInputFromSender(item.sender_name, item.sender_address, email);
  const key = input ? nameKeyOf(input) : '';
  const words = key.split(' ').filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
  const candidates = new Map<string, { row: Awaited<ReturnType<typeof listVisibleContacts>>['rows'][number]; reason: 'email' | 'name'; score: number }>();
  if (email) {
    for (const row of (await listVisibleContacts(ctx.db, viewer, { words: email.replace(/[@.]/g, ' ').split(' ').filter(Boolean), limit: 20, offset: 0 })).rows) {
      if (row.email_key === email) candidates.set(row.id, { row, reason: 'email', score: 2 });
    }
  }
  if (words.length) {
    for (const row of (await listVisibleContacts(ctx.db, viewer, { words: [words[0]], limit: 100, offset: 0 })).rows) {
      const score = nameSimilarity(row.name_key, key);
      if (score >= NAME_MATCH_THRESHOLD && !candidates.has(row.id)) candidates.set(row.id, { row, reason: 'name', score });
    }
  }
  // Another entity's confidential contact never lands on this entity's mail.
  const usable = [...candidates.values()].filter((c) => !c.row.confidential_entity_id || c.row.confidential_entity_id === entity.id);
  return usable
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((c) => ({ ...toContactView(c.row, c.row.confidential_entity_id ? entity.code : null), reason: c.reason }));
}

/** Makes a contact from the sender read on the item (shared, or confidential for this entity) and links it. */
export async function createContactFromSender(ctx: Ctx, viewer: ContactViewer, entityCode: string, chrono: string, options: { confidential: boolean }) {
  const { item } = await requireItem(ctx, entityCode, chrono);
  const input = contactInputFromSender(item.sender_name, item.sender_address, requesterEmailOf(item.sender_address, item.email_meta));
  if (!input) {
    throw new OctoError('REGISTRY_CONTACT_INVALID', 'no sender', { detailFr: 'Aucun expéditeur n’a été lu sur ce courrier : créez le contact dans l’annuaire puis liez-le.' });
  }
  const contact = await createContact(ctx, viewer, { ...input, confidentialEntityCode: options.confidential ? entityCode : null });
  return linkSenderContact(ctx, viewer, entityCode, chrono, contact.id);
}
