export type OutboxKind = 'aee' | 'are' | 'ar' | 'transfer-notice' | 'reminder';
/**
 * queued: a send job exists. waiting: cannot leave yet (no relay, no sender), the reason says why.
 * retrying: the relay refused or was unreachable; tried again at next_attempt_at. sent, failed: final.
 */
export type OutboxStatus = 'queued' | 'waiting' | 'retrying' | 'sent' | 'failed';

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** The bytes are in the blob store, under this hash. */
  sha256: string;
}

export interface PlatformOutboxTable {
  id: string;
  entity_id: string | null;
  mail_item_id: string | null;
  /** The item's chrono, so a person reading the outbox knows which request a message answers. */
  reference: string | null;
  kind: OutboxKind;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: string; // JSON OutboxAttachment[]
  status: OutboxStatus;
  /** French: why it waits, or the last refusal. */
  status_reason: string | null;
  attempts: number;
  next_attempt_at: string | null;
  from_address: string | null;
  smtp_response: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface PlatformMailSenderTable {
  entity_id: string;
  from_address: string;
  updated_at: string;
}

export interface MailTables {
  platform_outbox: PlatformOutboxTable;
  platform_mail_sender: PlatformMailSenderTable;
}
