import type { ApiErrorBody } from './types.ts';

/** An error reported by the API, or by the network, with a French message for the agent. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'La demande est incorrecte.',
  401: 'Vous devez vous connecter pour effectuer cette action.',
  403: 'Vous n’avez pas les droits nécessaires pour cette action.',
  404: 'Élément introuvable.',
  413: 'Le fichier est trop volumineux.',
  429: 'Trop de demandes : réessayez dans quelques instants.',
};

function fallbackMessage(status: number): string {
  return fallbackMessages[status] ?? `Le serveur a rencontré une erreur (HTTP ${status}). Réessayez plus tard.`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (proxy error page, empty body): fall back to a generic French message
  }
  if (isErrorBody(body)) return new ApiError(response.status, body.code, body.message, body.details);
  return new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status));
}

export type QueryParams = Record<string, string | number | undefined | null>;

/** Builds an /api URL; empty parameters are left out. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

/** Path segment, encoded. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Impossible de joindre le serveur Octo. Vérifiez votre connexion puis réessayez.');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await send(apiUrl(path, params), { method: 'GET', signal });
  return (await response.json()) as T;
}

export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  const response = await send(apiUrl(path), { method: 'GET', signal });
  return response.text();
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(apiUrl(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(apiUrl(path), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await send(apiUrl(path), { method: 'POST', body: form });
  return (await response.json()) as T;
}

/** The French message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Une erreur inattendue est survenue. Réessayez plus tard.';
}
