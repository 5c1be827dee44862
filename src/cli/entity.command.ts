import type { Command } from 'commander';
import { createEntity, createService, getServiceContact, listEntityViews, updateServiceContact } from '../registry/index.ts';
import { processIo, type CommandIo, type OpenAppFn } from './user.command.ts';

/** `octo entity …`: the platform's entities and their service trees (platform administration). */
export function registerEntityCommands(program: Command, openApp: OpenAppFn, io: CommandIo = processIo): Command {
  const entity = program.command('entity').description('Entités de la plateforme et leurs services');
  const print = (json: boolean | undefined, value: unknown, text: string) => io.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  entity
    .command('add')
    .description('Crée une entité')
    .requiredOption('--code <code>', 'code court, par exemple DDT69')
    .requiredOption('--name <name>', 'nom complet')
    .option('--short-name <name>', 'nom court affiché')
    .option('--json', 'sortie JSON')
    .action(async (opts: { code: string; name: string; shortName?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const row = await createEntity(app.ctx, { code: opts.code, name: opts.name, shortName: opts.shortName });
        print(opts.json, { code: row.code, name: row.name, shortName: row.short_name }, `Entité créée : ${row.code}  ${row.name}`);
      });
    });

  entity
    .command('list')
    .description('Liste les entités et leurs services')
    .option('--json', 'sortie JSON')
    .action(async (opts: { json?: boolean }) => {
      await openApp(async (app) => {
        const entities = await listEntityViews(app.ctx);
        const text = entities
          .map((e) => {
            const children = (parent: string | null, depth: number): string[] =>
              e.services
                .filter((s) => s.parentCode === parent)
                .flatMap((s) => [`${'  '.repeat(depth)}${s.code}  ${s.name}`, ...children(s.code, depth + 1)]);
            return [`${e.code}  ${e.name}`, ...children(null, 1)].join('\n');
          })
          .join('\n\n');
        print(opts.json, entities, text || 'Aucune entité.');
      });
    });

  const service = entity.command('service').description('Services d’une entité');
  service
    .command('add')
    .description('Ajoute un service à une entité, sous un service parent si donné')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--code <code>', 'code du service')
    .requiredOption('--name <name>', 'nom du service')
    .option('--parent <code>', 'code du service parent')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; code: string; name: string; parent?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const row = await createService(app.ctx, { entityCode: opts.entity, code: opts.code, name: opts.name, parentCode: opts.parent });
        print(opts.json, { entityCode: opts.entity, code: row.code, name: row.name, parentCode: opts.parent ?? null }, `Service créé : ${opts.entity}/${row.code}  ${row.name}`);
      });
    });

  service
    .command('contact')
    .description('Affiche ou modifie les coordonnées d’un service (imprimées sur les accusés de réception)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--code <code>', 'code du service')
    .option('--address <ligne>', 'ligne d’adresse (répétable)', (line: string, lines: string[] = []) => [...lines, line])
    .option('--postcode <cp>', 'code postal')
    .option('--city <commune>', 'commune')
    .option('--email <adresse>', 'adresse électronique du service')
    .option('--phone <numéro>', 'téléphone du service')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity: string; code: string; address?: string[]; postcode?: string; city?: string; email?: string; phone?: string; json?: boolean }) => {
      await openApp(async (app) => {
        const current = await getServiceContact(app.ctx, opts.entity, opts.code);
        const changing = opts.address || opts.postcode || opts.city || opts.email || opts.phone;
        const contact = changing
          ? await updateServiceContact(app.ctx, opts.entity, opts.code, {
              addressLines: opts.address ?? current.addressLines,
              postcode: opts.postcode ?? current.postcode,
              city: opts.city ?? current.city,
              email: opts.email ?? current.email,
              phone: opts.phone ?? current.phone,
            })
          : current;
        print(
          opts.json,
          contact,
          [`${contact.name} (${contact.code})`, ...contact.addressLines, `${contact.postcode} ${contact.city}`, contact.email, contact.phone].filter((l) => l.trim()).join('\n'),
        );
      });
    });

  return entity;
}
