import { InvalidArgumentError, type Command } from 'commander';
import type { MailboxSyncResult, MailboxView } from '../capture/mailboxes/mailbox.schemas.ts';
import { createMailbox, listMailboxes, removeMailbox, syncEntityMailboxes } from '../capture/mailboxes/mailbox.service.ts';
import { addGatewayAddress, listGatewayAddresses, removeGatewayAddress } from '../capture/smtp-gateway/gateway-address.service.ts';
import { OctoError } from '../platform/errors.ts';
import { processIo, type CommandIo, type OpenAppFn } from './user.command.ts';

const SECURITY_LABELS = { tls: 'TLS', starttls: 'STARTTLS', none: 'en clair' } as const;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('--port doit être un nombre entier entre 1 et 65535.');
  return n;
}

export function formatMailbox(m: MailboxView): string {
  const state = m.lastError
    ? `ERREUR ${m.lastError.code} : ${m.lastError.message}`
    : m.lastSuccessAt
      ? `relevée le ${m.lastSuccessAt} (${m.lastSyncCreated} courrier(s))`
      : 'jamais relevée';
  return [
    `${m.id}  ${m.name}${m.active ? '' : '  [désactivée]'}`,
    `    ${m.username} sur ${m.host}:${m.port} (${SECURITY_LABELS[m.security]}), dossier « ${m.folder} »${m.moveTo ? ` → « ${m.moveTo} »` : ', messages marqués lus et $Octo'}`,
    `    ${state}`,
  ].join('\n');
}

export function formatSync(r: MailboxSyncResult): string {
  const lines = [`${r.name} (${r.mailboxId}) : ${r.ok ? `${r.messages.length} message(s) relevé(s)` : `ERREUR ${r.error!.code} : ${r.error!.message}`}`];
  for (const m of r.messages) {
    const what =
      m.outcome === 'registered' ? `enregistré ${m.chrono}` : m.outcome === 'quarantined' ? `en quarantaine : ${m.quarantine?.message}` : 'déjà enregistré (ignoré)';
    lines.push(`    UID ${m.uid}  ${what}  — ${m.subject ?? '(sans objet)'}`);
  }
  return lines.join('\n');
}

/** `octo mailbox …`: the entity's IMAP mailboxes and the SMTP gateway's addresses. */
export function registerMailboxCommands(program: Command, openApp: OpenAppFn, io: CommandIo = processIo): Command {
  const mailbox = program.command('mailbox').description('Boîtes aux lettres IMAP et adresses de la passerelle SMTP d’une entité');
  const print = (json: boolean | undefined, value: unknown, text: string) => io.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  mailbox
    .command('add')
    .description('Ajoute une boîte aux lettres IMAP (mot de passe chiffré au repos)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--host <host>', 'serveur IMAP')
    .option('--port <port>', 'port (défaut : 993 en TLS, 143 sinon)', port)
    .requiredOption('--user <user>', 'identifiant')
    .option('--password-env <VAR>', 'lit le mot de passe dans cette variable d’environnement')
    .option('--password-stdin', 'lit le mot de passe sur l’entrée standard')
    .option('--tls', 'TLS dès la connexion (défaut)')
    .option('--starttls', 'passage obligatoire en TLS par STARTTLS')
    .option('--no-tls', 'connexion en clair (réseau local uniquement)')
    .option('--folder <folder>', 'dossier relevé', 'INBOX')
    .option('--move-to <folder>', 'dossier où déplacer chaque message enregistré (sinon : marqué lu et $Octo)')
    .option('--name <label>', 'libellé, par exemple « courrier@ »')
    .option('--inactive', 'créée désactivée (pas de relève automatique)')
    .option('--json', 'sortie JSON')
    .action(async (opts: {
      entity: string; host: string; port?: number; user: string; passwordEnv?: string; passwordStdin?: boolean;
      tls?: boolean; starttls?: boolean; folder: string; moveTo?: string; name?: string; inactive?: boolean; json?: boolean;
    }) => {
      if (Boolean(opts.passwordEnv) === Boolean(opts.passwordStdin)) {
        throw new OctoError('PLATFORM_VALIDATION_FAILED', 'one password source', { detailFr: 'Indiquez le mot de passe par --password-env VARIABLE ou par --password-stdin (l’un des deux).' });
      }
      if (opts.starttls && opts.tls === true) {
        throw new OctoError('PLATFORM_VALIDATION_FAILED', 'tls and starttls', { detailFr: 'Choisissez --tls, --starttls ou --no-tls.' });
      }
      let password: string | undefined;
      if (opts.passwordEnv) {
        password = process.env[opts.passwordEnv];
        if (!password) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'empty password env', { detailFr: `La variable d’environnement ${opts.passwordEnv} est vide ou absente.` });
      } else {
        password = (await io.readStdin()).replace(/\r?\n$/, '');
      }
      const security = opts.starttls ? 'starttls' : opts.tls === false ? 'none' : 'tls';
      await openApp(async (app) => {
        const created = await createMailbox(app.ctx, opts.entity, {
          name: opts.name,
          host: opts.host,
          port: opts.port ?? (security === 'tls' ? 993 : 143),
          security,
          username: opts.user,
          password,
          folder: opts.folder,
          moveTo: opts.moveTo ?? null,
          active: !opts.inactive,
        });
        print(opts.json, created, `Boîte ajoutée :\n${formatMailbox(created)}`);
      });
    });

  mailbox
    .command('list')
    .description('Liste les boîtes de l’entité et l’état de leur dernière relève')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const boxes = await listMailboxes(app.ctx, opts.entity);
        print(opts.json, boxes, boxes.map(formatMailbox).join('\n') || 'Aucune boîte aux lettres.');
      });
    });

  mailbox
    .command('sync')
    .description('Relève maintenant les boîtes actives de l’entité (ou celle donnée) : un courrier par message')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--id <id>', 'une seule boîte')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; id?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const results = await syncEntityMailboxes(app.ctx, opts.entity, opts.id);
        print(opts.json, results, results.map(formatSync).join('\n') || 'Aucune boîte active.');
        if (results.some((r) => !r.ok)) process.exitCode = 4;
      });
    });

  mailbox
    .command('remove')
    .description('Retire une boîte (les courriers enregistrés restent)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--id <id>', 'identifiant de la boîte (octo mailbox list)')
    .action(async (opts: { entity: string; id: string }) => {
      await openApp(async (app) => {
        await removeMailbox(app.ctx, opts.entity, opts.id);
        io.write(`Boîte ${opts.id} retirée.\n`);
      });
    });

  const gateway = mailbox.command('gateway').description('Adresses pour lesquelles la passerelle SMTP d’Octo reçoit le courrier de l’entité');
  gateway
    .command('add')
    .description('Ajoute une adresse de réception')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--address <address>', 'adresse, par exemple courrier@pref69.octo.localhost')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; address: string; json?: boolean }) => {
      await openApp(async (app) => {
        const added = await addGatewayAddress(app.ctx, opts.entity, opts.address);
        print(opts.json, added, `Adresse ajoutée : ${added.address} → ${added.entityCode}`);
      });
    });
  gateway
    .command('list')
    .description('Liste les adresses de réception de l’entité')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const addresses = await listGatewayAddresses(app.ctx, opts.entity);
        print(opts.json, addresses, addresses.map((a) => a.address).join('\n') || 'Aucune adresse de réception.');
      });
    });
  gateway
    .command('remove')
    .description('Retire une adresse de réception (la passerelle la refusera : 550)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--address <address>', 'adresse')
    .action(async (opts: { entity: string; address: string }) => {
      await openApp(async (app) => {
        await removeGatewayAddress(app.ctx, opts.entity, opts.address);
        io.write(`Adresse retirée : ${opts.address.trim().toLowerCase()}\n`);
      });
    });
  return mailbox;
}
