import type { Command } from 'commander';
import { listPendingElectronicReceipts, sendDueElectronicReceipts } from '../capture/public-form/electronic-receipt.service.ts';
import { getEntitySender, listOutbox, releaseDueMail, retryOutboxMessage, setEntitySender, type OutboxStatus } from '../platform/mail/index.ts';
import { requireEntity } from '../registry/index.ts';
import type { OpenAppFn } from './user.command.ts';

const STATUSES: OutboxStatus[] = ['queued', 'waiting', 'retrying', 'sent', 'failed'];

/** `octo outbox …`: the outgoing e-mails of an entity, its sender address, the pending ARE. */
export function registerOutboxCommands(program: Command, withApp: OpenAppFn): void {
  const outbox = program.command('outbox').description('Courriels sortants (accusés d’enregistrement et de réception, avis de transmission)');

  outbox
    .command('list')
    .description('Liste les courriels sortants de l’entité, avec leur état et le motif d’attente ou d’échec')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--status <état>', `filtre : ${STATUSES.join(', ')}`)
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; status?: string; json?: boolean }) =>
      withApp(async (app) => {
        if (o.status && !STATUSES.includes(o.status as OutboxStatus)) throw new Error(`état inconnu : ${o.status} (${STATUSES.join(', ')})`);
        const entity = await requireEntity(app.ctx, o.entity);
        const messages = await listOutbox(app.ctx, entity.id, { status: o.status as OutboxStatus | undefined });
        if (o.json) return void process.stdout.write(`${JSON.stringify(messages, null, 2)}\n`);
        process.stdout.write(`Expéditeur : ${(await getEntitySender(app.ctx, entity.id)) ?? '(aucun : OCTO_MAIL_FROM absent)'} ; relais : ${app.ctx.config.smtpRelayHost ?? '(aucun : OCTO_SMTP_RELAY_HOST absent)'}\n`);
        if (messages.length === 0) return void process.stdout.write('Aucun courriel.\n');
        for (const m of messages) {
          process.stdout.write(`${m.createdAt}  ${m.statusFr.padEnd(18)} ${m.kindFr} — ${m.reference ?? ''} → ${m.to}  [${m.id}]\n`);
          if (m.reason) process.stdout.write(`    ${m.reason}\n`);
        }
      }));

  outbox
    .command('sender')
    .description('Définit l’adresse d’expéditeur de l’entité (sinon OCTO_MAIL_FROM)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .requiredOption('--from <adresse>', 'par exemple « Préfecture du Rhône <ne-pas-repondre@rhone.gouv.fr> »')
    .action((o: { entity: string; from: string }) =>
      withApp(async (app) => {
        const entity = await requireEntity(app.ctx, o.entity);
        process.stdout.write(`Expéditeur de ${entity.code} : ${await setEntitySender(app.ctx, entity.id, o.from)}\n`);
      }));

  outbox
    .command('retry')
    .description('Relance tout de suite un courriel en attente ou en échec')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<id>', 'identifiant du courriel (octo outbox list)')
    .action((id: string, o: { entity: string }) =>
      withApp(async (app) => {
        const entity = await requireEntity(app.ctx, o.entity);
        const row = await retryOutboxMessage(app.ctx, entity.id, id);
        process.stdout.write(`Courriel ${row.id} remis dans la file d’envoi (${row.status}).\n`);
      }));

  outbox
    .command('receipts')
    .description('Demandes du formulaire public dont l’accusé de réception électronique n’est pas parti : date limite et motif')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; json?: boolean }) =>
      withApp(async (app) => {
        const receipts = await listPendingElectronicReceipts(app.ctx, o.entity);
        if (o.json) return void process.stdout.write(`${JSON.stringify(receipts, null, 2)}\n`);
        if (receipts.length === 0) return void process.stdout.write('Aucun accusé de réception électronique en attente.\n');
        for (const r of receipts) process.stdout.write(`${r.chrono}  au plus tard le ${r.dueDate ?? '?'}${r.late ? ' (EN RETARD)' : ''}  ${r.reason ?? ''}\n`);
      }));

  outbox
    .command('tick')
    .description('Exécute une fois la tâche périodique : accusés de réception électroniques dus, courriels à relancer')
    .action(() =>
      withApp(async (app) => {
        const receipts = await sendDueElectronicReceipts(app.ctx);
        const released = await releaseDueMail(app.ctx);
        process.stdout.write(`Accusés de réception électroniques mis en file : ${receipts.queued} (en attente : ${receipts.waiting}) ; courriels relancés : ${released}.\n`);
      }));
}
