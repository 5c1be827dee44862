import { deleteResource, getJson, patchJson, postJson, seg } from '../../api/client.ts';

/** Types of the « boîtes aux lettres » contract (see /api/docs). */
export type MailboxSecurity = 'tls' | 'starttls' | 'none';

export interface Mailbox {
  id: string;
  entityCode: string;
  name: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  folder: string;
  moveTo: string | null;
  active: boolean;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastSyncCreated: number;
  lastError: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MailboxInput {
  name?: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  password: string;
  folder: string;
  moveTo: string | null;
}

export interface MailboxSyncResult {
  mailboxId: string;
  name: string;
  ok: boolean;
  messages: Array<{
    uid: number;
    subject: string | null;
    outcome: 'registered' | 'quarantined' | 'already-taken';
    chrono: string | null;
    quarantine: { id: string; code: string; message: string } | null;
  }>;
  error: { code: string; message: string } | null;
}

export interface GatewayAddress {
  address: string;
  entityCode: string;
  createdAt: string;
}

const base = (code: string) => `/entities/${seg(code)}`;

export const listMailboxes = (code: string, signal?: AbortSignal) =>
  getJson<{ mailboxes: Mailbox[] }>(`${base(code)}/mailboxes`, undefined, signal).then((r) => r.mailboxes);
export const createMailbox = (code: string, input: MailboxInput) => postJson<Mailbox>(`${base(code)}/mailboxes`, input);
export const updateMailbox = (code: string, id: string, patch: Partial<MailboxInput> & { active?: boolean }) =>
  patchJson<Mailbox>(`${base(code)}/mailboxes/${seg(id)}`, patch);
export const removeMailbox = (code: string, id: string) => deleteResource(`${base(code)}/mailboxes/${seg(id)}`);
export const syncMailbox = (code: string, id: string) => postJson<MailboxSyncResult>(`${base(code)}/mailboxes/${seg(id)}/sync`, {});

export const listGatewayAddresses = (code: string, signal?: AbortSignal) =>
  getJson<{ addresses: GatewayAddress[] }>(`${base(code)}/gateway-addresses`, undefined, signal).then((r) => r.addresses);
export const addGatewayAddress = (code: string, address: string) => postJson<GatewayAddress>(`${base(code)}/gateway-addresses`, { address });
export const removeGatewayAddress = (code: string, address: string) => deleteResource(`${base(code)}/gateway-addresses/${seg(address)}`);
