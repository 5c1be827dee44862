import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { openApp, type App } from '../../../src/app.ts';
import { registerEntityCommands } from '../../../src/cli/entity.command.ts';
import { registerUserCommands, type CommandIo } from '../../../src/cli/user.command.ts';
import { authenticatePassword } from '../../../src/platform/auth/login.service.ts';
import { DEMO_PASSWORD, seedDemoUsers } from '../../../src/platform/auth/demo-users.ts';
import { listUsers } from '../../../src/platform/auth/user.service.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { isOctoError } from '../../../src/platform/errors.ts';
import { createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';
import { ensureAuthSchema } from './auth-test-kit.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, 'octo-auth-cli.ts');

describe(`octo user / octo entity (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  before(async () => {
    environment = await createTestEnvironment();
  });
  after(() => environment?.dispose());

  const withApp = async <T>(fn: (app: App) => Promise<T>): Promise<T> => {
    const app = await openApp(loadConfig(environment.env, { logLevel: 'warn' }));
    try {
      await ensureAuthSchema(app.ctx.db);
      return await fn(app);
    } finally {
      await app.close();
    }
  };

  /** Runs one command in-process; returns what it printed, or the OctoError it threw. */
  async function octo(args: string[], stdin = '') {
    let out = '';
    const io: CommandIo = { write: (text) => void (out += text), readStdin: async () => stdin };
    const program = new Command().name('octo').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerUserCommands(program, withApp, io);
    registerEntityCommands(program, withApp, io);
    try {
      await program.parseAsync(['node', 'octo', ...args]);
      return { out, error: null };
    } catch (error) {
      return { out, error };
    }
  }

  it('entity add / service add / list', async () => {
    assert.equal((await octo(['entity', 'add', '--code', 'DDT69', '--name', 'Direction départementale des territoires du Rhône', '--short-name', 'DDT 69'])).error, null);
    assert.equal((await octo(['entity', 'service', 'add', '--entity', 'DDT69', '--code', 'SEN', '--name', 'Service eau et nature'])).error, null);
    assert.equal((await octo(['entity', 'service', 'add', '--entity', 'DDT69', '--code', 'SEN-POL', '--name', 'Police de l’eau', '--parent', 'SEN'])).error, null);
    const listed = await octo(['entity', 'list', '--json']);
    const ddt = JSON.parse(listed.out).find((e: { code: string }) => e.code === 'DDT69');
    assert.deepEqual(ddt.services, [{ code: 'SEN', name: 'Service eau et nature', parentCode: null }, { code: 'SEN-POL', name: 'Police de l’eau', parentCode: 'SEN' }]);
    const text = await octo(['entity', 'list']);
    assert.match(text.out, /DDT69 {2}Direction départementale[\s\S]*\n {2}SEN {2}Service eau et nature\n {4}SEN-POL/);
    const duplicate = await octo(['entity', 'add', '--code', 'DDT69', '--name', 'Encore']);
    assert.ok(isOctoError(duplicate.error));
    assert.match(duplicate.error.frenchMessage, /existe déjà/);
  });

  it('user add (password from stdin, with a role), role add, list', async () => {
    const added = await octo(['user', 'add', '--email', 'Agnes.Roche@ddt69.demo', '--name', 'Agnès Roche', '--entity', 'DDT69', '--role', 'service_agent', '--service', 'SEN', '--password-stdin', '--json'], 'Police-Eau-Rivière-2026\n');
    assert.equal(added.error, null, String(added.error));
    const view = JSON.parse(added.out);
    assert.equal(view.email, 'agnes.roche@ddt69.demo');
    assert.deepEqual(view.memberships, [{ entityCode: 'DDT69', serviceCode: 'SEN', role: 'service_agent' }]);
    assert.equal((await octo(['user', 'role', 'add', '--email', 'agnes.roche@ddt69.demo', '--entity', 'DDT69', '--role', 'auditor'])).error, null);
    const weak = await octo(['user', 'add', '--email', 'faible@ddt69.demo', '--name', 'Faible', '--password', 'azerty']);
    assert.ok(isOctoError(weak.error) && weak.error.code === 'AUTH_PASSWORD_POLICY');
    assert.match(weak.error.frenchMessage, /au moins 12 caractères/);
    const noService = await octo(['user', 'role', 'add', '--email', 'agnes.roche@ddt69.demo', '--entity', 'DDT69', '--role', 'head_of_service']);
    assert.ok(isOctoError(noService.error) && noService.error.code === 'AUTH_MEMBERSHIP_INVALID');
    const listed = JSON.parse((await octo(['user', 'list', '--entity', 'DDT69', '--json'])).out);
    assert.equal(listed.length, 1);
    assert.deepEqual(listed[0].memberships.map((m: { role: string }) => m.role), ['service_agent', 'auditor']);
    assert.equal(listed[0].hasPassword, true);
    await withApp(async (app) => {
      const user = await authenticatePassword(app.ctx, 'agnes.roche@ddt69.demo', 'Police-Eau-Rivière-2026');
      assert.equal(user.email, 'agnes.roche@ddt69.demo');
    });
  });

  it('runs as a child process on the test environment’s data (OCTO_DATA_DIR / DATABASE_URL)', async () => {
    const child = (...args: string[]) => run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: environment.env });
    const { stdout } = await child('user', 'add', '--email', 'oidc.only@ddt69.demo', '--name', 'Omar Idc', '--entity', 'DDT69', '--role', 'mailroom_agent');
    assert.match(stdout, /^Compte créé : oidc\.only@ddt69\.demo {2}Omar Idc {2}\[sans mot de passe \(ProConnect\)\]\n {4}agent du courrier — DDT69/);
    const list = JSON.parse((await child('user', 'list', '--entity', 'DDT69', '--json')).stdout);
    assert.deepEqual(list.map((u: { email: string }) => u.email), ['agnes.roche@ddt69.demo', 'oidc.only@ddt69.demo']);
    const failed = await child('user', 'add', '--email', 'oidc.only@ddt69.demo', '--name', 'Doublon').then(() => null, (e: { code: number; stderr: string }) => e);
    assert.equal(failed?.code, 2);
    assert.match(failed!.stderr, /Un compte existe déjà avec cette adresse électronique\. \[AUTH_USER_EXISTS\]/);
  });

  it('seedDemoUsers creates the pilot’s demo accounts (idempotent), who can sign in', async () => {
    await withApp(async (app) => {
      const seeded = await seedDemoUsers(app.ctx);
      assert.equal(seeded.length, 26);
      await seedDemoUsers(app.ctx);
      const users = await listUsers(app.ctx, 'PREF69');
      assert.deepEqual(users.map((u) => u.email).sort(), ['admin@pref69.demo', 'agent@pref69.demo', 'auditeur@pref69.demo', 'chef@pref69.demo', 'courrier@pref69.demo']);
      assert.ok(users.every((u) => u.memberships.length === 1), 'no duplicate membership on a second run');
      const admin = await authenticatePassword(app.ctx, 'admin@octo.demo', DEMO_PASSWORD);
      assert.equal(admin.email, 'admin@octo.demo');
      assert.equal(seeded.find((u) => u.email === 'chef@ac-lyon.demo')?.serviceCode, 'DEC');
    });
  });
});
