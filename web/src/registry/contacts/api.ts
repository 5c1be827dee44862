import { getJson, postJson } from '../../api/client.ts';

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
