import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listBasketItems, listBaskets, type BasketCode, type BasketFilters } from './api.ts';

export function useBaskets(code: string, filters: BasketFilters) {
  return useQuery({
    queryKey: ['baskets', code, filters],
    queryFn: ({ signal }) => listBaskets(code, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBasketItems(code: string, basket: BasketCode | undefined, filters: BasketFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['basket-items', code, basket, filters],
    queryFn: ({ signal }) => listBasketItems(code, basket!, filters, signal),
    enabled: basket !== undefined,
  });
}
