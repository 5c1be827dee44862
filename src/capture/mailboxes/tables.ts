// The e-mail channels' tables: IMAP mailboxes, what was taken from them, and the SMTP gateway's addresses.

export type MailboxSecurity = 'tls' | 'starttls' | 'none';
export type MailboxMessageOutcome = 'registered' | 'quarantined' | 'already-taken';

export interface CaptureMailboxTable {
  id: string;
  entity_id: string;
  name: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  /** AES-256-GCM, see secret-box.ts: never returned by the API. */
  password_encrypted: string;
  folder: string;
  /** Folder a taken message is moved to; null: the message stays, flagged \Seen and $Octo. */
  move_to: string | null;
  active: number;
  last_sync_at: string | null;
  last_success_at: string | null;
  last_error_code: string | null;
  /** French, for the admin. */
  last_error_message: string | null;
  last_sync_created: number;
  created_at: string;
  updated_at: string;
}

/** One message taken from a mailbox, keyed by UIDVALIDITY + UID; written with its item. */
export interface CaptureMailboxMessageTable {
  mailbox_id: string;
  uid_validity: string;
  uid: string;
  /** Message-ID, or sha256 of the bytes when the message has none: finds a message seen again under a new UIDVALIDITY. */
  message_key: string;
  outcome: MailboxMessageOutcome;
  mail_item_id: string | null;
  quarantine_id: string | null;
  taken_at: string;
  /** When the message was moved or flagged on the server (after the commit). */
  settled_at: string | null;
}

export interface CaptureGatewayAddressTable {
  id: string;
  entity_id: string;
  /** Lower case. */
  address: string;
  created_at: string;
}

export interface MailboxTables {
  capture_mailbox: CaptureMailboxTable;
  capture_mailbox_message: CaptureMailboxMessageTable;
  capture_gateway_address: CaptureGatewayAddressTable;
}
