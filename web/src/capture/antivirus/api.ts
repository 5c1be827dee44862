import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../api/client.ts';

/** GET /api/platform/antivirus (src/capture/antivirus/antivirus.routes.ts). */
export interface AntivirusStatus {
  configured: boolean;
  endpoint: string | null;
  reachable: boolean | null;
  engine: string | null;
  signatureVersion: string | null;
  signatureDate: string | null;
  checkedAt: string;
  heldCount: number;
  message: string;
  warnings: string[];
}

export function useAntivirusStatus() {
  return useQuery({
    queryKey: ['platform', 'antivirus'],
    queryFn: ({ signal }) => getJson<AntivirusStatus>('/platform/antivirus', undefined, signal),
    // The status is asked of clamd at each check: no caching beyond the page's life.
    staleTime: 0,
  });
}
