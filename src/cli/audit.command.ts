import type { Command } from 'commander';
import type { App } from '../app.ts';
import { PLATFORM_CHAIN, verifyAuditChain, type AuditBreakReason, type AuditVerification } from '../platform/audit/index.ts';
import { requireEntity } from '../registry/index.ts';

const REASON_FR: Record<AuditBreakReason, string> = {
  'hash mismatch': 'empreinte invalide',
  'broken link': 'lien rompu avec l’événement précédent',
  'gap in sequence': 'événement manquant',
};

/** `octo audit verify`: exit 0 when the chain is intact, 1 naming the first broken link. */
export function registerAuditCommands(program: Command, openAppFn: () => Promise<Pick<App, 'ctx' | 'close'>>): void {
  const audit = program.command('audit').description('Journal d’audit : vérification de l’intégrité des chaînes');
  audit
    .command('verify')
    .description('Vérifie la chaîne d’empreintes du journal d’audit d’une entité (ou de la plateforme)')
    .option('--entity <code>', 'code de l’entité, par exemple PREF69')
    .option('--platform', 'vérifie la chaîne des événements de la plateforme')
    .option('--json', 'sortie JSON')
    .action(async (opts: { entity?: string; platform?: boolean; json?: boolean }) => {
      if (Boolean(opts.entity) === Boolean(opts.platform)) {
        throw new Error('précisez --entity <code> ou --platform (l’un des deux)');
      }
      const app = await openAppFn();
      try {
        const chain = opts.entity ? (await requireEntity(app.ctx, opts.entity)).id : PLATFORM_CHAIN;
        const result = await verifyAuditChain(app.ctx.db, chain);
        const label = opts.entity ?? PLATFORM_CHAIN;
        process.stdout.write(opts.json ? `${JSON.stringify({ entity: label, ...result }, null, 2)}\n` : `${formatVerification(result)}\n`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}

export function formatVerification(result: AuditVerification): string {
  if (result.ok) return `Chaîne d’audit intègre : ${result.count} ${result.count > 1 ? 'événements' : 'événement'}.`;
  const where = result.reason === 'gap in sequence'
    ? result.id
      ? `absent ; événement suivant : ${result.id}, ${result.action}, ${result.occurredAt}`
      : 'absent : la fin de la chaîne a disparu'
    : `${result.id}, ${result.action}, ${result.occurredAt}`;
  return `Chaîne rompue à l’événement n° ${result.firstBrokenSeq} (${where}) : ${REASON_FR[result.reason]}.`;
}
