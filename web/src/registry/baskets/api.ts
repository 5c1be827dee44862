import { getJson, seg, type QueryParams } from '../../api/client.ts';
import type { Channel, MailItemSummary } from '../../api/types.ts';
import type { HandlingStatus } from '../handling/api.ts';

/** Types of the baskets contract (tag « bannettes » of /api/docs). */
export type BasketCode = 'a-qualifier' | 'a-traiter' | 'en-copie' | 'en-retard';

export const BASKET_CODES: BasketCode[] = ['a-qualifier', 'a-traiter', 'en-copie', 'en-retard'];

export interface BasketFilters {
  channel?: Channel;
  type?: string;
  service?: string;
  /** Implicit decision on or before this day (YYYY-MM-DD). */
  deadlineBy?: string;
}

export interface BasketList {
  today: string;
  wholeEntity: boolean;
  baskets: Array<{ code: BasketCode; label: string; count: number }>;
  services: Array<{ code: string; name: string }>;
  requestTypes: Array<{ code: string; name: string }>;
}

export type BasketItem = MailItemSummary & {
  service: { code: string; name: string } | null;
  requestType: { code: string; name: string } | null;
  handlingStatus: HandlingStatus;
  implicitDecisionDate: string | null;
  daysLeft: number | null;
};

export interface BasketItems {
  basket: { code: BasketCode; label: string };
  today: string;
  total: number;
  page: number;
  pageSize: number;
  items: BasketItem[];
}

function params(filters: BasketFilters): QueryParams {
  return { channel: filters.channel, type: filters.type, service: filters.service, deadlineBy: filters.deadlineBy };
}

export function listBaskets(code: string, filters: BasketFilters, signal?: AbortSignal): Promise<BasketList> {
  return getJson(`/entities/${seg(code)}/baskets`, params(filters), signal);
}

export function listBasketItems(
  code: string,
  basket: BasketCode,
  filters: BasketFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<BasketItems> {
  return getJson(`/entities/${seg(code)}/baskets/${seg(basket)}/items`, { ...params(filters), page: filters.page, pageSize: filters.pageSize }, signal);
}
