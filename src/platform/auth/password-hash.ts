import { type Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's first configuration (m = 19 MiB, t = 2, p = 1), also within ANSSI's
// guidance (a memory-hard, salted, slow function; the salt is random per hash, in the PHC string).
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not reachable under isolated modules)
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the time of a real verification, so that an unknown e-mail answers like a wrong password. */
export async function burnVerification(password: string): Promise<false> {
  dummyHash ??= hashPassword('octo-dummy-password-for-constant-time');
  await verifyPassword(await dummyHash, password);
  return false;
}
