import type { RegistryMailItemTable } from './tables.ts';

export interface MailItemSummary {
  id: string;
  chrono: string;
  entityCode: string;
  direction: RegistryMailItemTable['direction'];
  channel: RegistryMailItemTable['channel'];
  status: RegistryMailItemTable['status'];
  receivedAt: string;
  senderName: string | null;
  senderAddress: string | null;
  subject: string | null;
  letterDate: string | null;
  pageCount: number;
  documentCount: number;
  /** The depositing application's own reference (API deposit), else null. */
  externalReference?: string | null;
}

export function toMailItemSummary(row: RegistryMailItemTable, entityCode: string): MailItemSummary {
  return {
    id: row.id,
    chrono: row.chrono,
    entityCode,
    direction: row.direction,
    channel: row.channel,
    status: row.status,
    receivedAt: row.received_at,
    senderName: row.sender_name,
    senderAddress: row.sender_address,
    subject: row.subject,
    letterDate: row.letter_date,
    pageCount: Number(row.page_count),
    documentCount: Number(row.document_count),
    externalReference: row.external_reference ?? null,
  };
}
