import { type Command, InvalidArgumentError } from 'commander';
import {
  backlogBucketFr,
  CHANNEL_FR,
  entityStatisticsCsv,
  getEntityStatistics,
  getPlatformStatistics,
  HANDLING_STATUS_FR,
  platformStatisticsCsv,
  statisticsDayProblem,
  statisticsPeriodProblem,
  UNASSIGNED_FR,
  UNQUALIFIED_FR,
  type StatisticsFigures,
} from '../registry/index.ts';
import { processIo, type CommandIo, type OpenAppFn } from './user.command.ts';

const dayFr = (day: string) => day.split('-').reverse().join('/');
const num = (n: number | null, unit = '') => (n === null ? '—' : `${String(n).replace('.', ',')}${unit}`);
const pct = (rate: number | null) => (rate === null ? '—' : `${String(Math.round(rate * 1000) / 10).replace('.', ',')} %`);

/** A day option, refused before any work starts when it is not a real YYYY-MM-DD day. */
function dayOption() {
  return (value: string) => {
    const problem = statisticsDayProblem(value);
    if (problem) throw new InvalidArgumentError(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
    return value;
  };
}

function formatFigures(f: StatisticsFigures, indent = '  '): string[] {
  const rows = (items: Array<[string, number]>) => items.map(([label, count]) => `${indent}  ${label.padEnd(44)} ${String(count).padStart(6)}`);
  const l = f.legalDelay;
  const p = f.processingTime;
  return [
    `${indent}Courriers reçus : ${f.received}`,
    `${indent}Réponses dans le délai légal : ${l.withinDelay} sur ${l.answered} (${pct(l.rate)}) ; en cours à échéance dépassée : ${l.openPastDate}`,
    `${indent}Délai de traitement (${p.count} courrier(s) traité(s)) : médiane ${num(p.medianDays, ' j')}, 90e centile ${num(p.p90Days, ' j')}, moyenne ${num(p.meanDays, ' j')}${p.truncated ? ' (sur les plus récents)' : ''}`,
    `${indent}Stock (ni répondus ni classés) : ${f.backlog.total}`,
    `${indent}Par canal :`,
    ...rows(f.byChannel.map((r) => [CHANNEL_FR[r.channel], r.count])),
    `${indent}Par type de demande :`,
    ...rows(f.byRequestType.map((r) => [r.code === null ? UNQUALIFIED_FR : `${r.name} (${r.code})`, r.count])),
    `${indent}Par service :`,
    ...rows(f.byService.map((r) => [r.code === null ? UNASSIGNED_FR : `${r.name} (${r.code})`, r.count])),
    `${indent}Par statut de traitement :`,
    ...rows(f.byHandlingStatus.map((r) => [HANDLING_STATUS_FR[r.status], r.count])),
    `${indent}Stock par ancienneté :`,
    ...rows(f.backlog.buckets.map((b) => [backlogBucketFr(b), b.count])),
  ];
}

/** `octo stats`: the steering figures of an entity or of the platform, as text, JSON or CSV. */
export function registerStatsCommands(program: Command, openApp: OpenAppFn, io: CommandIo = processIo): Command {
  return program
    .command('stats')
    .description('Chiffres de pilotage d’une entité (--entity) ou de la plateforme (--platform), en texte, JSON ou CSV')
    .option('--entity <code>', 'code de l’entité')
    .option('--platform', 'toutes les entités de la plateforme, et leur total')
    .option('--from <AAAA-MM-JJ>', 'premier jour de la période (défaut : 12 mois avant la fin)', dayOption())
    .option('--to <AAAA-MM-JJ>', 'dernier jour de la période, inclus (défaut : aujourd’hui)', dayOption())
    .option('--csv', 'sortie CSV (tableur : UTF-8 avec BOM, « ; », virgule décimale)')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity?: string; platform?: boolean; from?: string; to?: string; csv?: boolean; json?: boolean }, cmd: Command) => {
      if (Boolean(opts.entity) === Boolean(opts.platform)) cmd.error('Erreur : indiquez soit --entity CODE, soit --platform.', { exitCode: 2 });
      if (opts.csv && opts.json) cmd.error('Erreur : choisissez --csv ou --json, pas les deux.', { exitCode: 2 });
      const problem = statisticsPeriodProblem(opts.from, opts.to);
      if (problem) cmd.error(`Erreur : période invalide : ${problem}`, { exitCode: 2 });
      const period = { from: opts.from, to: opts.to };
      await openApp(async (app) => {
        if (opts.entity) {
          const stats = await getEntityStatistics(app.ctx, opts.entity, period);
          if (opts.csv) return io.write(entityStatisticsCsv(stats));
          if (opts.json) return io.write(`${JSON.stringify(stats, null, 2)}\n`);
          const head = `Pilotage — ${stats.entity.name} (${stats.entity.code}), du ${dayFr(stats.period.from)} au ${dayFr(stats.period.to)} ; situation au ${dayFr(stats.today)}`;
          return io.write(`${[head, ...formatFigures(stats)].join('\n')}\n`);
        }
        const stats = await getPlatformStatistics(app.ctx, period);
        if (opts.csv) return io.write(platformStatisticsCsv(stats));
        if (opts.json) return io.write(`${JSON.stringify(stats, null, 2)}\n`);
        const lines = [`Pilotage de la plateforme, du ${dayFr(stats.period.from)} au ${dayFr(stats.period.to)} ; situation au ${dayFr(stats.today)}`];
        for (const e of stats.entities) {
          const l = e.legalDelay;
          lines.push(`  ${e.entity.code.padEnd(12)} reçus ${String(e.received).padStart(6)}   dans le délai ${pct(l.rate).padStart(7)}   délai médian ${num(e.processingTime.medianDays, ' j').padStart(6)}   stock ${String(e.backlog.total).padStart(6)}`);
        }
        lines.push('Toutes entités :', ...formatFigures(stats.totals));
        return io.write(`${lines.join('\n')}\n`);
      });
    });
}
