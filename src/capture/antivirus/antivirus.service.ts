import { auditAction } from '../../platform/audit/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { parseEml } from '../email/index.ts';
import type { SniffedFile } from '../files/index.ts';
import { quarantineFile, toQuarantineView, type QuarantineEntryView } from '../quarantine.service.ts';
import type { CaptureQuarantineTable } from '../tables.ts';
import { anyInfected, SCAN_UNAVAILABLE, VIRUS_FOUND } from './antivirus.queries.ts';
import { scanBytes, ScanUnavailableError, type ClamdOptions } from './clamd-client.ts';
import { antivirusRescanJob } from './antivirus-rescan.job.ts';

/** clamd's address and limits from the configuration, or null: no antivirus configured. */
export function clamdOptionsOf(config: Config): ClamdOptions | null {
  const endpoint = config.clamavSocket
    ? { socket: config.clamavSocket }
    : config.clamavHost
      ? { host: config.clamavHost, port: config.clamavPort }
      : null;
  if (!endpoint) return null;
  return { endpoint, timeoutMs: config.clamavTimeoutSeconds * 1000, maxBytes: Math.floor(config.clamavMaxMb * 1024 * 1024) };
}

export type FileVerdict =
  | { status: 'clean' }
  | { status: 'infected'; signature: string; part: string | null }
  | { status: 'unavailable'; reasonFr: string; part: string | null };

/**
 * Scans a received file and, for an e-mail, each attachment on its own: the attachments are what
 * Octo stores and serves as documents, so their own bytes are checked, whatever clamd's mail
 * decoder made of the message. The first infected or unscannable part decides.
 */
export async function scanReceivedFile(options: ClamdOptions, bytes: Buffer, isEmail: boolean): Promise<FileVerdict> {
  const parts: Array<{ part: string | null; bytes: Buffer }> = [{ part: null, bytes }];
  if (isEmail) {
    // An unreadable e-mail is quarantined by intake for that reason; its raw bytes are scanned here anyway.
    const email = await parseEml(bytes).catch(() => null);
    for (const attachment of email?.attachments ?? []) parts.push({ part: `pièce jointe « ${attachment.filename} »`, bytes: attachment.bytes });
  }
  for (const { part, bytes: partBytes } of parts) {
    try {
      const verdict = await scanBytes(options, partBytes);
      if (verdict.status === 'infected') return { status: 'infected', signature: verdict.signature, part };
    } catch (error) {
      if (error instanceof ScanUnavailableError) return { status: 'unavailable', reasonFr: error.reasonFr, part };
      throw error;
    }
  }
  return { status: 'clean' };
}

export function virusFoundError(signature: string, part: string | null) {
  return new OctoError('CAPTURE_VIRUS_FOUND', `virus ${signature}${part ? ` in ${part}` : ''}`, {
    detailFr: `Virus détecté : « ${signature} »${part ? ` dans la ${part}` : ''}.`,
    signature,
    part,
  });
}

function scanUnavailableError(reasonFr: string, part: string | null) {
  return new OctoError('CAPTURE_ANTIVIRUS_UNAVAILABLE', 'antivirus scan impossible', {
    detailFr: `Motif : ${reasonFr}${part ? ` (${part})` : ''}`,
    reason: reasonFr,
    part,
  });
}

export interface ScreenedFile {
  entity: { id: string; code: string };
  channel: string;
  filename: string;
  bytes: Buffer;
}

/**
 * The antivirus gate of intake, before anything becomes visible to agents. Returns null when the
 * file may go on (clean, or no antivirus configured); otherwise the quarantine entry that keeps
 * it: infected (with the virus name, for good) or held because no scan could be made (clamd down,
 * too slow, file too big), in which case a job scans it again and registers it once clean.
 */
export async function screenReceivedFile(ctx: Ctx, file: ScreenedFile, sniffed: SniffedFile | undefined): Promise<QuarantineEntryView | null> {
  const options = clamdOptionsOf(ctx.config);
  if (!options) return null;
  const verdict = await scanReceivedFile(options, file.bytes, sniffed?.kind === 'eml');
  if (verdict.status === 'clean') return null;
  const sha256 = await ctx.blobs.put(file.bytes);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const base = { entityId: file.entity.id, channel: file.channel, filename: file.filename, sizeBytes: file.bytes.length, sha256 };
    if (verdict.status === 'infected') {
      const entry = await quarantineFile(tctx, { ...base, error: virusFoundError(verdict.signature, verdict.part) });
      await auditAction(trx, ctx, {
        entityId: file.entity.id,
        action: 'capture.antivirus.virus_found',
        subjectType: 'quarantine',
        subjectId: entry.id,
        after: { signature: verdict.signature, part: verdict.part, sha256 },
      });
      return entry;
    }
    const entry = await quarantineFile(tctx, { ...base, error: scanUnavailableError(verdict.reasonFr, verdict.part) });
    await ctx.jobs.enqueue(trx, antivirusRescanJob, { entityId: file.entity.id, quarantineId: entry.id });
    return entry;
  });
  return toQuarantineView(row, file.entity.code);
}

/** Refuses to serve stored bytes the antivirus found infected (documents, searchable versions). */
export async function assertNotInfected(ctx: Ctx, sha256s: string[]): Promise<void> {
  if (await anyInfected(ctx.db, sha256s)) {
    throw new OctoError('CAPTURE_INFECTED_FILE_WITHHELD', 'infected file withheld', { sha256: sha256s[0] });
  }
}

/** The original of a quarantine entry is served only once it is known to carry no virus. */
export async function assertQuarantineOriginalServable(ctx: Ctx, row: Pick<CaptureQuarantineTable, 'code' | 'status' | 'sha256'>): Promise<void> {
  if (row.code === VIRUS_FOUND) throw new OctoError('CAPTURE_INFECTED_FILE_WITHHELD', 'infected file withheld');
  // A held file stays unscanned until the rescan releases it, even if an agent dismissed the entry.
  if (row.code === SCAN_UNAVAILABLE && row.status !== 'released') {
    throw new OctoError('CAPTURE_UNSCANNED_FILE_WITHHELD', 'file not scanned yet');
  }
  if (row.sha256) await assertNotInfected(ctx, [row.sha256]);
}
