import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { openApp, type App } from '../../../src/app.ts';
import { registerAppsCommands } from '../../../src/cli/apps.command.ts';
import type { CommandIo } from '../../../src/cli/user.command.ts';
import { resolveBearerPrincipal } from '../../../src/platform/api-tokens/index.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { isOctoError } from '../../../src/platform/errors.ts';
import { createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';

describe(`octo token / octo webhook (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  before(async () => {
    environment = await createTestEnvironment();
  });
  after(() => environment?.dispose());

  const withApp = async <T>(fn: (app: App) => Promise<T>): Promise<T> => {
    const app = await openApp(loadConfig(environment.env, { logLevel: 'warn' }));
    app.ctx.actor = { type: 'user', id: null, label: 'Ligne de commande (test)', source: 'cli' };
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  };

  async function octo(args: string[]) {
    let out = '';
    const io: CommandIo = { write: (text) => void (out += text), readStdin: async () => '' };
    const program = new Command().name('octo').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerAppsCommands(program, withApp, io);
    try {
      await program.parseAsync(['node', 'octo', ...args]);
      return { out, error: null as unknown };
    } catch (error) {
      return { out, error };
    }
  }

  it('token create shows the token once; list shows its prefix; revoke by prefix makes it refused', async () => {
    const created = await octo(['token', 'create', '--entity', 'PREF69', '--name', 'Portail des aides', '--scope', 'deposit,read', '--expires', '2030-12-31']);
    assert.equal(created.error, null, String(created.error));
    const token = /^(octo_[a-z0-9]{8}_[\w-]{43})$/m.exec(created.out)?.[1];
    assert.ok(token, created.out);
    assert.match(created.out, /il ne sera plus jamais affiché/);
    const listed = await octo(['token', 'list', '--entity', 'PREF69']);
    const prefix = token.slice(0, 13);
    assert.match(listed.out, new RegExp(`${prefix}….*Portail des aides.*\\[deposit,read\\].*actif, expire le 2030-12-31T23:00:00.000Z, jamais utilisé`));
    assert.ok(!listed.out.includes(token));
    const json = JSON.parse((await octo(['token', 'list', '--entity', 'PREF69', '--json'])).out);
    assert.deepEqual(json.map((t: { createdBy: string }) => t.createdBy), ['Ligne de commande (test)']);

    assert.equal((await withApp((app) => resolveBearerPrincipal(app.ctx, `Bearer ${token}`))).displayName, 'Portail des aides');
    const revoked = await octo(['token', 'revoke', '--entity', 'PREF69', prefix]);
    assert.equal(revoked.error, null, String(revoked.error));
    assert.match(revoked.out, /Jeton révoqué : .*révoqué/);
    await assert.rejects(withApp((app) => resolveBearerPrincipal(app.ctx, `Bearer ${token}`)), { code: 'AUTH_API_TOKEN_REVOKED' });
    const badScope = await octo(['token', 'create', '--entity', 'PREF69', '--name', 'X', '--scope', 'admin']);
    assert.match(String((badScope.error as Error).message), /portées possibles : deposit, read/);
    const otherEntity = await octo(['token', 'revoke', '--entity', 'ARS-ARA', prefix]);
    assert.ok(isOctoError(otherEntity.error) && otherEntity.error.code === 'AUTH_API_TOKEN_NOT_FOUND');
  });

  it('webhook add shows the secret once, refuses a private address by default, lists, shows the log, removes', async () => {
    const local = await octo(['webhook', 'add', '--entity', 'PREF69', '--url', 'http://localhost:9000/hook']);
    assert.ok(isOctoError(local.error) && local.error.code === 'REGISTRY_WEBHOOK_URL_FORBIDDEN');
    const added = await octo(['webhook', 'add', '--entity', 'PREF69', '--url', 'https://hooks.example.org/octo', '--events', 'item.registered,item.assigned', '--json']);
    assert.equal(added.error, null, String(added.error));
    const subscription = JSON.parse(added.out);
    assert.match(subscription.secret, /^whsec_/);
    const listed = await octo(['webhook', 'list', '--entity', 'PREF69']);
    assert.match(listed.out, new RegExp(`${subscription.id}  https://hooks.example.org/octo  \\[item.registered,item.assigned\\]`));
    assert.ok(!listed.out.includes(subscription.secret));
    assert.equal((await octo(['webhook', 'deliveries', '--entity', 'PREF69', subscription.id])).out, 'Aucun envoi.\n');
    const removed = await octo(['webhook', 'remove', '--entity', 'PREF69', subscription.id]);
    assert.match(removed.out, /Abonnement supprimé : .*\(supprimé\)/);
    const foreign = await octo(['webhook', 'deliveries', '--entity', 'ARS-ARA', subscription.id]);
    assert.ok(isOctoError(foreign.error) && foreign.error.code === 'REGISTRY_WEBHOOK_NOT_FOUND');
  });
});
