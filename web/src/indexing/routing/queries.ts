import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addRule, getItemRouting, getModelStats, listRules, removeRule, retrainModel, type RuleInput } from './api.ts';

/**
 * An item's routing. Routing runs just after the item's text is indexed, so while it has none it is
 * asked again every two seconds as long as the item is being read, and for `graceMs` after.
 */
export function useItemRouting(code: string, chrono: string, busy: boolean, graceMs = 30_000) {
  const [pollUntil, setPollUntil] = useState(() => Date.now() + graceMs);
  useEffect(() => {
    if (!busy) setPollUntil(Date.now() + graceMs);
  }, [busy, graceMs]);
  return useQuery({
    queryKey: ['item-routing', code, chrono],
    queryFn: ({ signal }) => getItemRouting(code, chrono, signal),
    select: (data) => data.routing,
    refetchInterval: (query) => (query.state.data?.routing === null && (busy || Date.now() < pollUntil) ? 2000 : false),
  });
}

export function useRoutingRules(code: string, enabled: boolean) {
  return useQuery({ queryKey: ['routing-rules', code], queryFn: ({ signal }) => listRules(code, signal), select: (d) => d.rules, enabled });
}

export function useModelStats(code: string, enabled: boolean) {
  return useQuery({ queryKey: ['routing-model', code], queryFn: ({ signal }) => getModelStats(code, signal), enabled });
}

export function useAddRule(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: RuleInput) => addRule(code, rule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['routing-rules', code] }),
  });
}

export function useRemoveRule(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => removeRule(code, ruleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['routing-rules', code] }),
  });
}

export function useRetrain(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retrainModel(code),
    onSuccess: (stats) => queryClient.setQueryData(['routing-model', code], stats),
  });
}
