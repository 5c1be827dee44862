import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { submitPublicForm } from '../../../src/capture/public-form/public-form.service.ts';
import { assignMailItem, updateServiceContact } from '../../../src/registry/index.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { openApp } from '../../../src/app.ts';
import { createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';

const run = promisify(execFile);
const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');

describe(`octo ack --send and octo outbox (${TEST_DIALECT})`, () => {
  let environment: TestEnvironment;
  let chrono = '';
  const octo = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [OCTO, ...args], { env: environment.env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  before(async () => {
    // No relay configured: messages must wait, visibly.
    environment = await createTestEnvironment({ OCTO_MAIL_FROM: 'ne-pas-repondre@rhone.example' });
    const app = await openApp(loadConfig(environment.env, { logLevel: 'warn' }));
    try {
      const demande = {
        lastName: 'Martin', firstName: 'Camille', email: 'camille@example.org', addressLines: ['1 place Bellecour'], postcode: '69002',
        city: 'Lyon', requestTypeCode: 'FINANCIERE', subject: 'Demande de subvention', message: 'Bonjour, je sollicite une subvention.',
      };
      chrono = (await submitPublicForm(app.ctx, 'PREF69', JSON.stringify(demande), [], '127.0.0.1')).chrono;
      await updateServiceContact(app.ctx, 'PREF69', 'SGCD-FIN', { addressLines: ['106 rue Pierre Corneille'], postcode: '69003', city: 'Lyon', email: 'finances@rhone.example', phone: '04 72 61 60 60' });
      await assignMailItem(app.ctx, 'PREF69', chrono, { serviceCode: 'SGCD-FIN' });
    } finally {
      await app.close();
    }
  });
  after(() => environment?.dispose());

  it('queues the AR e-mail, which waits with its reason while no relay is configured', async () => {
    const sent = await octo('ack', '--chrono', chrono, '--email', '--send');
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, new RegExp(`Accusé de réception de ${chrono} pour camille@example\\.org : en attente`));
    assert.match(sent.stdout, /Motif : Aucun relais SMTP n’est configuré/);

    const list = await octo('outbox', 'list', '--entity', 'PREF69', '--json');
    const messages = JSON.parse(list.stdout) as Array<{ kind: string; status: string; reason: string }>;
    assert.deepEqual(messages.map((m) => `${m.kind}:${m.status}`).sort(), ['aee:waiting', 'ar:waiting']);
  });

  it('refuses --send without --email, in French', async () => {
    const result = await octo('ack', '--chrono', chrono, '-o', '/tmp/x.pdf', '--send');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /--send va avec --email/);
  });

  it('tick queues the now-producible ARE; receipts lists nothing pending', async () => {
    const before = await octo('outbox', 'receipts', '--entity', 'PREF69');
    assert.match(before.stdout, new RegExp(chrono));
    const tick = await octo('outbox', 'tick');
    assert.match(tick.stdout, /Accusés de réception électroniques mis en file : 1/);
    const after = await octo('outbox', 'receipts', '--entity', 'PREF69');
    assert.match(after.stdout, /Aucun accusé de réception électronique en attente/);
  });
});
