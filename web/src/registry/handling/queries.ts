import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDeadlineBaskets, getHandling, listRequestTypes, type HandlingView } from './api.ts';

export function useRequestTypes(code: string) {
  return useQuery({
    queryKey: ['request-types', code],
    queryFn: ({ signal }) => listRequestTypes(code, signal),
    staleTime: 5 * 60_000,
    select: (data) => data.requestTypes,
  });
}

export function useHandling(code: string, chrono: string) {
  return useQuery({
    queryKey: ['handling', code, chrono],
    queryFn: ({ signal }) => getHandling(code, chrono, signal),
  });
}

export function useDeadlineBaskets(code: string) {
  return useQuery({
    queryKey: ['deadline-baskets', code],
    queryFn: ({ signal }) => getDeadlineBaskets(code, signal),
  });
}

/**
 * One handling action (qualify, assign, copy, comment, link, status). The server answers with the
 * new handling view; the item's history and the deadline baskets are fetched again.
 */
export function useHandlingAction<V>(code: string, chrono: string, action: (code: string, chrono: string, variables: V) => Promise<HandlingView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => action(code, chrono, variables),
    onSuccess: (view) => {
      queryClient.setQueryData(['handling', code, chrono], view);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['handling', code, chrono] }),
        queryClient.invalidateQueries({ queryKey: ['mail-item-history', code, chrono] }),
        queryClient.invalidateQueries({ queryKey: ['deadline-baskets', code] }),
      ]);
    },
  });
}
