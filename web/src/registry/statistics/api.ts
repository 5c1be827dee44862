import { apiUrl, getJson, seg } from '../../api/client.ts';
import type { Channel } from '../../api/types.ts';
import type { HandlingStatus } from '../handling/api.ts';

/** Types of the steering figures contract (tag « pilotage » of /api/docs). */
export interface StatisticsPeriod {
  /** First and last Paris calendar days (YYYY-MM-DD), both included; empty: the server's default. */
  from?: string;
  to?: string;
}

export interface CountRow {
  code: string | null;
  name: string | null;
  count: number;
}

export interface BacklogBucket {
  key: string;
  minDays: number;
  maxDays: number | null;
  count: number;
}

export interface EntityStatistics {
  entity: { code: string; name: string; shortName: string };
  period: { from: string; to: string };
  /** The day the figures are computed (Paris): backlog ages and passed deadlines refer to it. */
  today: string;
  received: number;
  byChannel: Array<{ channel: Channel; count: number }>;
  byHandlingStatus: Array<{ status: HandlingStatus; count: number }>;
  /** code null: not qualified. */
  byRequestType: CountRow[];
  /** code null: not assigned. */
  byService: Array<CountRow & { entityCode: string | null }>;
  processingTime: { count: number; medianDays: number | null; p90Days: number | null; meanDays: number | null; truncated: boolean };
  legalDelay: { answered: number; withinDelay: number; rate: number | null; openPastDate: number };
  backlog: { total: number; buckets: BacklogBucket[] };
}

const statisticsPath = (code: string) => `/entities/${seg(code)}/statistics`;

export function getEntityStatistics(code: string, period: StatisticsPeriod, signal?: AbortSignal): Promise<EntityStatistics> {
  return getJson(statisticsPath(code), { from: period.from, to: period.to }, signal);
}

/** The CSV export of the same figures (for a spreadsheet), downloaded by the browser. */
export function statisticsCsvUrl(code: string, period: StatisticsPeriod): string {
  return apiUrl(`${statisticsPath(code)}.csv`, { from: period.from, to: period.to });
}
