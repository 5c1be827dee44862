import fs from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { extractTextFromFile } from '../capture/index.ts';
import { getRoutingModelStats, proposeRouting, retrainRouting, type RoutingDecision } from '../indexing/routing/routing.service.ts';
import { addRoutingRule, listRuleViews, removeRoutingRule, type RuleView } from '../indexing/routing/rules.service.ts';
import type { OpenAppFn } from './user.command.ts';

const pct = (n: number) => `${Math.round(n * 100)} %`;

export function formatDecision(decision: RoutingDecision): string {
  const lines: string[] = [];
  if (decision.decidedBy === 'rule') {
    lines.push(`Règle « ${decision.rule!.name} »${decision.rule!.matchedKeywords.length ? ` (mots : ${decision.rule!.matchedKeywords.join(', ')})` : ''}`);
  } else if (decision.decidedBy === 'classifier') {
    lines.push(`Classifieur : confiance ${pct(decision.service!.confidence)} (seuil ${pct(decision.threshold)})`);
  } else {
    lines.push(`Abstention : ${decision.abstention}`);
  }
  if (decision.serviceCode) lines.push(`  Service : ${decision.serviceCode}`);
  if (decision.requestTypeCode) lines.push(`  Type de demande : ${decision.requestTypeCode}`);
  if (decision.service) {
    lines.push(`  Avis du classifieur : ${decision.service.code} (${pct(decision.service.confidence)})${decision.service.runnerUp ? `, puis ${decision.service.runnerUp.code} (${pct(decision.service.runnerUp.confidence)})` : ''}`);
    if (decision.service.words.length) lines.push(`  Mots décisifs : ${decision.service.words.join(', ')}`);
  }
  if (decision.requestType) lines.push(`  Type selon le classifieur : ${decision.requestType.code} (${pct(decision.requestType.confidence)})`);
  return lines.join('\n');
}

function formatRule(rule: RuleView): string {
  const conditions = [
    rule.senderDomain && `domaine ${rule.senderDomain}`,
    rule.senderAddress && `expéditeur ${rule.senderAddress}`,
    rule.keywords?.length && `mots « ${rule.keywords.join(' » | « ')} »`,
    rule.formType && `formulaire ${rule.formType}`,
    rule.mailbox && `boîte ${rule.mailbox}`,
  ].filter(Boolean);
  const decisions = [rule.serviceCode && `service ${rule.serviceCode}`, rule.requestTypeCode && `type ${rule.requestTypeCode}`].filter(Boolean);
  return `${rule.id}  [${rule.priority}] ${rule.name} : si ${conditions.join(' et ')} → ${decisions.join(', ')}`;
}

/** `octo route …`: what Octo would decide for a document, the rules, the classifier's training. */
export function registerRouteCommands(program: Command, withApp: OpenAppFn): void {
  const print = (json: boolean | undefined, value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  const route = program
    .command('route')
    .description('Aiguillage : service et type proposés pour un document (PDF, image, EML), règles, apprentissage')
    .option('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .argument('[file]', 'le document à aiguiller')
    .enablePositionalOptions()
    .action(async (file: string | undefined, o: { entity?: string; json?: boolean }) => {
      if (!file || !o.entity) {
        process.stderr.write('Erreur : indiquez --entity CODE et le fichier, par exemple : octo route --entity PREF69 lettre.pdf\n');
        process.exitCode = 2;
        return;
      }
      const bytes = await fs.readFile(file).catch(() => null);
      if (!bytes) {
        process.stderr.write(`Erreur : fichier introuvable : ${file}\n`);
        process.exitCode = 2;
        return;
      }
      await withApp(async (app) => {
        const extracted = await extractTextFromFile(app.ctx, bytes, file);
        const decision = await proposeRouting(app.ctx, o.entity!, { text: extracted.text, senderAddress: extracted.senderAddress, mailboxes: extracted.mailboxes });
        print(o.json, decision, formatDecision(decision));
      });
    });

  const rules = route.command('rules').description('Les règles d’aiguillage d’une entité');
  rules
    .command('list')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const list = await listRuleViews(app.ctx, o.entity);
        print(o.json, list, list.length ? list.map(formatRule).join('\n') : 'Aucune règle.');
      }));
  rules
    .command('add')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--name <nom>', 'nom de la règle')
    .option('--priority <n>', 'ordre d’examen, la plus petite d’abord (0 à 10000)', (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new InvalidArgumentError('--priority doit être un nombre entier entre 0 et 10000.');
      return n;
    })
    .option('--sender-domain <domaine>', 'domaine de l’expéditeur')
    .option('--sender <adresse>', 'adresse exacte de l’expéditeur')
    .option('--keyword <mot>', 'mot ou expression (répétable : l’un d’eux suffit)', (v: string, all: string[] = []) => [...all, v])
    .option('--form-type <type>', 'type de formulaire')
    .option('--mailbox <adresse>', 'boîte de réception du courriel')
    .option('--service <code>', 'service à attribuer')
    .option('--type <code>', 'type de demande')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; name: string; priority?: number; senderDomain?: string; sender?: string; keyword?: string[]; formType?: string; mailbox?: string; service?: string; type?: string; json?: boolean }) =>
      withApp(async (app) => {
        const rule = await addRoutingRule(app.ctx, o.entity, {
          name: o.name, priority: o.priority, senderDomain: o.senderDomain, senderAddress: o.sender, keywords: o.keyword,
          formType: o.formType, mailbox: o.mailbox, serviceCode: o.service, requestTypeCode: o.type,
        });
        print(o.json, rule, `Règle ajoutée : ${formatRule(rule)}`);
      }));
  rules
    .command('remove')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<id>', 'identifiant de la règle (octo route rules list)')
    .action((id: string, o: { entity: string }) =>
      withApp(async (app) => {
        await removeRoutingRule(app.ctx, o.entity, id);
        process.stdout.write(`Règle supprimée : ${id}\n`);
      }));

  route
    .command('train')
    .description('Réapprend le classifieur depuis les courriers attribués par une règle ou un agent')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const stats = await retrainRouting(app.ctx, o.entity);
        print(o.json, stats, [
          `Classifieur de ${o.entity} : ${stats.service.examples} exemple(s), ${stats.service.vocabulary} termes, seuil ${pct(stats.threshold)}`,
          ...stats.service.labels.map((l) => `  ${l.label} : ${l.examples}`),
        ].join('\n'));
      }));

  route
    .command('model')
    .description('Ce que le classifieur a appris, par service et par type')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const stats = await getRoutingModelStats(app.ctx, o.entity);
        print(o.json, stats, [`${stats.service.examples} exemple(s) ; seuil ${pct(stats.threshold)}`, ...stats.service.labels.map((l) => `  ${l.label} : ${l.examples}`)].join('\n'));
      }));
}
