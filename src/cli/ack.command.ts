import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { generateAcknowledgementByChrono, generateTransferNoticeByChrono } from '../registry/index.ts';
import { sendByChrono } from '../platform/mail/acknowledgement-mail.service.ts';
import type { OpenAppFn } from './user.command.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** `octo ack --chrono CHRONO -o AR.pdf [--email]`: the acknowledgement of receipt of a request. */
export function registerAckCommands(program: Command, withApp: OpenAppFn): void {
  program
    .command('ack')
    .description('Établit l’accusé de réception d’une demande (lettre PDF, ou courriel avec --email)')
    .requiredOption('--chrono <chrono>', 'numéro chrono du courrier (il porte le code de l’entité)')
    .option('-o, --output <fichier>', 'fichier PDF à écrire (lettre)')
    .option('--email', 'affiche l’objet et le texte du courriel au lieu d’écrire la lettre')
    .option('--missing <pièce>', 'pièce manquante (demande incomplète, L114-5) ; à répéter', collect, [] as string[])
    .option('--due <AAAA-MM-JJ>', 'date limite de production des pièces manquantes')
    .option('--json', 'sortie JSON (mentions comprises)')
    .option('--send', 'avec --email : met le courriel dans la file d’envoi (relais SMTP) au lieu de l’afficher')
    .option('--to <adresse>', 'avec --send : adresse à utiliser à la place de celle de l’expéditeur')
    .option('--transfer-notice', 'établit l’avis de transmission à l’administration compétente (CRPA L114-2) d’un courrier transmis, au lieu de l’accusé de réception')
    .action((o: { chrono: string; output?: string; email?: boolean; missing: string[]; due?: string; json?: boolean; transferNotice?: boolean; send?: boolean; to?: string }) =>
      withApp(async (app) => {
        if (!o.email && !o.output) throw new Error('indiquez le fichier PDF à écrire (-o FICHIER.pdf) ou --email');
        if (o.send) {
          if (!o.email) throw new Error('--send va avec --email (l’accusé est envoyé par courriel)');
          if (o.missing.length > 0 !== Boolean(o.due)) throw new Error('--missing et --due vont ensemble (demande incomplète)');
          const incomplete = o.due ? { missingItems: o.missing, dueDate: o.due } : null;
          const queued = await sendByChrono(app.ctx, o.chrono, o.transferNotice ? 'transfer-notice' : 'ar', { incomplete, to: o.to });
          if (o.json) process.stdout.write(`${JSON.stringify(queued, null, 2)}\n`);
          else {
            process.stdout.write(`${queued.kindFr} de ${o.chrono} pour ${queued.to} : ${queued.statusFr.toLowerCase()} (file d’envoi, ${queued.id}).\n`);
            if (queued.reason) process.stdout.write(`Motif : ${queued.reason}\n`);
            else process.stdout.write('Il part dès qu’un processus Octo (octo serve ou octo worker) le traite.\n');
          }
          return;
        }
        if (o.transferNotice) {
          const notice = await generateTransferNoticeByChrono(app.ctx, o.chrono, { channel: o.email ? 'email' : 'letter' });
          if (notice.pdf && o.output) await fs.writeFile(o.output, notice.pdf);
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ chrono: notice.chrono, channel: notice.channel, file: o.output ?? null, email: notice.email ?? null, facts: notice.facts, warnings: notice.warnings }, null, 2)}\n`);
          } else if (notice.email) {
            process.stdout.write(`À : ${notice.email.to ?? '(adresse inconnue)'}\nObjet : ${notice.email.subject}\n\n${notice.email.text}\n`);
          } else {
            process.stdout.write(`Avis de transmission de ${notice.chrono} (${notice.facts.newChrono}) écrit dans ${o.output} (${notice.pdf!.length} octets).\n`);
          }
          for (const warning of notice.warnings) process.stderr.write(`Attention : ${warning}\n`);
          return;
        }
        if (o.missing.length > 0 !== Boolean(o.due)) throw new Error('--missing et --due vont ensemble (demande incomplète)');
        const incomplete = o.due ? { missingItems: o.missing, dueDate: o.due } : null;
        const ack = await generateAcknowledgementByChrono(app.ctx, o.chrono, { channel: o.email ? 'email' : 'letter', incomplete });
        if (ack.pdf && o.output) await fs.writeFile(o.output, ack.pdf);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ chrono: ack.chrono, channel: ack.channel, file: o.output ?? null, email: ack.email ?? null, mentions: ack.mentions, warnings: ack.warnings }, null, 2)}\n`);
        } else if (ack.email) {
          process.stdout.write(`À : ${ack.email.to ?? '(adresse inconnue)'}\nObjet : ${ack.email.subject}\n\n${ack.email.text}\n`);
        } else {
          process.stdout.write(`Accusé de réception de ${ack.chrono} écrit dans ${o.output} (${ack.pdf!.length} octets).\n`);
        }
        for (const warning of ack.warnings) process.stderr.write(`Attention : ${warning}\n`);
      }));
}
