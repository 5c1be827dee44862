import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailItemSummary, Status } from '../api/types.ts';
import {
  dismissQuarantineEntry,
  getDocumentOriginalText,
  getDocumentText,
  getMailItem,
  getMailItemHistory,
  listMailItems,
  listQuarantine,
  searchMailItems,
} from './api.ts';
import type { MailFilters } from './filters.ts';

/** Statuses after which the server still works on an item: the page refreshes itself. */
const BUSY: Status[] = ['registered', 'processing'];
export const POLL_MS = 3000;

export function isBusy(item: Pick<MailItemSummary, 'status'>): boolean {
  return BUSY.includes(item.status);
}

export function useMailItems(code: string, filters: MailFilters) {
  return useQuery({
    queryKey: ['mail-items', code, filters],
    queryFn: ({ signal }) => listMailItems(code, filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isBusy) ? POLL_MS : false),
  });
}

export function useMailItem(code: string, chrono: string) {
  return useQuery({
    queryKey: ['mail-item', code, chrono],
    queryFn: ({ signal }) => getMailItem(code, chrono, signal),
    refetchInterval: (query) => {
      const item = query.state.data;
      if (!item) return false;
      const documentsBusy = item.documents.some((d) => d.status === 'pending' || d.status === 'processing');
      return isBusy(item) || documentsBusy ? POLL_MS : false;
    },
  });
}

/** Text of a document; `version` changes when the document's processing state changes. */
export function useDocumentText(code: string, documentId: string | undefined, version: string) {
  return useQuery({
    queryKey: ['document-text', code, documentId, version],
    queryFn: ({ signal }) => getDocumentText(code, documentId!, signal),
    enabled: documentId !== undefined,
  });
}

export function useDocumentOriginalText(code: string, documentId: string) {
  return useQuery({
    queryKey: ['document-original-text', code, documentId],
    queryFn: ({ signal }) => getDocumentOriginalText(code, documentId, signal),
    staleTime: Infinity,
  });
}

export function useSearch(code: string, q: string, filters: MailFilters) {
  return useQuery({
    queryKey: ['search', code, q, filters],
    queryFn: ({ signal }) => searchMailItems(code, { ...filters, q }, signal),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

export function useQuarantine(code: string, status: 'open' | 'resolved') {
  return useQuery({
    queryKey: ['quarantine', code, status],
    queryFn: ({ signal }) => listQuarantine(code, status, signal),
    select: (data) => data.entries,
  });
}

export function useDismissQuarantine(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => dismissQuarantineEntry(code, id, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['quarantine', code] }),
  });
}

/** The audit trail of an item; refreshed with the item while it is processed. */
export function useMailItemHistory(code: string, chrono: string, busy: boolean, status: string) {
  return useQuery({
    // The status is part of the key: when processing ends, the new events are fetched at once.
    queryKey: ['mail-item-history', code, chrono, status],
    queryFn: ({ signal }) => getMailItemHistory(code, chrono, signal),
    refetchInterval: busy ? POLL_MS : false,
  });
}
