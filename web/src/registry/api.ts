import { getJson, getText, postJson, seg } from '../api/client.ts';
import type {
  DocumentText,
  MailItemDetail,
  MailItemList,
  QuarantineEntry,
  SearchResponse,
} from '../api/types.ts';
import type { MailFilters } from './filters.ts';

const entityPath = (code: string) => `/entities/${seg(code)}`;

export function listMailItems(code: string, filters: MailFilters, signal?: AbortSignal): Promise<MailItemList> {
  return getJson(`${entityPath(code)}/mail-items`, { ...filters }, signal);
}

export function getMailItem(code: string, chrono: string, signal?: AbortSignal): Promise<MailItemDetail> {
  return getJson(`${entityPath(code)}/mail-items/${seg(chrono)}`, undefined, signal);
}

export interface MailItemHistory {
  events: Array<{ seq: number; occurredAt: string; action: string; actorType: string; actorLabel: string | null; source: string }>;
}

export function getMailItemHistory(code: string, chrono: string, signal?: AbortSignal): Promise<MailItemHistory> {
  return getJson(`${entityPath(code)}/mail-items/${seg(chrono)}/history`, undefined, signal);
}

export function getDocumentText(code: string, documentId: string, signal?: AbortSignal): Promise<DocumentText> {
  return getJson(`${entityPath(code)}/documents/${seg(documentId)}/text`, undefined, signal);
}

/** The original bytes of a text document (an e-mail body), as text. */
export function getDocumentOriginalText(code: string, documentId: string, signal?: AbortSignal): Promise<string> {
  return getText(`${entityPath(code)}/documents/${seg(documentId)}/original`, signal);
}

export function searchMailItems(
  code: string,
  params: MailFilters & { q: string },
  signal?: AbortSignal,
): Promise<SearchResponse> {
  return getJson(`${entityPath(code)}/search`, { ...params }, signal);
}

export function listQuarantine(
  code: string,
  status: 'open' | 'resolved',
  signal?: AbortSignal,
): Promise<{ entries: QuarantineEntry[] }> {
  return getJson(`${entityPath(code)}/quarantine`, { status }, signal);
}

export function dismissQuarantineEntry(code: string, id: string, note: string): Promise<QuarantineEntry> {
  return postJson(`${entityPath(code)}/quarantine/${seg(id)}/dismiss`, { note });
}

/** URLs opened by the browser itself (downloads, pdf.js, <img>). */
export const fileUrls = {
  original: (code: string, documentId: string) => `/api${entityPath(code)}/documents/${seg(documentId)}/original`,
  searchable: (code: string, documentId: string) =>
    `/api${entityPath(code)}/documents/${seg(documentId)}/searchable`,
  quarantineOriginal: (code: string, id: string) => `/api${entityPath(code)}/quarantine/${seg(id)}/original`,
};
