// The network scanners' watched folder. Layout below OCTO_HOT_FOLDER_ROOT:
//   <ENTITY>/fichier.pdf              one item
//   <ENTITY>/<SERVICE>/fichier.pdf    one item, assigned to that service
//   <ENTITY>[/<SERVICE>]/lots/x.pdf   a batch, cut on separator sheets (a sheet's service wins)
// A file is taken only once complete: size and mtime unchanged for the settle interval, and
// unchanged again while it is read. Temporary names are left alone. Once its item is committed
// the file moves to <folder>/.octo/traités/ (or .octo/refusés/ with a .txt reason beside it).
// The (path, sha256) record in capture_scan_batch makes a restart resume, never register twice.
// fs.watch gives quick notice; a periodic scan catches what it misses (network shares, renames).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import { OctoError, frenchMessageFor } from '../../platform/errors.ts';
import { listEntityViews, requireEntity } from '../../registry/index.ts';
import { quarantineFile } from '../quarantine.service.ts';
import { ingestScanBatch, type BatchResult } from './batch-split.service.ts';

export const HOT_FOLDER_STATE = '.octo';
export const DONE_FOLDER = 'traités';
export const REFUSED_FOLDER = 'refusés';
export const BATCH_FOLDER = 'lots';
const LOCK_FILE = '.octo-dossier-surveille.lock';

/** Names scanners and copy tools give to files still being written, and hidden files. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /\.(tmp|temp|part|partial|crdownload|filepart|download|lock)$/i.test(name) || name.endsWith('~');
}

export interface HotFolderOptions {
  root: string;
  settleMs: number;
  scanMs: number;
}

export interface HotFolder {
  /** One pass: takes every file that has settled (tests and the periodic timer call it). */
  scan(): Promise<void>;
  stop(): Promise<void>;
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

interface Candidate {
  absolute: string;
  relative: string; // below the root, with '/'
  entityCode: string;
  serviceCode: string | null;
  split: boolean;
  folder: string; // the entity or service folder that holds .octo/
}

export function startHotFolder(ctx: Ctx, options: HotFolderOptions): HotFolder {
  const seen = new Map<string, Seen>();
  const watchers: fs.FSWatcher[] = [];
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let owner = false;
  const lockPath = path.join(options.root, LOCK_FILE);
  const staleMs = Math.max(30_000, options.scanMs * 3);

  /** One watcher per root across processes (octo serve + octo worker): a lock file kept fresh. */
  async function holdLock(): Promise<boolean> {
    if (owner) {
      const stat = await fsp.stat(lockPath).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs < staleMs / 3) return true;
      const now = new Date();
      await fsp.utimes(lockPath, now, now).catch(() => (owner = false));
      if (owner) return true;
    }
    try {
      await fsp.writeFile(lockPath, `${process.pid}@${os.hostname()}\n`, { flag: 'wx' });
      owner = true;
      return true;
    } catch {
      const stat = await fsp.stat(lockPath).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs < staleMs && !(await holderDied(lockPath))) return false;
      // Stale: its process died. Renaming it away is atomic, so only one process takes over.
      const moved = `${lockPath}.${process.pid}.${Date.now()}`;
      if (!(await fsp.rename(lockPath, moved).then(() => true, () => false))) return false;
      await fsp.rm(moved, { force: true });
      return holdLock();
    }
  }

  async function pass(): Promise<void> {
    if (stopped || !(await holdLock())) return;
    const entities = new Map((await listEntityViews(ctx)).map((e) => [e.code, e]));
    const candidates = await listCandidates(options.root);
    const now = Date.now();
    const present = new Set<string>();
    for (const candidate of candidates) {
      if (stopped) return;
      present.add(candidate.absolute);
      const stat = await fsp.stat(candidate.absolute).catch(() => null);
      if (!stat?.isFile()) continue;
      const before = seen.get(candidate.absolute);
      if (!before || before.size !== stat.size || before.mtimeMs !== stat.mtimeMs) {
        seen.set(candidate.absolute, { size: stat.size, mtimeMs: stat.mtimeMs, since: now });
        continue;
      }
      if (now - before.since < options.settleMs) continue;
      try {
        await takeFile(ctx, candidate, before, entities);
      } catch (error) {
        // Unexpected (database down): left in place, tried again on a later pass.
        ctx.logger.error({ err: error, file: candidate.relative }, 'hot folder: file not taken');
      }
      seen.delete(candidate.absolute);
    }
    for (const key of seen.keys()) if (!present.has(key)) seen.delete(key);
  }

  function scan(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const timer = setInterval(() => void scan().catch((error) => ctx.logger.error({ err: error }, 'hot folder scan failed')), options.scanMs);
  timer.unref();
  try {
    const watcher = fs.watch(options.root, { recursive: true }, (_event, name) => {
      // Our own moves (.octo/), the lock and temporary names are no news.
      const parts = String(name ?? '').split(/[\\/]/);
      if (parts.some((part) => isTemporaryName(part))) return;
      again = true;
      if (!running) void scan().catch(() => {});
    });
    watcher.on('error', () => {}); // the periodic scan carries on
    watchers.push(watcher);
  } catch {
    // recursive watch unsupported here: the periodic scan is enough
  }
  void scan().catch((error) => ctx.logger.error({ err: error }, 'hot folder scan failed'));

  return {
    scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      if (owner) await fsp.rm(lockPath, { force: true });
    },
  };
}

/** The lock's process is gone (same machine, no such pid): no need to wait for staleness. */
async function holderDied(lockPath: string): Promise<boolean> {
  const [pid, host] = (await fsp.readFile(lockPath, 'utf8').catch(() => '')).trim().split('@');
  if (host !== os.hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function listCandidates(root: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const dirents = async (dir: string) => fsp.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[]);
  for (const entityDir of await dirents(root)) {
    if (!entityDir.isDirectory() || isTemporaryName(entityDir.name)) continue;
    const entityCode = entityDir.name;
    const entityPath = path.join(root, entityCode);
    const walk = async (dir: string, rel: string[], serviceCode: string | null, split: boolean, folder: string) => {
      for (const entry of await dirents(dir)) {
        if (isTemporaryName(entry.name)) continue;
        const absolute = path.join(dir, entry.name);
        if (entry.isFile()) {
          out.push({ absolute, relative: [entityCode, ...rel, entry.name].join('/'), entityCode, serviceCode, split, folder });
        } else if (entry.isDirectory()) {
          if (entry.name === BATCH_FOLDER && !split) await walk(absolute, [...rel, entry.name], serviceCode, true, folder);
          else if (!serviceCode && !split) await walk(absolute, [...rel, entry.name], entry.name, false, absolute);
        }
      }
    };
    await walk(entityPath, [], null, false, entityPath);
  }
  return out;
}

/** Reads the file whole, checking it did not change meanwhile (a writer still at work). */
async function readSettled(file: string, expected: Seen): Promise<Buffer | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    const before = await handle.stat();
    if (before.size !== expected.size || before.mtimeMs !== expected.mtimeMs) return null;
    const bytes = await handle.readFile();
    const after = await handle.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytes.length !== before.size) return null;
    return bytes;
  } finally {
    await handle.close();
  }
}

async function takeFile(ctx: Ctx, candidate: Candidate, expected: Seen, entities: Map<string, { code: string; services: { code: string }[] }>) {
  const bytes = await readSettled(candidate.absolute, expected);
  if (!bytes) return; // changed under us: settles again first
  const filename = path.basename(candidate.absolute);
  const entity = entities.get(candidate.entityCode);
  if (!entity) {
    // No entity to hold a quarantine entry: the reason goes beside the file.
    const message = frenchMessageFor('CAPTURE_HOT_FOLDER_UNKNOWN_ENTITY', { detailFr: `Dossier « ${candidate.entityCode} ».` });
    ctx.logger.warn({ file: candidate.relative }, 'hot folder: no entity of that code');
    await moveAside(candidate, REFUSED_FOLDER, `${message}\nFichier : ${candidate.relative}\n`);
    return;
  }
  if (candidate.serviceCode && !entity.services.some((s) => s.code === candidate.serviceCode)) {
    const error = new OctoError('CAPTURE_HOT_FOLDER_UNKNOWN_SERVICE', `no service ${candidate.serviceCode}`, {
      detailFr: `Sous-dossier « ${candidate.serviceCode} » de ${entity.code}.`,
    });
    const { id } = await requireEntity(ctx, entity.code);
    const sha256 = await ctx.blobs.put(bytes);
    const row = await quarantineFile(ctx, { entityId: id, channel: 'scan', filename, sizeBytes: bytes.length, sha256, error });
    await moveAside(candidate, REFUSED_FOLDER, reasonText(candidate, row.code, row.message));
    return;
  }
  const result = await ingestScanBatch(ctx, entity.code, { filename, bytes }, {
    split: candidate.split,
    source: 'hot-folder',
    sourcePath: candidate.relative,
    defaultServiceCode: candidate.serviceCode,
  });
  const refusal = refusalOf(result);
  if (refusal) await moveAside(candidate, REFUSED_FOLDER, reasonText(candidate, refusal.code, refusal.message));
  else await moveAside(candidate, DONE_FOLDER, null);
  ctx.logger.info({ file: candidate.relative, items: result.items.map((i) => i.item?.chrono).filter(Boolean) }, 'hot folder: file taken');
}

/** The file is refused when nothing of it became an item. */
function refusalOf(result: BatchResult): { code: string; message: string } | null {
  if (result.quarantine) return result.quarantine;
  if (result.items.length > 0 && result.items.every((i) => i.quarantine)) return result.items[0]!.quarantine!;
  return null;
}

function reasonText(candidate: Candidate, code: string, message: string): string {
  return `${message}\nCode : ${code}\nFichier : ${candidate.relative}\nLe fichier est aussi conservé dans la quarantaine d’Octo.\n`;
}

/** Moves the file into <folder>/.octo/<target>/ under a free name, with its reason beside it. */
async function moveAside(candidate: Candidate, target: string, reason: string | null): Promise<void> {
  const dir = path.join(candidate.folder, HOT_FOLDER_STATE, target);
  await fsp.mkdir(dir, { recursive: true });
  const { name, ext } = path.parse(candidate.absolute);
  let destination = path.join(dir, `${name}${ext}`);
  for (let n = 2; fs.existsSync(destination); n++) destination = path.join(dir, `${name} (${n})${ext}`);
  if (reason !== null) await fsp.writeFile(`${destination}.txt`, reason);
  await fsp.rename(candidate.absolute, destination);
}

/** Starts the watcher when OCTO_HOT_FOLDER_ROOT is set; stopped when the application closes. */
export async function startConfiguredHotFolder(ctx: Ctx): Promise<HotFolder | null> {
  const root = ctx.config.hotFolderRoot;
  if (!root) return null;
  await fsp.mkdir(root, { recursive: true });
  const hotFolder = startHotFolder(ctx, {
    root,
    settleMs: ctx.config.hotFolderSettleSeconds * 1000,
    scanMs: ctx.config.hotFolderScanSeconds * 1000,
  });
  ctx.onClose(() => hotFolder.stop());
  return hotFolder;
}
