import type { Command } from 'commander';
import type { App } from '../app.ts';
import { getAntivirusStatus, rescanHeldFiles, type AntivirusStatus, type RescanOutcome } from '../capture/antivirus/index.ts';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/** `octo antivirus status|rescan`: exit 1 when clamd is configured but does not answer, or a file stays held. */
export function registerAntivirusCommands(program: Command, withApp: WithApp): void {
  const antivirus = program.command('antivirus').description('Antivirus (ClamAV) : état, nouvelle analyse des fichiers retenus');
  antivirus
    .command('status')
    .description('Dit si un antivirus est configuré, s’il répond, et la version de ses signatures')
    .option('--json', 'sortie JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(async (app) => {
        const status = await getAntivirusStatus(app.ctx);
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : `${formatAntivirusStatus(status)}\n`);
        if (status.reachable === false) process.exitCode = 1;
      });
    });
  antivirus
    .command('rescan')
    .description('Analyse de nouveau les fichiers retenus faute d’analyse possible ; enregistre ceux qui sont sains')
    .option('--entity <code>', 'seulement cette entité, par exemple PREF69')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const outcomes = await rescanHeldFiles(app.ctx, opts.entity);
        process.stdout.write(opts.json ? `${JSON.stringify({ outcomes }, null, 2)}\n` : `${formatRescan(outcomes)}\n`);
        if (outcomes.some((o) => o.outcome === 'still-held')) process.exitCode = 1;
      });
    });
}

export function formatAntivirusStatus(status: AntivirusStatus): string {
  const lines = [status.message];
  if (status.endpoint) lines.push(`  clamd : ${status.endpoint}`);
  if (status.engine) lines.push(`  moteur : ${status.engine}`);
  if (status.reachable) lines.push(`  signatures : ${status.signatureVersion ? `${status.signatureVersion} du ${status.signatureDate}` : 'aucune base officielle'}`);
  lines.push(`  vérifié le : ${status.checkedAt}`);
  for (const warning of status.warnings) lines.push(`  Attention : ${warning}`);
  return lines.join('\n');
}

function formatRescan(outcomes: RescanOutcome[]): string {
  if (outcomes.length === 0) return 'Aucun fichier n’attend d’analyse antivirus.';
  return outcomes.map((o) => `${o.entityCode} ${o.filename}\n  ${o.message}`).join('\n');
}
