import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface BlobStore {
  /** Stores bytes under their sha256; returns once the file and its folder are on disk (fsync). */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  pathOf(sha256: string): string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Content-addressed files on local disk: blobs/ab/cd/abcd…; identical content is stored once. */
export function createLocalBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function fsyncDirectory(dir: string) {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    pathOf,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      try {
        await fs.access(target);
        return sha256;
      } catch {
        // not stored yet
      }
      const dir = path.dirname(target);
      await fs.mkdir(dir, { recursive: true });
      // Write beside the target then rename, so a crash never leaves a half file under a valid name.
      const temp = path.join(dir, `.${sha256}.${randomUUID()}.tmp`);
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
      await fsyncDirectory(dir);
      return sha256;
    },
    async get(sha256) {
      return fs.readFile(pathOf(sha256));
    },
    async has(sha256) {
      try {
        await fs.access(pathOf(sha256));
        return true;
      } catch {
        return false;
      }
    },
  };
}
