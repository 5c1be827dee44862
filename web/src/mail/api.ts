import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson, seg } from '../api/client.ts';

export type OutboxStatus = 'queued' | 'waiting' | 'retrying' | 'sent' | 'failed';

export interface OutboxMessage {
  id: string;
  kind: 'aee' | 'are' | 'ar' | 'transfer-notice' | 'reminder';
  kindFr: string;
  reference: string | null;
  to: string;
  subject: string;
  status: OutboxStatus;
  statusFr: string;
  reason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  smtpResponse: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxList {
  sender: string | null;
  relayConfigured: boolean;
  messages: OutboxMessage[];
}

export interface PendingReceipt {
  chrono: string;
  submittedAt: string;
  dueDate: string | null;
  late: boolean;
  reason: string | null;
}

const base = (code: string) => `/entities/${seg(code)}`;

export function useOutbox(code: string, chrono?: string) {
  return useQuery({
    queryKey: ['outbox', code, chrono ?? null],
    queryFn: ({ signal }) => getJson<OutboxList>(`${base(code)}/outbox`, { chrono }, signal),
    // a queued message leaves within seconds: follow it until it is sent, failed or waiting
    refetchInterval: (query) => (query.state.data?.messages.some((m) => m.status === 'queued') ? 2000 : false),
  });
}

export function usePendingReceipts(code: string) {
  return useQuery({
    queryKey: ['electronic-receipts', code],
    queryFn: ({ signal }) => getJson<{ receipts: PendingReceipt[] }>(`${base(code)}/electronic-receipts`, undefined, signal),
  });
}

export function useSendByEmail(code: string, chrono: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (what: 'acknowledgement' | 'transfer-notice') =>
      postJson<OutboxMessage>(`${base(code)}/mail-items/${seg(chrono)}/${what === 'acknowledgement' ? 'acknowledgement-email' : 'transfer-notice-email'}/send`, {}),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['outbox', code] }),
        queryClient.invalidateQueries({ queryKey: ['mail-item-history', code, chrono] }),
      ]),
  });
}

export function useRetryMessage(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => postJson<OutboxMessage>(`${base(code)}/outbox/${seg(id)}/retry`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox', code] }),
  });
}
