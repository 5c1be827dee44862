import { getJson, postJson, putJson } from '../../api/client.ts';

/** Types of the contact directory contract (tag « contacts » of /api/docs). */
export interface Contact {
  id: string;
  kind: 'person' | 'organisation';
  displayName: string;
  organisation: string | null;
  siret: string | null;
  postalAddress: string[];
  email: string | null;
  phone: string | null;
  confidentialEntityCode: string | null;
  warnings: string[];
}

export interface DuplicatePair {
  contacts: [Contact, Contact];
  reasons: Array<'email' | 'siret' | 'name_postcode'>;
  score: number;
}

export const searchContacts = (q: string, signal?: AbortSignal) => getJson<{ contacts: Contact[]; total: number }>('/contacts', { q, limit: 50 }, signal);
export const listDuplicates = (signal?: AbortSignal) => getJson<{ pairs: DuplicatePair[] }>('/contacts/duplicates', {}, signal);
export const mergeContacts = (sourceId: string, targetId: string) => postJson<{ contact: Contact; mailItemsMoved: number }>('/contacts/merge', { sourceId, targetId });

export type SuggestedContact = Contact & { reason: 'email' | 'name' };
const itemBase = (code: string, chrono: string) => `/entities/${encodeURIComponent(code)}/mail-items/${encodeURIComponent(chrono)}/sender-contact`;
export const getSenderContact = (code: string, chrono: string, signal?: AbortSignal) =>
  getJson<{ chrono: string; contact: Contact | null; suggestions: SuggestedContact[] }>(itemBase(code, chrono), {}, signal);
export const linkSenderContact = (code: string, chrono: string, contactId: string | null) => putJson<{ contact: Contact | null }>(itemBase(code, chrono), { contactId });
export const createFromSender = (code: string, chrono: string, confidential: boolean) => postJson<{ contact: Contact }>(`${itemBase(code, chrono)}/from-sender`, { confidential });
