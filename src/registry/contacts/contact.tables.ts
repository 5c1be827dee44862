// Tables of the shared contact directory (migration 202612032100_registry_contacts).

export type ContactKind = 'person' | 'organisation';

export interface RegistryContactTable {
  id: string;
  kind: ContactKind;
  last_name: string | null;
  first_name: string | null;
  organisation: string | null;
  siret: string | null;
  /** Lines 2 to 5 of a French postal address (NF Z10-011), one per line. */
  address_lines: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  email: string | null;
  /** The e-mail lowercased and trimmed: what duplicates are found by. */
  email_key: string | null;
  phone: string | null;
  /** The name folded (no accents, case, punctuation; words sorted): what fuzzy matching compares. */
  name_key: string;
  /** Every searchable field folded into one string (names, organisation, e-mail, SIRET, postcode, city). */
  search_text: string;
  /** Set when confidential: only this entity's agents see the contact. */
  confidential_entity_id: string | null;
  merged_into_id: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}
