export interface RegistryEntityTable {
  id: string;
  code: string;
  name: string;
  short_name: string;
  created_at: string;
}

export interface RegistryServiceTable {
  id: string;
  entity_id: string;
  code: string;
  name: string;
  parent_id: string | null;
}

export interface RegistryChronoCounterTable {
  entity_id: string;
  year: number;
  direction: string; // 'E' | 'S' | 'I'
  last_value: number;
}

export type MailDirection = 'incoming' | 'outgoing' | 'internal';
export type MailChannel = 'scan' | 'upload' | 'email' | 'api' | 'form';
export type MailStatus = 'registered' | 'processing' | 'indexed' | 'needs_review' | 'quarantined';

export interface RegistryMailItemTable {
  id: string;
  entity_id: string;
  chrono: string;
  chrono_year: number;
  chrono_number: number;
  direction: MailDirection;
  channel: MailChannel;
  status: MailStatus;
  received_at: string;
  source_filename: string | null;
  source_sha256: string | null;
  sender_name: string | null;
  sender_address: string | null;
  subject: string | null;
  letter_date: string | null;
  page_count: number;
  document_count: number;
  warnings: string; // JSON array of French sentences
  email_meta: string | null; // JSON: from, to, subject, date, messageId
  created_at: string;
  updated_at: string;
}

// Full-text index rows (SQLite keeps them in an FTS5 table, PostgreSQL in a tsvector column).
export interface RegistrySearchTable {
  mail_item_id: string;
  entity_id: string;
  chrono: string;
  subject: string;
  sender: string;
  body: string;
}

export interface RegistryTables {
  registry_entity: RegistryEntityTable;
  registry_service: RegistryServiceTable;
  registry_chrono_counter: RegistryChronoCounterTable;
  registry_mail_item: RegistryMailItemTable;
  registry_search: RegistrySearchTable;
}
