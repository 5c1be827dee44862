import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getEntityStatistics, type StatisticsPeriod } from './api.ts';

export function useEntityStatistics(code: string, period: StatisticsPeriod) {
  return useQuery({
    queryKey: ['entity-statistics', code, period.from ?? '', period.to ?? ''],
    queryFn: ({ signal }) => getEntityStatistics(code, period, signal),
    // keep the figures on screen while another period loads
    placeholderData: keepPreviousData,
  });
}
