import { type Command, Option } from 'commander';
import type { App } from '../app.ts';
import {
  addAbsence,
  addMembership,
  createUser,
  listUsers,
  requireUserByEmail,
  ROLES,
  setPassword,
  type Role,
  type UserView,
} from '../platform/auth/index.ts';
import { OctoError } from '../platform/errors.ts';

export type OpenAppFn = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

export interface CommandIo {
  write(text: string): void;
  readStdin(): Promise<string>;
}

export const processIo: CommandIo = {
  write: (text) => void process.stdout.write(text),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  },
};

const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'administrateur de la plateforme',
  entity_admin: 'administrateur de l’entité',
  mailroom_agent: 'agent du courrier',
  service_agent: 'agent de service',
  head_of_service: 'chef de service (signataire)',
  auditor: 'auditeur (lecture seule)',
};

function roleOption() {
  return new Option('--role <role>', 'rôle').choices([...ROLES]);
}

async function readPassword(io: CommandIo, opts: { password?: string; passwordStdin?: boolean }): Promise<string | undefined> {
  if (opts.password !== undefined && opts.passwordStdin) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'two password sources', { detailFr: 'Choisissez --password ou --password-stdin, pas les deux.' });
  }
  if (opts.passwordStdin) return (await io.readStdin()).replace(/\r?\n$/, '');
  return opts.password;
}

function formatUser(user: UserView): string {
  const roles = user.memberships.length
    ? user.memberships.map((m) => `${ROLE_LABELS[m.role]}${m.entityCode ? ` — ${m.entityCode}${m.serviceCode ? `/${m.serviceCode}` : ''}` : ''}`).join(' ; ')
    : 'aucun rôle';
  const flags = [user.status === 'disabled' ? 'désactivé' : null, user.hasPassword ? null : 'sans mot de passe (ProConnect)', user.lockedUntil ? `verrouillé jusqu’à ${user.lockedUntil}` : null].filter(Boolean);
  return `${user.email}  ${user.displayName}${flags.length ? `  [${flags.join(', ')}]` : ''}\n    ${roles}`;
}

/** `octo user …`: accounts, roles, passwords and absences (for administrators at the console). */
export function registerUserCommands(program: Command, openApp: OpenAppFn, io: CommandIo = processIo): Command {
  const user = program.command('user').description('Comptes des agents : création, rôles, mots de passe, absences');
  const print = (json: boolean | undefined, value: unknown, text: string) => io.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  user
    .command('add')
    .description('Crée un compte (sans mot de passe : connexion par ProConnect uniquement)')
    .requiredOption('--email <email>', 'adresse électronique professionnelle')
    .requiredOption('--name <name>', 'prénom et nom')
    .option('--entity <code>', 'entité de rattachement, par exemple PREF69')
    .addOption(roleOption())
    .option('--service <code>', 'service de rattachement')
    .option('--password <password>', 'mot de passe (préférez --password-stdin : la ligne de commande est visible des autres processus)')
    .option('--password-stdin', 'lit le mot de passe sur l’entrée standard')
    .option('--json', 'sortie JSON')
    .action(async (opts: { email: string; name: string; entity?: string; role?: Role; service?: string; password?: string; passwordStdin?: boolean; json?: boolean }) => {
      if ((opts.entity || opts.service) && !opts.role) {
        throw new OctoError('AUTH_MEMBERSHIP_INVALID', 'role missing', { detailFr: 'Précisez --role avec --entity.' });
      }
      const password = await readPassword(io, opts);
      await openApp(async (app) => {
        const created = await app.ctx.db.transaction().execute(async (trx) => {
          const ctx = { ...app.ctx, db: trx };
          const row = await createUser(ctx, { email: opts.email, displayName: opts.name, password });
          if (opts.role) await addMembership(ctx, { userId: row.id, role: opts.role, entityCode: opts.entity, serviceCode: opts.service });
          return row;
        });
        const view = (await listUsers(app.ctx)).find((u) => u.id === created.id)!;
        print(opts.json, view, `Compte créé : ${formatUser(view)}`);
      });
    });

  user
    .command('list')
    .description('Liste les comptes (d’une entité, ou tous)')
    .option('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const users = await listUsers(app.ctx, opts.entity);
        print(opts.json, users, users.length ? users.map(formatUser).join('\n') : 'Aucun compte.');
      });
    });

  const role = user.command('role').description('Rôles des agents');
  role
    .command('add')
    .description('Donne un rôle à un agent dans une entité (et un service)')
    .requiredOption('--email <email>', 'adresse électronique de l’agent')
    .option('--entity <code>', 'code de l’entité (sauf platform_admin)')
    .addOption(roleOption().makeOptionMandatory())
    .option('--service <code>', 'code du service (obligatoire pour service_agent et head_of_service)')
    .option('--json', 'sortie JSON')
    .action(async (opts: { email: string; entity?: string; role: Role; service?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const target = await requireUserByEmail(app.ctx, opts.email);
        await addMembership(app.ctx, { userId: target.id, role: opts.role, entityCode: opts.entity, serviceCode: opts.service });
        const view = (await listUsers(app.ctx)).find((u) => u.id === target.id)!;
        print(opts.json, view, `Rôle ajouté : ${formatUser(view)}`);
      });
    });

  user
    .command('password')
    .description('Définit le mot de passe d’un agent (et lève un verrouillage) ; ses sessions sont fermées')
    .requiredOption('--email <email>', 'adresse électronique de l’agent')
    .option('--password <password>', 'nouveau mot de passe')
    .option('--password-stdin', 'lit le mot de passe sur l’entrée standard')
    .action(async (opts: { email: string; password?: string; passwordStdin?: boolean }) => {
      const password = await readPassword(io, opts);
      if (password === undefined) {
        throw new OctoError('PLATFORM_VALIDATION_FAILED', 'password missing', { detailFr: 'Donnez --password-stdin ou --password.' });
      }
      await openApp(async (app) => {
        const target = await requireUserByEmail(app.ctx, opts.email);
        await setPassword(app.ctx, target.id, password);
        io.write(`Mot de passe défini pour ${target.email}.\n`);
      });
    });

  const absence = user.command('absence').description('Absences et suppléances');
  absence
    .command('add')
    .description('Déclare une absence : du premier au dernier jour inclus, le suppléant agit avec les rôles de l’absent dans l’entité')
    .requiredOption('--email <email>', 'agent absent')
    .requiredOption('--substitute <email>', 'suppléant')
    .requiredOption('--entity <code>', 'entité')
    .requiredOption('--from <date>', 'premier jour (AAAA-MM-JJ)')
    .requiredOption('--to <date>', 'dernier jour (AAAA-MM-JJ)')
    .action(async (opts: { email: string; substitute: string; entity: string; from: string; to: string }) => {
      await openApp(async (app) => {
        const absent = await requireUserByEmail(app.ctx, opts.email);
        const substitute = await requireUserByEmail(app.ctx, opts.substitute);
        await addAbsence(app.ctx, { userId: absent.id, substituteUserId: substitute.id, entityCode: opts.entity, startsOn: opts.from, endsOn: opts.to });
        io.write(`Absence enregistrée : ${absent.email} suppléé par ${substitute.email} (${opts.entity}) du ${opts.from} au ${opts.to}.\n`);
      });
    });

  return user;
}
