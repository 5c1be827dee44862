// `octo calendar …`: the legal calendar from the command line (no database needed).
//   octo calendar holidays --year 2026 [--alsace-moselle] [--json]
//   octo calendar deadline --received 2025-02-07 --regime sva|svr|none [--delay 2m] [--alsace-moselle] [--json]
// Bad input prints a French message on stderr and exits with code 2.

import type { Command } from 'commander';
import { isOctoError, OctoError } from '../platform/errors.ts';
import {
  computeCrpaDeadlines,
  describeDelayFr,
  formatDateFr,
  formatDelay,
  frenchHolidays,
  IMPLICIT_DECISION_KIND_FR,
  normalizeIsoDate,
  parseDelay,
  parseRegime,
  REGIME_FR,
} from '../registry/deadlines/index.ts';

/** Where the commands write and how they exit; tests replace it, the defaults are the process's. */
export interface CalendarCommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Ends the command with this exit code (process.exit by default). */
  exit(code: number): void;
}

const processIo: CalendarCommandIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  exit: (code) => process.exit(code),
};

const USAGE_ERROR_EXIT_CODE = 2;

export function registerCalendarCommands(program: Command, io: Partial<CalendarCommandIo> = {}): void {
  const out: CalendarCommandIo = { ...processIo, ...io };
  const calendar = program.command('calendar').description('Calendrier légal : jours fériés, délais du CRPA');
  const holidays = calendar
    .command('holidays')
    .description('Liste les jours fériés d’une année (Code du travail L3133-1)')
    .option('--year <année>', 'année, par exemple 2026')
    .option('--alsace-moselle', 'ajoute le Vendredi saint et la Saint-Étienne (Bas-Rhin, Haut-Rhin, Moselle)')
    .option('--json', 'sortie JSON')
    .action((opts: { year?: string; alsaceMoselle?: boolean; json?: boolean }) =>
      guarded(out, () => {
        const year = parseYear(opts.year);
        const list = frenchHolidays(year, { alsaceMoselle: opts.alsaceMoselle === true });
        if (opts.json) {
          out.out(`${JSON.stringify(list.map(({ date, name }) => ({ date, name })), null, 2)}\n`);
          return;
        }
        const lines = list.map((h) => `${formatDateFr(h.date)} — ${h.name}${h.alsaceMoselleOnly ? ' (Alsace-Moselle)' : ''}`);
        out.out(`${lines.join('\n')}\n`);
      }),
    );

  const deadline = calendar
    .command('deadline')
    .description('Calcule la date de décision implicite et les échéances de l’AEE et de l’ARE d’une demande')
    .option('--received <AAAA-MM-JJ>', 'date de réception de la demande')
    .option('--regime <régime>', 'sva (silence vaut acceptation), svr (silence vaut rejet) ou none')
    .option('--delay <délai>', 'délai de décision implicite : 2m, 30d, 8w… (2m par défaut)')
    .option('--alsace-moselle', 'jours fériés d’Alsace-Moselle pour les jours ouvrés')
    .option('--json', 'sortie JSON')
    .action((opts: { received?: string; regime?: string; delay?: string; alsaceMoselle?: boolean; json?: boolean }) =>
      guarded(out, () => {
        if (!opts.received) {
          throw new OctoError('REGISTRY_DEADLINE_INVALID_DATE', 'Missing --received', {
            detailFr: 'Indiquez la date de réception avec --received.',
          });
        }
        const received = normalizeIsoDate(opts.received);
        const regime = parseRegime(opts.regime ?? '');
        const alsaceMoselle = opts.alsaceMoselle === true;
        const result = computeCrpaDeadlines({ receivedOn: received, regime, delay: opts.delay ?? null, alsaceMoselle });
        // `none` ignores the delay, but a malformed one is still reported.
        const delay = result.delay ? formatDelay(result.delay) : opts.delay ? formatDelay(parseDelay(opts.delay)) : null;
        if (opts.json) {
          const json = {
            received,
            regime,
            delay,
            implicitDecisionDate: result.implicitDecisionDate,
            aeeDueDate: result.aeeDueDate,
            areDueDate: result.areDueDate,
            alsaceMoselle,
          };
          out.out(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        const lines = [
          `Demande reçue le ${formatDateFr(received)}`,
          `Régime : ${REGIME_FR[regime]} (${regime})${result.delay ? `, délai de ${describeDelayFr(result.delay)}` : ''}`,
          result.implicitDecisionDate && result.implicitDecisionKind
            ? `Décision implicite : ${IMPLICIT_DECISION_KIND_FR[result.implicitDecisionKind]} le ${formatDateFr(result.implicitDecisionDate)}` +
              ` à minuit (invocable dès le ${formatDateFr(result.decisionEffectiveFrom!)})`
            : 'Décision implicite : aucune, une décision expresse est attendue',
          `AEE (accusé d’enregistrement électronique) : au plus tard le ${formatDateFr(result.aeeDueDate)} (1 jour ouvré)`,
          `ARE (accusé de réception électronique) : au plus tard le ${formatDateFr(result.areDueDate)} (10 jours ouvrés)`,
          `Jours fériés : ${alsaceMoselle ? 'calendrier d’Alsace-Moselle' : 'calendrier national'}`,
        ];
        out.out(`${lines.join('\n')}\n`);
      }),
    );

  for (const command of [calendar, holidays, deadline]) {
    command.configureOutput({
      writeOut: (text) => out.out(text),
      writeErr: (text) => out.err(text),
      outputError: (text, write) => write(translateCommanderError(text)),
    });
    command.exitOverride((error) => {
      const success = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      out.exit(success ? error.exitCode : USAGE_ERROR_EXIT_CODE);
      throw error; // reached only when `exit` returns (tests)
    });
  }
}

function parseYear(text: string | undefined): number {
  const trimmed = (text ?? '').trim();
  if (!/^\d{4}$/.test(trimmed)) {
    throw new OctoError('REGISTRY_DEADLINE_INVALID_YEAR', `Invalid year ${JSON.stringify(text)}`, {
      value: text,
      ...(text === undefined ? { detailFr: 'Indiquez l’année avec --year.' } : {}),
    });
  }
  return Number(trimmed);
}

function guarded(io: CalendarCommandIo, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!isOctoError(error)) throw error;
    io.err(`Erreur : ${error.frenchMessage} [${error.code}]\n`);
    io.exit(USAGE_ERROR_EXIT_CODE);
  }
}

/** Commander's own parse errors, in French. */
export function translateCommanderError(text: string): string {
  const message = text.trim().replace(/^error:\s*/, '');
  const rules: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/^unknown option '([^']+)'/, (m) => `option inconnue « ${m[1]} ».`],
    [/^option '([^']+)' argument missing/, (m) => `l’option « ${m[1]} » attend une valeur.`],
    [/^unknown command '([^']+)'/, (m) => `commande inconnue « ${m[1]} » (commandes : holidays, deadline).`],
    [/^too many arguments/, () => 'arguments en trop : cette commande ne prend que des options.'],
    [/^missing required argument '([^']+)'/, (m) => `argument « ${m[1]} » manquant.`],
  ];
  for (const [pattern, french] of rules) {
    const match = pattern.exec(message);
    if (match) return `Erreur : ${french(match)}\n`;
  }
  return `Erreur : ${message}\n`;
}
