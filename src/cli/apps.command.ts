import { type Command, InvalidArgumentError } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken, SCOPE_NAMES, type ApiTokenScope, type ApiTokenView } from '../platform/api-tokens/index.ts';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  WEBHOOK_EVENTS,
  type WebhookDeliveryView,
  type WebhookSubscriptionView,
} from '../registry/webhooks/index.ts';
import { processIo, type CommandIo, type OpenAppFn } from './user.command.ts';

const STATE_FR = { active: 'actif', expired: 'expiré', revoked: 'révoqué' } as const;
const DELIVERY_FR = { pending: 'en attente', retrying: 'nouvel essai prévu', delivered: 'remis', failed: 'échec' } as const;

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function scopes(value: string): ApiTokenScope[] {
  const given = list(value);
  const unknown = given.filter((s) => !(SCOPE_NAMES as string[]).includes(s));
  if (given.length === 0 || unknown.length) throw new InvalidArgumentError(`portées possibles : ${SCOPE_NAMES.join(', ')}.`);
  return given as ApiTokenScope[];
}

function formatToken(t: ApiTokenView): string {
  const expiry = t.expiresAt ? `expire le ${t.expiresAt}` : 'sans expiration';
  const used = t.lastUsedAt ? `dernier usage ${t.lastUsedAt}` : 'jamais utilisé';
  return `${t.prefix}…  ${t.name}  [${t.scopes.join(',')}]  ${STATE_FR[t.state]}, ${expiry}, ${used}  (id ${t.id})`;
}

function formatSubscription(s: WebhookSubscriptionView): string {
  return `${s.id}  ${s.url}  [${s.events.join(',')}]${s.active ? '' : '  (supprimé)'}${s.description ? `  — ${s.description}` : ''}`;
}

function formatDelivery(d: WebhookDeliveryView): string {
  const last = d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : d.lastResponse ?? '';
  return `${d.createdAt}  ${d.eventType}  ${DELIVERY_FR[d.status]}  ${d.attempts} essai(s)  ${last}  (${d.id})`;
}

/** `octo token …` and `octo webhook …`: an entity's connected applications, at the console. */
export function registerAppsCommands(program: Command, openApp: OpenAppFn, io: CommandIo = processIo): void {
  const print = (json: boolean | undefined, value: unknown, text: string) => io.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  const token = program.command('token').description('Jetons d’API des applications connectées d’une entité');
  token
    .command('create')
    .description('Crée un jeton ; il est affiché cette seule fois (seule son empreinte est conservée)')
    .requiredOption('--entity <code>', 'code de l’entité, par exemple PREF69')
    .requiredOption('--name <nom>', 'nom de l’application, par exemple « Démarches simplifiées »')
    .option('--scope <portées>', `portées séparées par des virgules : ${SCOPE_NAMES.join(', ')}`, scopes, ['deposit'] as ApiTokenScope[])
    .option('--expires <AAAA-MM-JJ>', 'dernier jour de validité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; name: string; scope: ApiTokenScope[]; expires?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const created = await createApiToken(app.ctx, opts.entity, { name: opts.name, scopes: opts.scope, expiresOn: opts.expires ?? null });
        print(opts.json, created, `Jeton créé pour ${created.name} (${created.entityCode}) :\n${created.token}\nCopiez-le maintenant : il ne sera plus jamais affiché.\n${formatToken(created)}`);
      });
    });
  token
    .command('list')
    .description('Liste les jetons d’une entité (jamais le jeton lui-même)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const tokens = await listApiTokens(app.ctx, opts.entity);
        print(opts.json, tokens, tokens.length ? tokens.map(formatToken).join('\n') : 'Aucun jeton.');
      });
    });
  token
    .command('revoke')
    .description('Révoque un jeton (par son id ou son préfixe)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<jeton>', 'id ou préfixe (octo_xxxxxxxx) du jeton')
    .option('--json', 'sortie JSON')
    .action(async (idOrPrefix: string, opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const revoked = await revokeApiToken(app.ctx, opts.entity, idOrPrefix);
        print(opts.json, revoked, `Jeton révoqué : ${formatToken(revoked)}`);
      });
    });

  const webhook = program.command('webhook').description('Notifications signées (webhooks) des événements des courriers d’une entité');
  webhook
    .command('add')
    .description('Abonne une adresse ; la clé de signature est affichée cette seule fois')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--url <url>', 'adresse https:// de l’abonné')
    .option('--events <événements>', `séparés par des virgules : ${WEBHOOK_EVENTS.join(', ')}`, list, ['item.registered', 'item.status_changed'])
    .option('--description <texte>', 'à quoi sert cet abonnement')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; url: string; events: string[]; description?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const created = await createWebhookSubscription(app.ctx, opts.entity, { url: opts.url, events: opts.events, description: opts.description });
        print(opts.json, created, `Abonnement créé : ${formatSubscription(created)}\nClé de signature (affichée cette seule fois) :\n${created.secret}`);
      });
    });
  webhook
    .command('list')
    .description('Liste les abonnements d’une entité')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const subscriptions = await listWebhookSubscriptions(app.ctx, opts.entity);
        print(opts.json, subscriptions, subscriptions.length ? subscriptions.map(formatSubscription).join('\n') : 'Aucun abonnement.');
      });
    });
  webhook
    .command('remove')
    .description('Met fin à un abonnement (son journal est conservé)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<id>', 'id de l’abonnement')
    .option('--json', 'sortie JSON')
    .action(async (id: string, opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const removed = await deleteWebhookSubscription(app.ctx, opts.entity, id);
        print(opts.json, removed, `Abonnement supprimé : ${formatSubscription(removed)}`);
      });
    });
  webhook
    .command('deliveries')
    .description('Le journal des envois d’un abonnement, du plus récent au plus ancien')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<id>', 'id de l’abonnement')
    .option('--json', 'sortie JSON')
    .action(async (id: string, opts: { entity: string; json?: boolean }) => {
      await openApp(async (app) => {
        const deliveries = await listWebhookDeliveries(app.ctx, opts.entity, id);
        print(opts.json, deliveries, deliveries.length ? deliveries.map(formatDelivery).join('\n') : 'Aucun envoi.');
      });
    });
}
