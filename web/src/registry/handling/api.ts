import { getJson, postJson, seg } from '../../api/client.ts';
import type { MailItemSummary } from '../../api/types.ts';

/** Types of the handling contract (tag « traitement » of /api/docs). */
export type Regime = 'sva' | 'svr' | 'none';
export type HandlingStatus = 'registered' | 'assigned' | 'in_progress' | 'answered' | 'closed' | 'transferred_out';
export type LinkKind = 'reply' | 'related';

export interface RequestType {
  code: string;
  name: string;
  regime: Regime;
  /** Delay of the implicit decision: 2m, 1m, 4m, 30d… */
  delay: string | null;
  ackRequired: boolean;
  legalBasis: string;
}

export interface ServiceRef {
  code: string;
  name: string;
}

export interface HandlingView {
  requestType: RequestType | null;
  service: ServiceRef | null;
  assigneeLabel: string | null;
  handlingStatus: HandlingStatus;
  handlingReason: string | null;
  /** Day the implicit decision is born (YYYY-MM-DD); daysLeft is negative once passed. */
  deadline: { kind: 'acceptance' | 'rejection' | null; date: string; daysLeft: number } | null;
  ackDueDate: string | null;
  copies: ServiceRef[];
  comments: Array<{ id: string; author: string; body: string; createdAt: string }>;
  links: Array<{ chrono: string; kind: LinkKind; direction: 'to' | 'from' }>;
}

export type DeadlineItem = MailItemSummary & { implicitDecisionDate: string; daysLeft: number };

export interface DeadlineBaskets {
  today: string;
  late: DeadlineItem[];
  dueSoon: DeadlineItem[];
}

const itemPath = (code: string, chrono: string) => `/entities/${seg(code)}/mail-items/${seg(chrono)}`;

export function listRequestTypes(code: string, signal?: AbortSignal): Promise<{ requestTypes: RequestType[] }> {
  return getJson(`/entities/${seg(code)}/request-types`, undefined, signal);
}

export function getHandling(code: string, chrono: string, signal?: AbortSignal): Promise<HandlingView> {
  return getJson(`${itemPath(code, chrono)}/handling`, undefined, signal);
}

export function qualify(code: string, chrono: string, body: { requestTypeCode: string; serviceCode?: string }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/qualify`, body);
}

export function assign(code: string, chrono: string, body: { serviceCode: string; assigneeLabel?: string }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/assign`, body);
}

export function addCopy(code: string, chrono: string, body: { serviceCode: string }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/copies`, body);
}

export function addComment(code: string, chrono: string, body: { body: string }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/comments`, body);
}

export function addLink(code: string, chrono: string, body: { chrono: string; kind: LinkKind }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/links`, body);
}

export function changeStatus(code: string, chrono: string, body: { status: HandlingStatus; reason?: string }): Promise<HandlingView> {
  return postJson(`${itemPath(code, chrono)}/status`, body);
}

export function getDeadlineBaskets(code: string, signal?: AbortSignal): Promise<DeadlineBaskets> {
  return getJson(`/entities/${seg(code)}/baskets/deadlines`, undefined, signal);
}
