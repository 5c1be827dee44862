import type { Ctx } from '../../platform/context.ts';
import { countHeldEntries } from './antivirus.queries.ts';
import { clamdOptionsOf } from './antivirus.service.ts';
import { clamdVersion, describeEndpoint, pingClamd, ScanUnavailableError } from './clamd-client.ts';

export const NOT_CONFIGURED_MESSAGE = 'Aucun antivirus n’est configuré : les fichiers reçus ne sont pas analysés.';
/** Official signatures older than this are worth a warning: freshclam has stopped updating them. */
const STALE_SIGNATURE_DAYS = 3;

export interface AntivirusStatus {
  configured: boolean;
  /** unix:/run/clamav/clamd.ctl or tcp://host:3310 */
  endpoint: string | null;
  reachable: boolean | null;
  engine: string | null;
  signatureVersion: string | null;
  signatureDate: string | null;
  checkedAt: string;
  /** Files held in quarantine, on every entity, until they can be scanned. */
  heldCount: number;
  /** What an administrator should read, in plain French. */
  message: string;
  warnings: string[];
}

/** Asks clamd, now, whether it answers and which signatures it runs. */
export async function getAntivirusStatus(ctx: Ctx): Promise<AntivirusStatus> {
  const checkedAt = ctx.clock.now();
  const heldCount = await countHeldEntries(ctx.db);
  const options = clamdOptionsOf(ctx.config);
  const empty = { engine: null, signatureVersion: null, signatureDate: null, checkedAt: checkedAt.toISOString(), heldCount };
  const warnings: string[] = [];
  if (heldCount > 0) warnings.push(`${heldCount} fichier(s) reçu(s) attendent leur analyse antivirus en quarantaine.`);
  if (!options) {
    return { configured: false, endpoint: null, reachable: null, ...empty, message: NOT_CONFIGURED_MESSAGE, warnings };
  }
  const endpoint = describeEndpoint(options.endpoint);
  try {
    await pingClamd(options);
    const version = await clamdVersion(options);
    if (!version.signatureVersion) {
      warnings.push('clamd ne charge aucune base de signatures officielle (freshclam) : seules des signatures locales sont utilisées.');
    } else if (version.signatureDate) {
      const published = Date.parse(version.signatureDate);
      if (Number.isFinite(published) && checkedAt.getTime() - published > STALE_SIGNATURE_DAYS * 86_400_000) {
        warnings.push(`Les signatures datent de plus de ${STALE_SIGNATURE_DAYS} jours (${version.signatureDate}) : vérifiez que freshclam les met à jour.`);
      }
    }
    return {
      configured: true,
      endpoint,
      reachable: true,
      ...empty,
      engine: version.engine,
      signatureVersion: version.signatureVersion,
      signatureDate: version.signatureDate,
      message: 'Antivirus actif : chaque fichier reçu (et chaque pièce jointe d’un courriel) est analysé par ClamAV avant d’être enregistré.',
      warnings,
    };
  } catch (error) {
    const reason = error instanceof ScanUnavailableError ? error.reasonFr : String(error);
    return {
      configured: true,
      endpoint,
      reachable: false,
      ...empty,
      message: `L’antivirus est configuré mais ne répond pas : ${reason} Les fichiers reçus sont retenus en quarantaine jusqu’à ce qu’ils puissent être analysés.`,
      warnings,
    };
  }
}
