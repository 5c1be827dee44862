import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFile } from '../capture/index.ts';
import type { Ctx } from '../platform/context.ts';
import { listInbox } from '../registry/index.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Real letters for the demo inbox (see demo/README.md), deposited once per empty entity. */
export async function seedDemoMail(ctx: Ctx): Promise<number> {
  let manifest: Array<{ entity: string; channel: 'scan' | 'upload' | 'email'; file: string }>;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'demo', 'manifest.json'), 'utf8'));
  } catch {
    return 0;
  }
  let count = 0;
  const seededEntities = new Set<string>();
  for (const entry of manifest) {
    if (!seededEntities.has(entry.entity)) {
      const inbox = await listInbox(ctx, entry.entity, { page: 1, pageSize: 1 });
      if (inbox.total > 0) continue;
    }
    seededEntities.add(entry.entity);
    const bytes = await fs.readFile(path.join(REPO_ROOT, entry.file));
    const result = await ingestFile(ctx, entry.entity, entry.channel, { filename: path.basename(entry.file), bytes });
    if (result.item) count++;
  }
  return count;
}
