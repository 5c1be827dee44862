import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import type { Entity } from '../api/types.ts';

export function listEntities(signal?: AbortSignal): Promise<{ entities: Entity[] }> {
  return getJson('/entities', undefined, signal);
}

export function useEntities() {
  return useQuery({
    queryKey: ['entities'],
    queryFn: ({ signal }) => listEntities(signal),
    staleTime: 5 * 60_000,
    select: (data) => data.entities,
  });
}
