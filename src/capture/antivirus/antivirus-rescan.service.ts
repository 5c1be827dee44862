import { auditAction } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { frenchMessageFor } from '../../platform/errors.ts';
import type { MailChannel } from '../../registry/index.ts';
import { requireEntity } from '../../registry/index.ts';
import { sniffFile } from '../files/index.ts';
import { ingestFile } from '../intake.service.ts';
import { findHeldEntry, listHeldEntries, markHeldEntryInfected, releaseHeldEntry, SCAN_UNAVAILABLE } from './antivirus.queries.ts';
import { clamdOptionsOf, scanReceivedFile, virusFoundError } from './antivirus.service.ts';

export interface RescanOutcome {
  quarantineId: string;
  entityCode: string;
  filename: string;
  /** registered: clean, now an item; quarantined: clean but refused for another reason; infected; still-held: no scan yet. */
  outcome: 'registered' | 'quarantined' | 'infected' | 'still-held' | 'skipped';
  chrono: string | null;
  message: string;
}

/** One held file: scanned again; registered when clean, marked infected when not, left held otherwise. */
export async function rescanHeldEntry(ctx: Ctx, entityId: string, quarantineId: string): Promise<RescanOutcome> {
  const row = await findHeldEntry(ctx.db, entityId, quarantineId);
  const base = { quarantineId, entityCode: row?.entity_code ?? '', filename: row?.filename ?? '', chrono: null };
  if (!row || row.code !== SCAN_UNAVAILABLE || row.status !== 'open' || !row.sha256) {
    return { ...base, outcome: 'skipped', message: 'Entrée déjà traitée.' };
  }
  const options = clamdOptionsOf(ctx.config);
  if (!options) {
    return { ...base, outcome: 'still-held', message: 'Aucun antivirus n’est configuré : le fichier reste retenu jusqu’à ce qu’il puisse être analysé.' };
  }
  const bytes = await ctx.blobs.get(row.sha256);
  const sniffed = await sniffFile(bytes, row.filename).catch(() => undefined);
  const verdict = await scanReceivedFile(options, bytes, sniffed?.kind === 'eml');
  if (verdict.status === 'unavailable') {
    return { ...base, outcome: 'still-held', message: `Analyse antivirus toujours impossible : ${verdict.reasonFr}` };
  }
  if (verdict.status === 'infected') {
    const error = virusFoundError(verdict.signature, verdict.part);
    const message = frenchMessageFor(error.code, error.details);
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markHeldEntryInfected(trx, entityId, quarantineId, message, JSON.stringify(error.details)))) return;
      await auditAction(trx, ctx, {
        entityId,
        action: 'capture.antivirus.virus_found',
        subjectType: 'quarantine',
        subjectId: quarantineId,
        before: { code: SCAN_UNAVAILABLE },
        after: { code: error.code, signature: verdict.signature, part: verdict.part, sha256: row.sha256 },
      });
    });
    return { ...base, outcome: 'infected', message };
  }
  // Clean: the file goes through intake as if it had just arrived (intake scans it once more).
  const result = await ingestFile(ctx, row.entity_code, row.channel as MailChannel, { filename: row.filename, bytes });
  const note = result.item
    ? `Analyse antivirus faite : aucun virus. Enregistré sous ${result.item.chrono}.`
    : `Analyse antivirus faite : aucun virus ; le fichier reste en quarantaine : ${result.quarantine!.message}`;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await releaseHeldEntry(trx, entityId, quarantineId, ctx.clock.now().toISOString(), note))) return;
    await auditAction(trx, ctx, {
      entityId,
      action: 'capture.antivirus.released',
      subjectType: 'quarantine',
      subjectId: quarantineId,
      before: { status: 'open' },
      after: { status: 'released', chrono: result.item?.chrono ?? null, quarantineId: result.quarantine?.id ?? null },
    });
  });
  return { ...base, outcome: result.item ? 'registered' : 'quarantined', chrono: result.item?.chrono ?? null, message: note };
}

/** Every held file (of one entity, or all): what `octo antivirus rescan` runs. */
export async function rescanHeldFiles(ctx: Ctx, entityCode?: string): Promise<RescanOutcome[]> {
  const entityId = entityCode ? (await requireEntity(ctx, entityCode)).id : undefined;
  const outcomes: RescanOutcome[] = [];
  for (const row of await listHeldEntries(ctx.db, entityId)) outcomes.push(await rescanHeldEntry(ctx, row.entity_id, row.id));
  return outcomes;
}
