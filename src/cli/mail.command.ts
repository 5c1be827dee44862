import { type Command, Option } from 'commander';
import {
  assignMailItem,
  changeHandlingStatus,
  commentMailItem,
  copyMailItem,
  correctMailItemSender,
  getHandlingView,
  linkMailItems,
  listDeadlineBaskets,
  qualifyMailItem,
} from '../registry/index.ts';
import type { OpenAppFn } from './user.command.ts';
import { OctoError } from '../platform/errors.ts';

type HandlingView = Awaited<ReturnType<typeof getHandlingView>>;

const STATUS_FR: Record<string, string> = {
  registered: 'enregistré', assigned: 'attribué', in_progress: 'en cours', answered: 'répondu', closed: 'classé',
};

function formatHandling(chrono: string, view: HandlingView): string {
  const lines = [`${chrono}  ${STATUS_FR[view.handlingStatus] ?? view.handlingStatus}${view.handlingReason ? ` (${view.handlingReason})` : ''}`];
  if (view.requestType) lines.push(`  Type : ${view.requestType.name} — ${view.requestType.regime === 'sva' ? 'silence vaut acceptation' : view.requestType.regime === 'svr' ? 'silence vaut rejet' : 'pas de décision implicite'}${view.requestType.delay ? ` (${view.requestType.delay})` : ''}`);
  if (view.deadline) {
    const kind = view.deadline.kind === 'acceptance' ? 'acceptation implicite' : 'rejet implicite';
    const left = view.deadline.daysLeft >= 0 ? `dans ${view.deadline.daysLeft} jour(s)` : `dépassée de ${-view.deadline.daysLeft} jour(s)`;
    lines.push(`  Décision implicite : ${kind} le ${view.deadline.date} (${left})`);
  }
  if (view.ackDueDate) lines.push(`  Accusé de réception avant le : ${view.ackDueDate}`);
  if (view.service) lines.push(`  Service : ${view.service.name} (${view.service.code})${view.assigneeLabel ? `, agent : ${view.assigneeLabel}` : ''}`);
  if (view.copies.length) lines.push(`  Copies : ${view.copies.map((c) => c.code).join(', ')}`);
  for (const link of view.links) lines.push(`  Lien : ${link.direction === 'to' ? '→' : '←'} ${link.chrono} (${link.kind === 'reply' ? 'réponse' : 'connexe'})`);
  for (const comment of view.comments) lines.push(`  Commentaire de ${comment.author} (${comment.createdAt}) : ${comment.body}`);
  return lines.join('\n');
}

/** `octo mail …`: handling of registered items, the same service functions as the web app and the API. */
export function registerMailCommands(program: Command, withApp: OpenAppFn): void {
  const mail = program.command('mail').description('Traitement des courriers : qualification, attribution, copies, commentaires, liens, statut');
  const output = (json: boolean | undefined, chrono: string, view: HandlingView): void => {
    process.stdout.write(json ? `${JSON.stringify(view, null, 2)}\n` : `${formatHandling(chrono, view)}\n`);
  };
  const common = (cmd: Command) => cmd.requiredOption('--entity <code>', 'code de l’entité').option('--json', 'sortie JSON').argument('<chrono>');

  common(mail.command('show').description('Affiche le traitement d’un courrier et son échéance légale'))
    .action((chrono: string, o: { entity: string; json?: boolean }) => withApp(async (app) => output(o.json, chrono, await getHandlingView(app.ctx, o.entity, chrono))));

  common(mail.command('qualify').description('Qualifie la demande (type) et calcule la date de décision implicite'))
    .requiredOption('--type <code>', 'type de demande (octo mail types)')
    .option('--service <code>', 'service chargé du dossier')
    .action((chrono: string, o: { entity: string; json?: boolean; type: string; service?: string }) =>
      withApp(async (app) => output(o.json, chrono, await qualifyMailItem(app.ctx, o.entity, chrono, { requestTypeCode: o.type, serviceCode: o.service }))));

  common(mail.command('assign').description('Attribue (ou réattribue) à un service et, le cas échéant, à un agent'))
    .requiredOption('--service <code>', 'service')
    .option('--agent <nom>', 'agent chargé du dossier')
    .action((chrono: string, o: { entity: string; json?: boolean; service: string; agent?: string }) =>
      withApp(async (app) => output(o.json, chrono, await assignMailItem(app.ctx, o.entity, chrono, { serviceCode: o.service, assigneeLabel: o.agent }))));

  common(mail.command('copy').description('Met un service en copie'))
    .requiredOption('--service <code>', 'service')
    .action((chrono: string, o: { entity: string; json?: boolean; service: string }) =>
      withApp(async (app) => output(o.json, chrono, await copyMailItem(app.ctx, o.entity, chrono, o.service))));

  common(mail.command('comment').description('Ajoute un commentaire'))
    .requiredOption('--text <texte>', 'commentaire')
    .action((chrono: string, o: { entity: string; json?: boolean; text: string }) =>
      withApp(async (app) => output(o.json, chrono, await commentMailItem(app.ctx, o.entity, chrono, o.text))));

  common(mail.command('sender').description('Corrige l’expéditeur ou l’objet lus à l’indexation (chaîne vide : effacer)'))
    .option('--name <nom>', 'nom de l’expéditeur')
    .option('--address <adresse>', 'adresse de l’expéditeur (postale ou électronique)')
    .option('--subject <objet>', 'objet du courrier')
    .action((chrono: string, o: { entity: string; json?: boolean; name?: string; address?: string; subject?: string }) =>
      withApp(async (app) =>
        output(o.json, chrono, await correctMailItemSender(app.ctx, o.entity, chrono, { senderName: o.name, senderAddress: o.address, subject: o.subject }))));

  common(mail.command('link').description('Lie à un autre courrier'))
    .requiredOption('--to <chrono>', 'l’autre courrier')
    .addOption(new Option('--kind <kind>', 'reply (réponse) ou related (connexe)').choices(['reply', 'related']).default('related'))
    .action((chrono: string, o: { entity: string; json?: boolean; to: string; kind: 'reply' | 'related' }) =>
      withApp(async (app) => output(o.json, chrono, await linkMailItems(app.ctx, o.entity, chrono, { otherChrono: o.to, kind: o.kind }))));

  common(mail.command('status').description('Change le statut de traitement (motif obligatoire pour classer)'))
    .addOption(new Option('--set <status>', 'nouveau statut').choices(['registered', 'assigned', 'in_progress', 'answered', 'closed']).makeOptionMandatory())
    .option('--reason <motif>', 'motif')
    .action((chrono: string, o: { entity: string; json?: boolean; set: 'registered' | 'assigned' | 'in_progress' | 'answered' | 'closed'; reason?: string }) =>
      withApp(async (app) => output(o.json, chrono, await changeHandlingStatus(app.ctx, o.entity, chrono, { status: o.set, reason: o.reason }))));

  mail
    .command('late')
    .description('Courriers en retard (décision implicite passée) et à échéance sous 7 jours')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const baskets = await listDeadlineBaskets(app.ctx, o.entity);
        if (o.json) return void process.stdout.write(`${JSON.stringify(baskets, null, 2)}\n`);
        const row = (i: (typeof baskets.late)[number]) => `  ${i.chrono}  ${i.implicitDecisionDate}  ${i.subject ?? '(sans objet)'}`;
        process.stdout.write(
          [`En retard (${baskets.late.length}) :`, ...baskets.late.map(row), `À échéance sous 7 jours (${baskets.dueSoon.length}) :`, ...baskets.dueSoon.map(row)].join('\n') + '\n',
        );
      }));
}

/** `octo mail basket`: the baskets as the web app shows them (the CLI acts for the whole entity, or one service). */
export function registerBasketCommand(program: Command, withApp: OpenAppFn): void {
  const mail = program.commands.find((c) => c.name() === 'mail')!;
  mail
    .command('basket')
    .description('Une bannette : à qualifier, à traiter, en copie, en retard (filtres par service, canal, type, échéance)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .addOption(new Option('--basket <code>', 'bannette').choices(['a-qualifier', 'a-traiter', 'en-copie', 'en-retard']).default('a-traiter'))
    .option('--service <code>', 'seulement ce service (et ses sous-services)')
    .addOption(new Option('--channel <canal>', 'canal').choices(['scan', 'upload', 'email', 'api', 'form', 'transfer']))
    .option('--type <code>', 'type de demande')
    .option('--deadline-by <AAAA-MM-JJ>', 'décision implicite au plus tard ce jour')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; basket: string; service?: string; channel?: never; type?: string; deadlineBy?: string; json?: boolean }) =>
      withApp(async (app) => {
        const { listBasketItems, statisticsDayProblem } = await import('../registry/index.ts');
        const problem = o.deadlineBy === undefined ? null : statisticsDayProblem(o.deadlineBy);
        if (problem) {
          throw new OctoError('PLATFORM_VALIDATION_FAILED', 'bad --deadline-by', { detailFr: `--deadline-by « ${o.deadlineBy} » : ${problem}.` });
        }
        const result = await listBasketItems(app.ctx, o.entity, o.basket, { wholeEntity: true, serviceIds: [] }, {
          service: o.service, channel: o.channel, type: o.type, deadlineBy: o.deadlineBy, pageSize: 200,
        });
        const text = [
          `${result.basket.label} : ${result.total} courrier(s)`,
          ...result.items.map((i) => `${i.chrono}  ${i.service?.code ?? '—'}  ${i.requestType?.code ?? '—'}  ${i.implicitDecisionDate ? `échéance ${i.implicitDecisionDate} (${i.daysLeft} j)` : 'sans échéance'}  ${i.subject ?? '(sans objet)'}`),
        ].join('\n');
        process.stdout.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : `${text}\n`);
      }));
}
