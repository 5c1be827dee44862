// A stand-in for bin/octo.js until the lead wires the user and entity commands into
// src/cli/main.ts: the same commands, the same withApp, run as a child process by cli.test.ts.
import { Command } from 'commander';
import { openApp, type App } from '../../../src/app.ts';
import { registerEntityCommands } from '../../../src/cli/entity.command.ts';
import { registerUserCommands } from '../../../src/cli/user.command.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { isOctoError } from '../../../src/platform/errors.ts';
import { ensureAuthSchema } from './auth-test-kit.ts';

async function withApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(loadConfig(process.env, { logLevel: 'warn' }));
  try {
    await ensureAuthSchema(app.ctx.db);
    return await fn(app);
  } finally {
    await app.close();
  }
}

const program = new Command().name('octo').exitOverride();
registerUserCommands(program, withApp);
registerEntityCommands(program, withApp);
program.parseAsync(process.argv).catch((error: unknown) => {
  if (isOctoError(error)) {
    process.stderr.write(`Erreur : ${error.frenchMessage} [${error.code}]\n`);
    process.exit(2);
  }
  if ((error as { code?: string }).code?.startsWith('commander.')) process.exit(1);
  process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
