import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, getJson, postEmpty, postJson, setCsrfToken, setSignedOutHandler } from '../../api/client.ts';

export type Role = 'platform_admin' | 'entity_admin' | 'mailroom_agent' | 'service_agent' | 'head_of_service' | 'auditor';

export interface Membership {
  entityCode: string;
  serviceCode: string | null;
  role: Exclude<Role, 'platform_admin'>;
  viaDelegationFrom?: { displayName: string };
}

export interface Session {
  principal: { userId: string; email: string; displayName: string; isPlatformAdmin: boolean; memberships: Membership[] };
  csrfToken: string;
  expiresAt: string;
  authMethod: 'password' | 'oidc';
}

export const SESSION_KEY = ['session'] as const;

// True when the server ended the session (expiry, sign-out elsewhere), not the agent's own click.
let endedByServer = false;

export function sessionEndedByServer(): boolean {
  return endedByServer;
}

/** The current session, or null when signed out (401 is an answer here, not an error). */
async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await getJson<Session>('/auth/session', undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => fetchSession(signal), staleTime: Infinity });
  useEffect(() => {
    setCsrfToken(query.data?.csrfToken ?? null);
  }, [query.data]);
  useEffect(() => {
    // Any 401 from the API means the session is over: back to the sign-in page, data dropped.
    setSignedOutHandler(() => {
      endedByServer = true;
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setSignedOutHandler(null);
  }, [queryClient]);
  return query;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await postJson<Session>('/auth/login', { email, password });
  endedByServer = false;
  return session;
}

export function signOut(): Promise<void> {
  endedByServer = false;
  return postEmpty('/auth/logout');
}

export function getProviders(): Promise<{ password: boolean; oidc: boolean }> {
  return getJson('/auth/providers');
}
