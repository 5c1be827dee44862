// `octo audit …` as src/cli/main.ts will run it once the lead wires registerAuditCommands in:
// same program, same error handling (OctoError → exit 2, other errors → exit 1).
import { Command } from 'commander';
import { openApp } from '../../../src/app.ts';
import { registerAuditCommands } from '../../../src/cli/audit.command.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { isOctoError } from '../../../src/platform/errors.ts';

const program = new Command();
program.name('octo').exitOverride((error) => {
  throw error;
});
registerAuditCommands(program, () => openApp(loadConfig(process.env, { logLevel: 'warn' })));
program.parseAsync(process.argv).catch((error: unknown) => {
  if (isOctoError(error)) {
    process.stderr.write(`Erreur : ${error.frenchMessage} [${error.code}]\n`);
    process.exit(2);
  }
  process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
