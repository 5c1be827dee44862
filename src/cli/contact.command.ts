import type { Command } from 'commander';
import type { App } from '../app.ts';
import { requireEntity } from '../registry/index.ts';
import { createContact, findDuplicateContacts, mergeContacts, searchContacts, type ContactViewer } from '../registry/contacts/contact.service.ts';
import type { ContactView } from '../registry/contacts/contact.schemas.ts';
import type { OpenAppFn } from './user.command.ts';

const REASONS_FR: Record<string, string> = { email: 'même courriel', siret: 'même SIRET', name_postcode: 'nom proche, même code postal' };

/** The CLI sees shared contacts, and an entity's confidential ones with --entity. */
async function viewerFor(app: App, entityCode?: string): Promise<ContactViewer> {
  return { entityIds: entityCode ? [(await requireEntity(app.ctx, entityCode)).id] : [] };
}

function line(c: ContactView): string {
  const parts = [c.id, c.displayName, c.email, c.siret ? `SIRET ${c.siret}` : null, c.postcode && c.city ? `${c.postcode} ${c.city}` : null];
  return `${parts.filter(Boolean).join('  ')}${c.confidentialEntityCode ? `  [confidentiel ${c.confidentialEntityCode}]` : ''}`;
}

/** `octo contact …`: the platform's shared contact directory. */
export function registerContactCommands(program: Command, withApp: OpenAppFn): Command {
  const contact = program.command('contact').description('Annuaire partagé des contacts : recherche, ajout, doublons, fusion');
  const out = (json: boolean | undefined, value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  contact
    .command('list')
    .description('Liste ou cherche les contacts (avec --entity : y compris les contacts confidentiels de l’entité)')
    .option('--entity <code>', 'entité dont on voit aussi les contacts confidentiels')
    .option('--search <mots>', 'mots cherchés (nom, organisation, courriel, SIRET, code postal, ville)')
    .option('--limit <n>', 'nombre de contacts', '50')
    .option('--json', 'sortie JSON')
    .action((o: { entity?: string; search?: string; limit: string; json?: boolean }) =>
      withApp(async (app) => {
        const result = await searchContacts(app.ctx, await viewerFor(app, o.entity), { q: o.search, limit: Math.min(100, Math.max(1, Number(o.limit) || 50)), offset: 0 });
        out(o.json, result, [`${result.total} contact(s)`, ...result.contacts.map(line)].join('\n'));
      }));

  contact
    .command('add')
    .description('Ajoute un contact (personne par défaut ; --organisation seule : une organisation)')
    .option('--name <nom>', 'nom de la personne')
    .option('--first-name <prénom>', 'prénom')
    .option('--organisation <nom>', 'organisation')
    .option('--siret <siret>', 'SIRET (14 chiffres)')
    .option('--address <ligne>', 'ligne d’adresse (répétable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--postcode <code>', 'code postal')
    .option('--city <ville>', 'ville')
    .option('--country <pays>', 'pays, hors France')
    .option('--email <courriel>', 'adresse électronique')
    .option('--phone <téléphone>', 'téléphone')
    .option('--confidential-for <code>', 'entité pour laquelle le contact est confidentiel')
    .option('--json', 'sortie JSON')
    .action((o: { name?: string; firstName?: string; organisation?: string; siret?: string; address: string[]; postcode?: string; city?: string; country?: string; email?: string; phone?: string; confidentialFor?: string; json?: boolean }) =>
      withApp(async (app) => {
        const kind = o.name || o.firstName ? 'person' : 'organisation';
        const view = await createContact(app.ctx, await viewerFor(app, o.confidentialFor), {
          kind, lastName: o.name, firstName: o.firstName, organisation: o.organisation, siret: o.siret, addressLines: o.address,
          postcode: o.postcode, city: o.city, country: o.country, email: o.email, phone: o.phone, confidentialEntityCode: o.confidentialFor,
        });
        out(o.json, view, [`Contact créé : ${line(view)}`, ...view.postalAddress.map((l) => `  ${l}`), ...view.warnings.map((w) => `  Attention : ${w}`)].join('\n'));
      }));

  contact
    .command('duplicates')
    .description('Doublons probables : même courriel, même SIRET, ou noms proches au même code postal')
    .option('--entity <code>', 'entité dont on voit aussi les contacts confidentiels')
    .option('--json', 'sortie JSON')
    .action((o: { entity?: string; json?: boolean }) =>
      withApp(async (app) => {
        const pairs = await findDuplicateContacts(app.ctx, await viewerFor(app, o.entity));
        const text = pairs.map((p) => `${p.reasons.map((r) => REASONS_FR[r]).join(', ')} (noms : ${p.score})\n  ${line(p.contacts[0])}\n  ${line(p.contacts[1])}`);
        out(o.json, { pairs }, [`${pairs.length} doublon(s) probable(s)`, ...text].join('\n'));
      }));

  contact
    .command('merge')
    .description('Fusionne le contact SOURCE dans le contact --into : les courriers liés suivent')
    .argument('<source>', 'identifiant du contact fondu')
    .requiredOption('--into <id>', 'identifiant du contact conservé')
    .option('--entity <code>', 'entité, pour fusionner ses contacts confidentiels')
    .option('--json', 'sortie JSON')
    .action((source: string, o: { into: string; entity?: string; json?: boolean }) =>
      withApp(async (app) => {
        const result = await mergeContacts(app.ctx, await viewerFor(app, o.entity), { sourceId: source, targetId: o.into });
        out(o.json, result, `Contacts fusionnés : ${line(result.contact)}\n  ${result.mailItemsMoved} courrier(s) rattaché(s) au contact conservé`);
      }));
  return contact;
}
