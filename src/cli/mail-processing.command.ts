import { outboxReminderNotifier } from '../registry/reminders/reminder-mail.ts';
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { exportMailItem, getExportPackage } from '../registry/export/export.service.ts';
import { listReminderViews, sweepRemindersOf } from '../registry/reminders/reminder.service.ts';
import type { OpenAppFn } from './user.command.ts';

const KIND_FR = { implicit_decision: 'décision implicite', missing_items: 'fin du délai des pièces manquantes' } as const;

/** `octo mail reminders` and `octo mail export`: added to the `mail` command group. */
export function registerMailProcessingCommands(program: Command, withApp: OpenAppFn): void {
  const mail = program.commands.find((c) => c.name() === 'mail') ?? program.command('mail');

  mail
    .command('reminders')
    .description('Rappels avant échéance de l’entité (avec --run : calcule d’abord ceux dus aujourd’hui)')
    .requiredOption('--entity <code>', 'code de l’entité')
    .option('--run', 'calcule maintenant les rappels dus (sans doublon)')
    .option('--all', 'y compris les rappels traités')
    .option('--json', 'sortie JSON')
    .action((o: { entity: string; run?: boolean; all?: boolean; json?: boolean }) =>
      withApp(async (app) => {
        const created = o.run ? (await sweepRemindersOf(app.ctx, o.entity, outboxReminderNotifier)).created : null;
        const view = await listReminderViews(app.ctx, o.entity, { serviceIds: null, includeDismissed: o.all });
        if (o.json) return void process.stdout.write(`${JSON.stringify({ ...view, ...(created === null ? {} : { created }) }, null, 2)}\n`);
        const lines = [
          ...(created === null ? [] : [`${created} rappel(s) créé(s)`]),
          `Rappels non traités : ${view.open}`,
          ...view.reminders.map((r) =>
            `  ${r.chrono}  ${KIND_FR[r.kind]} le ${r.dueDate} (${r.workingDaysLeftToday >= 0 ? `${r.workingDaysLeftToday} jour(s) ouvré(s)` : 'passée'}, seuil ${r.thresholdDays})` +
            `${r.service ? `  ${r.service.code}` : ''}${r.assigneeLabel ? `, ${r.assigneeLabel}` : ''}  ${r.subject ?? '(sans objet)'}${r.dismissedAt ? '  [traité]' : ''}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }));

  mail
    .command('export')
    .description('Transmet à une administration hors plateforme (CRPA L114-2) : écrit le paquet ZIP et classe le courrier « transmis hors plateforme »')
    .requiredOption('--entity <code>', 'code de l’entité')
    .argument('<chrono>')
    .requiredOption('--to <nom>', 'nom de l’administration compétente')
    .option('--address <ligne>', 'ligne de son adresse postale (répétable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--reason <motif>', 'motif de la transmission')
    .requiredOption('-o, --output <fichier.zip>', 'fichier ZIP à écrire')
    .option('--json', 'sortie JSON')
    .action((chrono: string, o: { entity: string; to: string; address: string[]; reason?: string; output: string; json?: boolean }) =>
      withApp(async (app) => {
        // Refuse an unwritable destination before closing the item.
        await fs.writeFile(o.output, Buffer.alloc(0), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
          throw new Error(error.code === 'EEXIST' ? `Le fichier ${o.output} existe déjà : choisissez un autre nom.` : `Impossible d’écrire ${o.output} : ${error.message}`);
        });
        try {
          const info = await exportMailItem(app.ctx, o.entity, chrono, { recipientName: o.to, recipientAddress: o.address, reason: o.reason });
          const pkg = await getExportPackage(app.ctx, o.entity, chrono);
          await fs.writeFile(o.output, pkg.bytes);
          process.stdout.write(o.json ? `${JSON.stringify({ ...info, output: o.output }, null, 2)}\n` : `${chrono} transmis à ${info.recipient.name} : ${o.output} (${pkg.bytes.length} octets, sha256 ${info.sha256})\n`);
        } catch (error) {
          await fs.rm(o.output, { force: true });
          throw error;
        }
      }));
}
