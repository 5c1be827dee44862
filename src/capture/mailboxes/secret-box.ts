// Secrets at rest (mailbox passwords): AES-256-GCM with the platform key, bound to the row they
// belong to (additional authenticated data), so a ciphertext copied onto another row does not open.
// The key comes from OCTO_SECRET_KEY, or is generated once into OCTO_DATA_DIR/secret.key (0600).

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import { OctoError } from '../../platform/errors.ts';

const VERSION = 'v1';

export interface SecretBox {
  seal(plaintext: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
}

function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('OCTO_SECRET_KEY : 32 octets attendus (64 caractères hexadécimaux ou 44 en base64).');
  return key;
}

const keyFiles = new Map<string, Promise<Buffer>>();

/** The key file of a data folder, created on first use; concurrent callers in one process share it. */
async function keyFromDataDir(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, 'secret.key');
  let pending = keyFiles.get(file);
  if (!pending) {
    pending = (async () => {
      await fs.mkdir(dataDir, { recursive: true });
      try {
        // 'wx': a second process racing us gets EEXIST and reads the winner's key.
        await fs.writeFile(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      return decodeKey(await fs.readFile(file, 'utf8'));
    })();
    keyFiles.set(file, pending);
    pending.catch(() => keyFiles.delete(file));
  }
  return pending;
}

export async function secretBoxFor(config: Pick<Config, 'secretKey' | 'dataDir'>): Promise<SecretBox> {
  const key = config.secretKey ? decodeKey(config.secretKey) : await keyFromDataDir(config.dataDir);
  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed, boundTo) {
      const [version, iv, tag, body] = sealed.split(':');
      try {
        if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown format');
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new OctoError('CAPTURE_MAILBOX_SECRET_UNREADABLE', `cannot open secret: ${(error as Error).message}`);
      }
    },
  };
}
