import { type Command, Option } from 'commander';
import type { AckChannel, AckTemplateKind } from '../registry/acknowledgements/ack.tables.ts';
import { copySharedTemplate, listSharedTemplateViews, shareAckTemplate } from '../registry/templates/shared-template.service.ts';
import type { OpenAppFn } from './user.command.ts';

/** `octo template …`: acknowledgement texts shared between the platform's entities. */
export function registerTemplateCommands(program: Command, withApp: OpenAppFn): Command {
  const template = program.command('template').description('Modèles d’accusé de réception partagés entre entités');
  const out = (json: boolean | undefined, value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  const kind = () => new Option('--kind <kind>', 'régime : sva, svr ou none').choices(['sva', 'svr', 'none']).makeOptionMandatory();
  const channel = () => new Option('--channel <canal>', 'letter (lettre) ou email (courriel)').choices(['letter', 'email']).default('letter');

  template
    .command('shared')
    .description('Liste les modèles que les autres entités partagent')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const templates = await listSharedTemplateViews(app.ctx, o.entity);
        out(o.json, { templates }, [`${templates.length} modèle(s) partagé(s)`, ...templates.map((t) => `  ${t.entityCode}  ${t.kind}/${t.channel}  ${t.subject}`)].join('\n'));
      }));

  template
    .command('share')
    .description('Partage un modèle de l’entité avec les autres entités (--off : cesse de le partager)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .addOption(kind())
    .addOption(channel())
    .option('--off', 'ne plus partager')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; kind: AckTemplateKind; channel: AckChannel; off?: boolean; json?: boolean }) =>
      withApp(async (app) => {
        const view = await shareAckTemplate(app.ctx, o.entity, o.kind, o.channel, !o.off);
        out(o.json, view, `${o.entity} ${o.kind}/${o.channel} : ${view.shared ? 'partagé' : 'non partagé'}`);
      }));

  template
    .command('copy')
    .description('Reprend dans l’entité le modèle partagé d’une autre entité')
    .requiredOption('--entity <code>', 'code de l’entité qui reprend le modèle')
    .requiredOption('--from <code>', 'entité qui le partage')
    .addOption(kind())
    .addOption(channel())
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; from: string; kind: AckTemplateKind; channel: AckChannel; json?: boolean }) =>
      withApp(async (app) => {
        const view = await copySharedTemplate(app.ctx, o.entity, { fromEntityCode: o.from, kind: o.kind, channel: o.channel });
        out(o.json, view, `Modèle ${o.kind}/${o.channel} de ${o.from} repris dans ${o.entity} : ${view.subject}`);
      }));
  return template;
}
