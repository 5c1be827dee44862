import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import { registerCalendarCommands } from '../../../src/cli/calendar.command.ts';

async function octo(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let code = 0;
  const program = new Command().name('octo');
  registerCalendarCommands(program, {
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    exit: (exitCode) => {
      code = exitCode;
    },
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
  }
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('octo calendar holidays', () => {
  it('lists the 2026 holidays in French, one per line', async () => {
    const result = await octo('calendar', 'holidays', '--year', '2026');
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      'jeudi 1er janvier 2026 — Jour de l’an',
      'lundi 6 avril 2026 — Lundi de Pâques',
      'vendredi 1er mai 2026 — Fête du Travail',
      'vendredi 8 mai 2026 — Victoire 1945',
      'jeudi 14 mai 2026 — Ascension',
      'lundi 25 mai 2026 — Lundi de Pentecôte',
      'mardi 14 juillet 2026 — Fête nationale',
      'samedi 15 août 2026 — Assomption',
      'dimanche 1er novembre 2026 — Toussaint',
      'mercredi 11 novembre 2026 — Armistice 1918',
      'vendredi 25 décembre 2026 — Noël',
    ]);
  });

  it('--json gives [{ date, name }]', async () => {
    const list = JSON.parse((await octo('calendar', 'holidays', '--year', '2026', '--json')).stdout);
    assert.equal(list.length, 11);
    assert.deepEqual(list[1], { date: '2026-04-06', name: 'Lundi de Pâques' });
    assert.deepEqual(list.map((h: { date: string }) => h.date), [
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it('--alsace-moselle adds Good Friday and Saint-Étienne', async () => {
    const list = JSON.parse((await octo('calendar', 'holidays', '--year', '2025', '--alsace-moselle', '--json')).stdout);
    assert.equal(list.length, 13);
    assert.deepEqual(list[1], { date: '2025-04-18', name: 'Vendredi saint' });
    assert.deepEqual(list[12], { date: '2025-12-26', name: 'Saint-Étienne' });
    const text = (await octo('calendar', 'holidays', '--year', '2025', '--alsace-moselle')).stdout;
    assert.match(text, /^vendredi 26 décembre 2025 — Saint-Étienne \(Alsace-Moselle\)$/m);
  });

  for (const args of [[], ['--year', '26'], ['--year', '1500'], ['--year', 'deux-mille']]) {
    it(`refuses ${JSON.stringify(args)} with a French message and exit code 2`, async () => {
      const result = await octo('calendar', 'holidays', ...args);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^Erreur : Année invalide : indiquez une année entre 1583 et 9999\./);
    });
  }
});

describe('octo calendar deadline', () => {
  // B5 oracles through the command, JSON shape of the brief.
  const table: Array<{ args: string[]; json: Record<string, unknown> }> = [
    {
      args: ['--received', '2025-02-07', '--regime', 'sva'],
      json: { received: '2025-02-07', regime: 'sva', delay: '2m', implicitDecisionDate: '2025-04-07', aeeDueDate: '2025-02-10', areDueDate: '2025-02-21', alsaceMoselle: false },
    },
    {
      args: ['--received', '2025-04-30', '--regime', 'svr', '--delay', '2m'],
      json: { received: '2025-04-30', regime: 'svr', delay: '2m', implicitDecisionDate: '2025-06-30', aeeDueDate: '2025-05-02', areDueDate: '2025-05-16', alsaceMoselle: false },
    },
    {
      args: ['--received', '2025-12-24', '--regime', 'svr'],
      json: { received: '2025-12-24', regime: 'svr', delay: '2m', implicitDecisionDate: '2026-02-24', aeeDueDate: '2025-12-26', areDueDate: '2026-01-09', alsaceMoselle: false },
    },
    {
      args: ['--received', '2025-12-24', '--regime', 'svr', '--alsace-moselle'],
      json: { received: '2025-12-24', regime: 'svr', delay: '2m', implicitDecisionDate: '2026-02-24', aeeDueDate: '2025-12-29', areDueDate: '2026-01-12', alsaceMoselle: true },
    },
    {
      // ARE over Ascension (18 May 2023) and Whit Monday (29 May 2023).
      args: ['--received', '2023-05-15', '--regime', 'sva', '--delay', '30d'],
      json: { received: '2023-05-15', regime: 'sva', delay: '30d', implicitDecisionDate: '2023-06-14', aeeDueDate: '2023-05-16', areDueDate: '2023-05-31', alsaceMoselle: false },
    },
    {
      args: ['--received', '2024-12-31', '--regime', 'sva', '--delay', '2m'],
      json: { received: '2024-12-31', regime: 'sva', delay: '2m', implicitDecisionDate: '2025-02-28', aeeDueDate: '2025-01-02', areDueDate: '2025-01-15', alsaceMoselle: false },
    },
    {
      args: ['--received', '2025-02-07', '--regime', 'none'],
      json: { received: '2025-02-07', regime: 'none', delay: null, implicitDecisionDate: null, aeeDueDate: '2025-02-10', areDueDate: '2025-02-21', alsaceMoselle: false },
    },
  ];
  for (const { args, json } of table) {
    it(`${args.join(' ')} --json`, async () => {
      const result = await octo('calendar', 'deadline', ...args, '--json');
      assert.equal(result.code, 0);
      assert.equal(result.stderr, '');
      assert.deepEqual(JSON.parse(result.stdout), json);
    });
  }

  it('prints the kind of decision and the dates in French', async () => {
    const sva = (await octo('calendar', 'deadline', '--received', '2025-02-07', '--regime', 'sva')).stdout;
    assert.match(sva, /acceptation implicite le lundi 7 avril 2025/);
    assert.match(sva, /AEE .*au plus tard le lundi 10 février 2025/);
    assert.match(sva, /ARE .*au plus tard le vendredi 21 février 2025/);
    const svr = (await octo('calendar', 'deadline', '--received', '2025-12-24', '--regime', 'svr', '--alsace-moselle')).stdout;
    assert.match(svr, /rejet implicite le mardi 24 février 2026/);
    assert.match(svr, /AEE .*lundi 29 décembre 2025/);
    assert.match(svr, /Alsace-Moselle/);
    const none = (await octo('calendar', 'deadline', '--received', '2025-02-07', '--regime', 'none')).stdout;
    assert.doesNotMatch(none, /implicite le/);
    assert.match(none, /aucune/);
  });

  const bad: Array<[string[], RegExp]> = [
    [['--received', '2025-02-07', '--regime', 'svr', '--delay', '3x'], /^Erreur : Délai invalide : utilisez 2m, 30d ou 8w\./],
    [['--received', '2025-02-07', '--regime', 'none', '--delay', '3x'], /^Erreur : Délai invalide : utilisez 2m, 30d ou 8w\./],
    [['--received', '2025-02-30', '--regime', 'svr'], /^Erreur : Date invalide : utilisez le format AAAA-MM-JJ/],
    [['--received', '07/02/2025', '--regime', 'svr'], /^Erreur : Date invalide/],
    [['--regime', 'svr'], /^Erreur : Date invalide.*--received/],
    [['--received', '2025-02-07', '--regime', 'silence'], /^Erreur : Régime invalide : utilisez sva/],
    [['--received', '2025-02-07'], /^Erreur : Régime invalide/],
    [['--received', '2025-02-07', '--regime', 'svr', '--frobnicate'], /^Erreur : option inconnue « --frobnicate »/],
    [['--received'], /^Erreur : l’option « --received <AAAA-MM-JJ> » attend une valeur/],
    [['--received', '2025-02-07', '--regime', 'svr', 'extra'], /^Erreur : arguments en trop/],
  ];
  for (const [args, message] of bad) {
    it(`refuses ${args.join(' ')} with a French message on stderr and exit code 2`, async () => {
      const result = await octo('calendar', 'deadline', ...args);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    });
  }

  it('an unknown calendar subcommand is a usage error too', async () => {
    const result = await octo('calendar', 'easter');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Erreur : commande inconnue « easter »/);
  });
});

describe('octo calendar as a real process', () => {
  const run = promisify(execFile);
  const script = path.resolve(import.meta.dirname, 'fixtures/calendar-cli.ts');
  const spawn = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: path.resolve(import.meta.dirname, '../../..') });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('writes JSON on stdout and exits 0', async () => {
    const result = await spawn('calendar', 'deadline', '--received', '2025-02-07', '--regime', 'svr', '--json');
    assert.equal(result.code, 0);
    assert.equal(JSON.parse(result.stdout).areDueDate, '2025-02-21');
  });

  it('exits with code 2 and a French message on stderr for bad input', async () => {
    const bad = await spawn('calendar', 'deadline', '--received', '2025-02-07', '--regime', 'svr', '--delay', '3x');
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'Erreur : Délai invalide : utilisez 2m, 30d ou 8w. [REGISTRY_DEADLINE_INVALID_DELAY]\n');
    const unknown = await spawn('calendar', 'holidays', '--year', '2026', '--bogus');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^Erreur : option inconnue « --bogus »/);
  });
});
