import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, Help, InvalidArgumentError, Option } from 'commander';
import { openApp, type App } from '../app.ts';
import { ingestFile } from '../capture/index.ts';
import { loadConfig } from '../platform/config.ts';
import { isOctoError } from '../platform/errors.ts';
import { getMailItemDetail, getMailItemDetailByChrono, searchInbox, type MailChannel } from '../registry/index.ts';
import { registerAckCommands } from './ack.command.ts';
import { registerAuditCommands } from './audit.command.ts';
import { registerContactCommands } from './contact.command.ts';
import { registerMailProcessingCommands } from './mail-processing.command.ts';
import { registerTemplateCommands } from './template.command.ts';
import { registerCalendarCommands } from './calendar.command.ts';
import { registerEntityCommands } from './entity.command.ts';
import { registerBasketCommand, registerMailCommands } from './mail.command.ts';
import { registerRouteCommands } from './route.command.ts';
import { registerMailboxCommands } from './mailbox.command.ts';
import { startSmtpGateway } from '../capture/smtp-gateway/smtp-gateway.ts';
import { registerStatsCommands } from './stats.command.ts';
import { registerScannerCommands, runBatchIngest } from './scanner.command.ts';
import { registerUserCommands } from './user.command.ts';
import { registerAntivirusCommands } from './antivirus.command.ts';
import { registerAppsCommands } from './apps.command.ts';
import { registerOutboxCommands } from './outbox.command.ts';
import { seedDemoMail } from './demo.ts';
import { DEMO_PASSWORD, seedDemoUsers } from '../platform/auth/index.ts';
import { formatIntake, formatItem } from './format.ts';

const program = new Command();
program
  .name('octo')
  .description('Octo : la chaîne du courrier des administrations de l’État')
  .helpOption('-h, --help', 'affiche l’aide de la commande')
  .helpCommand('help [commande]', 'affiche l’aide d’une commande')
  .showHelpAfterError('(octo --help ou octo COMMANDE --help pour l’aide)')
  .configureOutput({ outputError: (text, write) => write(frenchCommanderError(text)) })
  .configureHelp({
    styleTitle: (title) => HELP_TITLES[title] ?? title,
    optionDescription(option) {
      return frenchHelpExtras(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(argument) {
      return frenchHelpExtras(Help.prototype.argumentDescription.call(this, argument));
    },
  })
  // A subcommand's options belong to it (octo route --entity … FILE and octo route rules add --entity …).
  .enablePositionalOptions();

/** Commander's help is in English: its headings and the (choices, default) notes in French. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

function frenchHelpExtras(description: string): string {
  return description.replace(/\bchoices: /g, 'valeurs possibles : ').replace(/\bdefault: /g, 'par défaut : ').replace(/\bpreset: /g, 'valeur sans argument : ').replace(/\benv: /g, 'variable : ');
}

/** Commander writes its usage errors in English: say them in French. */
function frenchCommanderError(text: string): string {
  const rules: Array<[RegExp, string]> = [
    [/error: required option '(.+?)' not specified/, 'Erreur : l’option obligatoire $1 manque.'],
    [/error: missing required argument '(.+?)'/, 'Erreur : l’argument obligatoire « $1 » manque.'],
    [/error: option '(.+?)' argument missing/, 'Erreur : l’option $1 attend une valeur.'],
    [/error: unknown option '(.+?)'/, 'Erreur : option inconnue $1.'],
    [/error: unknown command '(.+?)'/, 'Erreur : commande inconnue « $1 ».'],
    [/error: too many arguments.*/, 'Erreur : trop d’arguments.'],
    [/error: option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+?)\./, 'Erreur : « $2 » n’est pas une valeur possible pour $1 ; valeurs possibles : $3.'],
    [/error: option '(.+?)' argument '(.+?)' is invalid\.(.*)/, 'Erreur : « $2 » n’est pas une valeur possible pour $1.$3'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

/** A whole number option, checked before any work starts. */
function positiveInteger(name: string, max = 10_000) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`${name} doit être un nombre entier entre 1 et ${max}.`);
    }
    return n;
  };
}

async function withApp<T>(fn: (app: App) => Promise<T>, overrides: Parameters<typeof loadConfig>[1] = {}): Promise<T> {
  // A command's output is its result: only errors are logged, unless OCTO_LOG_LEVEL says otherwise.
  const config = loadConfig(process.env, { logLevel: (process.env.OCTO_LOG_LEVEL as never) ?? 'error', ...overrides });
  const app = await openApp(config);
  app.ctx.actor = { type: 'user', id: null, label: `Ligne de commande (${os.userInfo().username})`, source: 'cli' };
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

function print(json: boolean, value: unknown, text: string) {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

program
  .command('serve')
  .description('Démarre le serveur web et l’API (et les traitements, sauf --role api)')
  .option('--port <port>', 'port HTTP', process.env.OCTO_PORT ?? '3000')
  .option('--host <host>', 'adresse d’écoute', process.env.OCTO_HOST ?? '127.0.0.1')
  .addOption(new Option('--role <role>', 'api, worker ou all').choices(['api', 'all']).default('all'))
  .option('--demo', 'crée les comptes de démonstration et dépose quelques courriers réels si le registre est vide')
  .option('--demo-accounts', 'crée seulement les comptes de démonstration (mot de passe commun, affiché)')
  .option('--smtp-port <port>', 'démarre aussi la passerelle SMTP de réception sur ce port (défaut : OCTO_SMTP_PORT, sinon pas de passerelle)', process.env.OCTO_SMTP_PORT)
  .action(async (opts: { port: string; host: string; role: 'api' | 'all'; demo?: boolean; demoAccounts?: boolean; smtpPort?: string }) => {
    const config = loadConfig(process.env, { port: Number(opts.port), host: opts.host, ...(opts.smtpPort !== undefined ? { smtpPort: Number(opts.smtpPort) } : {}) });
    const app = await openApp(config);
    if (opts.demo || opts.demoAccounts) {
      const accounts = await seedDemoUsers(app.ctx);
      process.stdout.write(
        `Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) : ${accounts.filter((a) => a.entityCode === 'PREF69' || a.role === 'platform_admin').map((a) => a.email).join(', ')}, … (liste complète : README).\n`,
      );
    }
    if (opts.role === 'all') await app.startWorkers();
    if (opts.role === 'all') app.startMailboxPoller();
    if (opts.role === 'all') await app.startHotFolder();
    const server = await app.buildHttpServer();
    const address = await server.listen({ port: config.port, host: config.host });
    const shown = address.replace('127.0.0.1', 'localhost');
    process.stdout.write(`Octo est prêt : ${shown}/  (API : ${shown}/api/docs, données : ${config.dataDir})\n`);
    const smtp = config.smtpPort !== undefined ? await startSmtpGateway(app.ctx, { port: config.smtpPort }) : null;
    if (smtp) process.stdout.write(`Passerelle SMTP : ${smtp.host}:${smtp.port} (messages jusqu’à ${config.smtpMaxMb} Mo)\n`);
    if (opts.demo) {
      const seeded = await seedDemoMail(app.ctx);
      if (seeded > 0) process.stdout.write(`${seeded} courriers de démonstration déposés (OCR en cours).\n`);
    }
    const stop = async () => {
      await smtp?.close();
      await server.close();
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('worker')
  .description('Démarre un processus de traitement (OCR, indexation) supplémentaire')
  .option('--concurrency <n>', 'traitements menés de front (1 à 64)', positiveInteger('--concurrency', 64))
  .action(async (opts: { concurrency?: number }) => {
    const config = loadConfig(process.env);
    const app = await openApp(config);
    await app.startWorkers(opts.concurrency);
    app.startMailboxPoller();
    await app.startHotFolder();
    process.stdout.write(`Worker Octo démarré (${app.ctx.jobs.kind}).\n`);
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('ingest')
  .description('Enregistre des fichiers (PDF, TIFF, JPEG, PNG, EML) et attend leur indexation')
  .requiredOption('--entity <code>', 'code de l’entité, par exemple PREF69')
  .addOption(new Option('--channel <channel>', 'canal (défaut : email pour un .eml, scan sinon)').choices(['scan', 'upload', 'email']))
  .option('--json', 'sortie JSON')
  .option('--no-wait', 'ne pas attendre la fin de l’OCR')
  .option('--split', 'lot numérisé : découpé en courriers sur les feuilles de séparation, pages blanches retirées')
  .option('--stamp', 'appose le numéro chrono (code-barres) sur la version PDF dérivée de chaque courrier')
  .option('--no-stamp', 'n’appose pas le numéro chrono, même si OCTO_SCAN_STAMP le demande')
  .argument('<files...>')
  .action(async (files: string[], opts: { entity: string; channel?: MailChannel; json?: boolean; wait: boolean; split?: boolean; stamp?: boolean }) => {
    // Every file must be readable before anything is registered: no half-done batch.
    const unreadable: string[] = [];
    for (const file of files) {
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) unreadable.push(`${file} : fichier introuvable`);
      else if (!stat.isFile()) unreadable.push(`${file} : ce n’est pas un fichier`);
    }
    if (unreadable.length > 0) {
      process.stderr.write(`Erreur : rien n’a été enregistré.\n${unreadable.map((u) => `  ${u}`).join('\n')}\n`);
      process.exitCode = 2;
      return;
    }
    if (opts.split || opts.stamp !== undefined) {
      await withApp((app) => runBatchIngest(app, files, opts));
      return;
    }
    await withApp(async (app) => {
      if (opts.wait) await app.startWorkers();
      const results = [];
      for (const file of files) {
        const bytes = await fs.readFile(file);
        const channel = opts.channel ?? (/\.eml$/i.test(file) ? 'email' : 'scan');
        results.push(await ingestFile(app.ctx, opts.entity, channel, { filename: path.basename(file), bytes }));
      }
      if (opts.wait) await app.waitForIdle();
      const out = [];
      for (const result of results) {
        const detail = result.item ? await getMailItemDetail(app.ctx, opts.entity, result.item.chrono) : null;
        out.push({ filename: result.filename, item: detail, quarantine: result.quarantine ?? null, text: formatIntake(result, detail) });
      }
      print(opts.json ?? false, out.map(({ text: _text, ...rest }) => rest), out.map((o) => o.text).join('\n\n'));
      if (out.some((o) => o.quarantine)) process.exitCode = 3;
    });
  });

program
  .command('search')
  .description('Recherche plein texte dans le registre d’une entité')
  .requiredOption('--entity <code>', 'code de l’entité')
  .option('--json', 'sortie JSON')
  .option('--page <n>', 'page', positiveInteger('--page'), 1)
  .option('--page-size <n>', 'résultats par page (1 à 200)', positiveInteger('--page-size', 200), 20)
  .argument('<query...>')
  .action(async (query: string[], opts: { entity: string; json?: boolean; page: number; pageSize: number }) => {
    await withApp(async (app) => {
      const found = await searchInbox(app.ctx, opts.entity, query.join(' '), { page: opts.page, pageSize: opts.pageSize });
      const text = [
        `${found.total} résultat(s)`,
        ...found.results.map((r) => `${r.item.chrono}  ${r.item.subject ?? '(sans objet)'}  — ${r.item.senderName ?? 'expéditeur inconnu'}\n    ${r.snippet.replace(/\s+/g, ' ').replace(/\[\[|\]\]/g, '*')}`),
      ].join('\n');
      print(opts.json ?? false, found, text);
    });
  });

program
  .command('show')
  .description('Affiche un courrier, ses champs extraits et son texte intégral')
  .option('--json', 'sortie JSON')
  .argument('<chrono>')
  .action(async (chrono: string, opts: { json?: boolean }) => {
    await withApp(async (app) => {
      const detail = await getMailItemDetailByChrono(app.ctx, chrono);
      const { getDocumentText } = await import('../capture/index.ts');
      const documents = [];
      for (const doc of detail.documents) {
        documents.push({ ...doc, text: (await getDocumentText(app.ctx, detail.entityCode, doc.id)).pages });
      }
      const text = [
        formatItem(detail),
        ...documents.map((d) => `\n=== ${d.filename} (${d.kind}, ${d.pageCount} page(s)) ===\n${d.text.map((p) => `--- page ${p.index + 1} (${p.source === 'ocr' ? `OCR ${Math.round(p.confidence ?? 0)} %` : p.source}) ---\n${p.text}`).join('\n')}`),
      ].join('\n');
      print(opts.json ?? false, { ...detail, documents }, text);
    });
  });

registerCalendarCommands(program);
registerUserCommands(program, withApp);
registerEntityCommands(program, withApp);
registerMailCommands(program, withApp);
registerBasketCommand(program, withApp);
registerRouteCommands(program, withApp);
registerMailboxCommands(program, withApp);
registerAckCommands(program, withApp);
registerStatsCommands(program, withApp);
registerAntivirusCommands(program, withApp);
registerAppsCommands(program, withApp);
registerOutboxCommands(program, withApp);
registerContactCommands(program, withApp);
registerMailProcessingCommands(program, withApp);
registerTemplateCommands(program, withApp);
registerScannerCommands(program, withApp);
registerAuditCommands(program, () => openApp(loadConfig(process.env, { logLevel: (process.env.OCTO_LOG_LEVEL as never) ?? 'warn' })));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (isOctoError(error)) {
    process.stderr.write(`Erreur : ${error.frenchMessage} [${error.code}]\n`);
    process.exit(2);
  }
  process.stderr.write(`Erreur : ${systemErrorFr(error) ?? (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});

/** A file system error said in French, with the path it concerns (an -o into a missing folder…). */
function systemErrorFr(error: unknown): string | null {
  const { code, path: where } = (error ?? {}) as { code?: string; path?: string };
  const messages: Record<string, string> = {
    ENOENT: 'fichier ou dossier introuvable',
    EACCES: 'accès refusé',
    EPERM: 'opération non permise',
    EISDIR: 'c’est un dossier, pas un fichier',
    ENOTDIR: 'un élément du chemin n’est pas un dossier',
    ENOSPC: 'plus de place sur le disque',
    EEXIST: 'le fichier existe déjà',
  };
  if (!code || !messages[code]) return null;
  return where ? `${messages[code]} : ${where}` : messages[code];
}
