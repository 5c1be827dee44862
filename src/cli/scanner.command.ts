import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { App } from '../app.ts';
import { ingestScanBatch, makeSeparatorSheet, type BatchResult } from '../capture/scanner/index.ts';
import { getMailItemSummary, requireEntity } from '../registry/index.ts';
import type { OpenAppFn } from './user.command.ts';

/** `octo separator-sheet`: the sheet agents put before each letter of a batch scan. */
export function registerScannerCommands(program: Command, openApp: OpenAppFn): Command {
  program
    .command('separator-sheet')
    .description('Produit la feuille de séparation à placer devant chaque courrier d’un lot numérisé (PDF A4 avec code QR)')
    .requiredOption('--entity <code>', 'code de l’entité, par exemple PREF69')
    .option('--service <code>', 'service destinataire des courriers qui suivent la feuille')
    .option('--count <n>', 'nombre de feuilles identiques (1 à 500)', (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('--count doit être un nombre entier entre 1 et 500.');
      return n;
    }, 1)
    .requiredOption('-o, --output <file>', 'fichier PDF à écrire')
    .action(async (opts: { entity: string; service?: string; count: number; output: string }) => {
      await openApp(async (app) => {
        const pdf = await makeSeparatorSheet(app.ctx, { entityCode: opts.entity, serviceCode: opts.service, count: opts.count });
        await fs.writeFile(opts.output, pdf);
        process.stdout.write(`Feuille(s) de séparation écrite(s) : ${opts.output} (${opts.count} page(s), ${opts.entity.toUpperCase()}${opts.service ? `, service ${opts.service.toUpperCase()}` : ''})\n`);
      });
    });
  return program;
}

export interface SplitIngestOptions {
  entity: string;
  split?: boolean;
  stamp?: boolean;
  json?: boolean;
  wait: boolean;
}

/** `octo ingest --split` (and `--stamp`): each file cut on separator sheets; prints the items and the pages each took. */
export async function runBatchIngest(app: App, files: string[], opts: SplitIngestOptions): Promise<void> {
  if (opts.wait) await app.startWorkers();
  const results: BatchResult[] = [];
  for (const file of files) {
    const bytes = await fs.readFile(file);
    results.push(await ingestScanBatch(app.ctx, opts.entity, { filename: path.basename(file), bytes }, { split: opts.split ?? false, stamp: opts.stamp, source: 'cli' }));
  }
  if (opts.wait) await app.waitForIdle();
  const entity = await requireEntity(app.ctx, opts.entity);
  for (const result of results) {
    for (const entry of result.items) if (entry.item) entry.item = await getMailItemSummary(app.ctx, entity.id, entity.code, entry.item.id);
  }
  process.stdout.write(opts.json ? `${JSON.stringify(results, null, 2)}\n` : `${results.map(formatBatch).join('\n\n')}\n`);
  if (results.some((r) => r.quarantine || r.items.some((i) => i.quarantine))) process.exitCode = 3;
}

const pageList = (pages: number[]) => (pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`);

export function formatBatch(result: BatchResult): string {
  const lines = [
    `${result.filename} : ${result.pageCount ? `${result.pageCount} page(s), ` : ''}${result.separators.length} feuille(s) de séparation${result.separators.length ? ` (${pageList(result.separators)})` : ''}, ${result.blanks.length} page(s) blanche(s) retirée(s)${result.blanks.length ? ` (${pageList(result.blanks)})` : ''}`,
  ];
  if (result.quarantine) lines.push(`  QUARANTAINE [${result.quarantine.code}] ${result.quarantine.message}`);
  for (const entry of result.items) {
    const head = entry.item ? `${entry.item.chrono}  ${entry.item.status}` : `QUARANTAINE [${entry.quarantine?.code}] ${entry.quarantine?.message}`;
    const where = entry.pages.length ? `  ${pageList(entry.pages)}` : '';
    lines.push(`  ${head}${where}${entry.serviceCode ? `  → service ${entry.serviceCode}` : ''}`);
    for (const warning of entry.warnings) lines.push(`    ⚠ ${warning}`);
  }
  return lines.join('\n');
}
