import type { Channel, Status } from '../api/types.ts';
import { channelLabels, statusLabels } from './fr.ts';

export interface MailFilters {
  channel?: Channel;
  status?: Status;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: Record<T, string>): T | undefined {
  return value !== null && value in allowed ? (value as T) : undefined;
}

/** Filters read from the page URL (?channel=&status=&from=&to=&page=), invalid values ignored. */
export function readFilters(params: URLSearchParams): MailFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const from = params.get('from');
  const to = params.get('to');
  return {
    channel: oneOf(params.get('channel'), channelLabels),
    status: oneOf(params.get('status'), statusLabels),
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The URL search string for a page number, keeping every other parameter. */
export function withPage(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  const query = next.toString();
  return query ? `?${query}` : '?';
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
