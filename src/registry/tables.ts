import type { RegistryAckTemplateTable } from './acknowledgements/ack.tables.ts';
import type { RegistryContactTable } from './contacts/contact.tables.ts';
import type { RegistryReminderSettingTable, RegistryReminderTable } from './reminders/reminder.tables.ts';
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
  // contact data, given by every acknowledgement of receipt (CRPA R112-5)
  address_lines?: string | null;
  postcode?: string | null;
  city?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface RegistryChronoCounterTable {
  entity_id: string;
  year: number;
  direction: string; // 'E' | 'S' | 'I'
  last_value: number;
}

export type MailDirection = 'incoming' | 'outgoing' | 'internal';
export type MailChannel = 'scan' | 'upload' | 'email' | 'api' | 'form' | 'transfer';
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
  // handling (qualification, assignment, deadlines)
  request_type_id?: string | null;
  service_id?: string | null;
  assignee_label?: string | null;
  handling_status?: HandlingStatus | null;
  handling_reason?: string | null;
  implicit_decision_kind?: 'acceptance' | 'rejection' | null;
  implicit_decision_date?: string | null;
  ack_due_date?: string | null;
  answered_at?: string | null;
  closed_at?: string | null;
  incomplete_requested_on?: string | null;
  incomplete_missing_items?: string | null;
  incomplete_time_limit?: string | null;
  completed_on?: string | null;
  first_received_on?: string | null;
  transferred_from?: string | null;
  transferred_to_chrono?: string | null;
  // declared by a depositing application (API)
  external_reference?: string | null;
  declared_meta?: string | null; // JSON: senderName, senderAddress, subject as declared
  // the sender's entry in the shared contact directory
  sender_contact_id?: string | null;
  // transfer to an administration outside the platform, as a file package (L114-2)
  transferred_out_at?: string | null;
  transferred_out_to?: string | null; // JSON: { name, addressLines }
  transferred_out_reason?: string | null;
  export_sha256?: string | null;
  export_filename?: string | null;
}

export type HandlingStatus = 'registered' | 'assigned' | 'in_progress' | 'answered' | 'closed' | 'transferred_out';

export interface RegistryRequestTypeTable {
  id: string;
  entity_id: string;
  code: string;
  name: string;
  regime: 'sva' | 'svr' | 'none';
  delay: string | null;
  ack: 'required' | 'none';
  legal_basis: string;
  created_at: string;
}

export interface RegistryMailCopyTable {
  mail_item_id: string;
  entity_id: string;
  service_id: string;
  created_at: string;
}

export interface RegistryCommentTable {
  id: string;
  entity_id: string;
  mail_item_id: string;
  author_label: string;
  body: string;
  created_at: string;
}

export interface RegistryMailLinkTable {
  entity_id: string;
  from_item_id: string;
  to_item_id: string;
  kind: 'reply' | 'related';
  created_at: string;
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
  registry_request_type: RegistryRequestTypeTable;
  registry_mail_copy: RegistryMailCopyTable;
  registry_comment: RegistryCommentTable;
  registry_mail_link: RegistryMailLinkTable;
  registry_ack_template: RegistryAckTemplateTable;
  registry_contact: RegistryContactTable;
  registry_reminder: RegistryReminderTable;
  registry_reminder_setting: RegistryReminderSettingTable;
}
