import type { Channel } from '../../api/types.ts';
import { channelLabels } from '../fr.ts';
import { BASKET_CODES, type BasketCode, type BasketFilters } from './api.ts';

export const BASKET_PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export const FILTER_FIELDS = ['channel', 'type', 'service', 'deadlineBy'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The basket asked for in the URL (?b=), if it is one of the four. */
export function readBasket(params: URLSearchParams): BasketCode | undefined {
  const value = params.get('b');
  return BASKET_CODES.find((code) => code === value);
}

/** Filters read from the page URL, invalid values ignored (the server checks them again). */
export function readBasketFilters(params: URLSearchParams): BasketFilters & { page: number; pageSize: number } {
  const channel = params.get('channel');
  const type = params.get('type');
  const service = params.get('service');
  const deadlineBy = params.get('deadlineBy');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    channel: channel !== null && channel in channelLabels ? (channel as Channel) : undefined,
    type: type && CODE.test(type) ? type : undefined,
    service: service && CODE.test(service) ? service : undefined,
    deadlineBy: deadlineBy && DAY.test(deadlineBy) ? deadlineBy : undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: BASKET_PAGE_SIZE,
  };
}

/** The URL of a basket, keeping the filters (but not the page: another basket starts on page 1). */
export function basketHref(entityCode: string, basket: BasketCode, params: URLSearchParams): string {
  const next = new URLSearchParams();
  next.set('b', basket);
  for (const field of FILTER_FIELDS) {
    const value = params.get(field);
    if (value) next.set(field, value);
  }
  return `/e/${encodeURIComponent(entityCode)}/bannettes?${next}`;
}
