import { useQuery } from '@tanstack/react-query';
import { countReminders } from './api.ts';

/** The header's bell: open reminders of the current entity, refreshed every five minutes. */
export function useReminderCount(code: string | undefined): number | null {
  const count = useQuery({
    queryKey: ['reminder-count', code],
    queryFn: ({ signal }) => countReminders(code!, signal),
    enabled: Boolean(code),
    refetchInterval: 5 * 60_000,
    retry: false,
  });
  return count.data?.open ?? null;
}
