import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson, putJson, seg } from '../api/client.ts';

/** Types of the administration contract (tag « administration » of /api/docs). */
export type EntityRole = 'entity_admin' | 'mailroom_agent' | 'service_agent' | 'head_of_service' | 'auditor';
export const ENTITY_ROLES: readonly EntityRole[] = ['mailroom_agent', 'service_agent', 'head_of_service', 'auditor', 'entity_admin'];
/** Roles that need a service (the server refuses them without one). */
export const SERVICE_ROLES: readonly EntityRole[] = ['service_agent', 'head_of_service'];

export interface Agent {
  id: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  hasPassword: boolean;
  oidcLinked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  memberships: Array<{ entityCode: string | null; serviceCode: string | null; role: EntityRole | 'platform_admin' }>;
}

export interface NewAgent {
  email: string;
  displayName: string;
  role: EntityRole;
  serviceCode?: string;
  password?: string;
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export interface Absence {
  id: string;
  absent: Person;
  substitute: Person;
  from: string;
  to: string;
  current: boolean;
}

export interface NewAbsence {
  absentEmail: string;
  substituteEmail: string;
  from: string;
  to: string;
}

export interface ServiceContact {
  code: string;
  name: string;
  addressLines: string[];
  postcode: string;
  city: string;
  email: string;
  phone: string;
}

const base = (code: string) => `/entities/${seg(code)}`;
const agentsKey = (code: string) => ['admin', code, 'agents'] as const;
const absencesKey = (code: string) => ['admin', code, 'absences'] as const;

export function useAgents(code: string) {
  return useQuery({
    queryKey: agentsKey(code),
    queryFn: ({ signal }) => getJson<{ agents: Agent[] }>(`${base(code)}/agents`, undefined, signal),
    select: (data) => data.agents,
  });
}

/** A change to the entity's agents; the list is read again afterwards. */
function useAgentsMutation<TInput, TResult>(code: string, call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsKey(code) }),
  });
}

export function useAddAgent(code: string) {
  return useAgentsMutation(code, (input: NewAgent) => postJson<Agent>(`${base(code)}/agents`, input));
}

export function useAddRole(code: string) {
  return useAgentsMutation(code, ({ userId, role, serviceCode }: { userId: string; role: EntityRole; serviceCode?: string }) =>
    postJson<Agent>(`${base(code)}/agents/${seg(userId)}/roles`, { role, serviceCode }),
  );
}

export function useSetAgentStatus(code: string) {
  return useAgentsMutation(code, ({ userId, status }: { userId: string; status: Agent['status'] }) =>
    postJson<Agent>(`${base(code)}/agents/${seg(userId)}/status`, { status }),
  );
}

export function useAbsences(code: string) {
  return useQuery({
    queryKey: absencesKey(code),
    queryFn: ({ signal }) => getJson<{ absences: Absence[] }>(`${base(code)}/absences`, undefined, signal),
    select: (data) => data.absences,
  });
}

export function useAddAbsence(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAbsence) => postJson<{ id: string }>(`${base(code)}/absences`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absencesKey(code) }),
  });
}

/** Adds a service; the entity list (which carries the services) is read again. */
export function useAddService(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string; parentCode?: string }) =>
      postJson<{ code: string; name: string; parentCode: string | null }>(`${base(code)}/services`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entities'] }),
  });
}

const contactKey = (code: string, serviceCode: string) => ['admin', code, 'contact', serviceCode] as const;

export function useServiceContact(code: string, serviceCode: string) {
  return useQuery({
    queryKey: contactKey(code, serviceCode),
    queryFn: ({ signal }) => getJson<ServiceContact>(`${base(code)}/services/${seg(serviceCode)}/contact`, undefined, signal),
  });
}

export function useSaveServiceContact(code: string, serviceCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ServiceContact, 'code' | 'name'>) => putJson<ServiceContact>(`${base(code)}/services/${seg(serviceCode)}/contact`, input),
    onSuccess: (saved) => queryClient.setQueryData(contactKey(code, serviceCode), saved),
  });
}

export function useCreateEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string; shortName?: string }) => postJson<{ code: string; name: string }>('/platform/entities', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entities'] }),
  });
}
