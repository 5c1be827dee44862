import type { FastifyInstance } from 'fastify';
import { signInAgent, type SignedInAgent, type TestApp } from '../../helpers/test-app.ts';

/** A multipart/form-data body: text fields first, then `file` parts. */
export function multipart(files: Array<{ name: string; bytes: Buffer }>, fields: Record<string, string> = {}) {
  const boundary = `----octo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The entity admin of PREF69, signed in. */
export function signInEntityAdmin(t: TestApp, server: FastifyInstance, entityCode = 'PREF69'): Promise<SignedInAgent> {
  return signInAgent(t.app, server, [{ entityCode, role: 'entity_admin' }], { displayName: `Admin ${entityCode}` });
}

/** Creates a token through the API, as the entity admin: returns the token shown once and its view. */
export async function createToken(
  admin: SignedInAgent,
  entityCode: string,
  body: { name: string; scopes: string[]; expiresOn?: string | null },
): Promise<{ token: string; id: string; prefix: string }> {
  const res = await admin.inject({ method: 'POST', url: `/api/entities/${entityCode}/api-tokens`, payload: body });
  if (res.statusCode !== 201) throw new Error(`token creation failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
