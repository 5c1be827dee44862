import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { DOVECOT_MISSING, startDovecot, type DovecotServer } from '../../helpers/dovecot.ts';
import { createTestEnvironment, TEST_DIALECT, type TestEnvironment } from '../../helpers/test-app.ts';

const run = promisify(execFile);
const OCTO = path.resolve(import.meta.dirname, '../../../bin/octo.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe(`octo mailbox and octo serve --smtp-port (${TEST_DIALECT})`, { skip: DOVECOT_MISSING }, () => {
  let environment: TestEnvironment;
  let dovecot: DovecotServer;
  const octo = async (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) => {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [OCTO, ...args], { env: { ...environment.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
      child.stdin!.end(input ?? '');
    });
  };

  before(async () => {
    environment = await createTestEnvironment();
    dovecot = await startDovecot({ users: [{ user: 'courrier', password: 'Mot-de-passe-IMAP' }] });
  });
  after(async () => {
    await dovecot?.stop();
    await environment?.dispose();
  });

  let mailboxId = '';

  it('mailbox add takes the password from a variable or stdin, never prints it; list shows the box', async () => {
    const missing = await octo(['mailbox', 'add', '--entity', 'PREF69', '--host', '127.0.0.1', '--user', 'courrier']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--password-env VARIABLE ou par --password-stdin/);

    const added = await octo(
      ['mailbox', 'add', '--entity', 'PREF69', '--host', '127.0.0.1', '--port', String(dovecot.port), '--user', 'courrier', '--password-env', 'IMAP_PASSWORD', '--no-tls', '--move-to', 'Traités', '--name', 'courrier@', '--json'],
      undefined,
      { IMAP_PASSWORD: 'Mot-de-passe-IMAP' },
    );
    assert.equal(added.code, 0, added.stderr);
    const box = JSON.parse(added.stdout);
    assert.equal(box.security, 'none');
    assert.equal(box.moveTo, 'Traités');
    assert.doesNotMatch(added.stdout, /Mot-de-passe-IMAP/);
    mailboxId = box.id;

    const viaStdin = await octo(['mailbox', 'add', '--entity', 'PREF69', '--host', '127.0.0.1', '--port', String(dovecot.port), '--user', 'courrier', '--password-stdin', '--no-tls', '--name', 'second', '--inactive'], 'faux\n');
    assert.equal(viaStdin.code, 0, viaStdin.stderr);
    assert.match(viaStdin.stdout, /second  \[désactivée\]/);

    const listed = await octo(['mailbox', 'list', '--entity', 'PREF69']);
    assert.match(listed.stdout, /courrier@\n.*courrier sur 127\.0\.0\.1:\d+ \(en clair\), dossier « INBOX » → « Traités »\n.*jamais relevée/);
    assert.doesNotMatch(listed.stdout, /Mot-de-passe-IMAP|faux/);
  });

  it('mailbox sync prints one line per message with its chrono; an error gives exit code 4 and the French reason', async () => {
    await dovecot.append('courrier', 'From: Paul <paul@example.fr>\r\nSubject: Permis de construire\r\nMessage-ID: <pc-1@example.fr>\r\n\r\nDemande de permis.\r\n');
    await dovecot.append('courrier', 'From: Lea <lea@example.fr>\r\nSubject: Carte grise\r\nMessage-ID: <cg-1@example.fr>\r\n\r\nDemande.\r\n');
    const synced = await octo(['mailbox', 'sync', '--entity', 'PREF69', '--json']);
    assert.equal(synced.code, 0, synced.stderr);
    const [result] = JSON.parse(synced.stdout);
    assert.equal(result.ok, true);
    assert.deepEqual(result.messages.map((m: { subject: string }) => m.subject), ['Permis de construire', 'Carte grise']);
    for (const message of result.messages) assert.match(message.chrono, /^PREF69-\d{4}-E-00000\d$/);
    assert.equal((await dovecot.list('courrier', 'Traités')).length, 2);

    await dovecot.append('courrier', 'From: Paul <paul@example.fr>\r\nSubject: Relance\r\nMessage-ID: <pc-2@example.fr>\r\n\r\nRelance.\r\n');
    const text = await octo(['mailbox', 'sync', '--entity', 'PREF69', '--id', mailboxId]);
    assert.match(text.stdout, /courrier@ \(.*\) : 1 message\(s\) relevé\(s\)\n {4}UID \d+ {2}enregistré PREF69-\d{4}-E-000003 {2}— Relance/);

    await dovecot.setPassword('courrier', 'change-sur-le-serveur');
    const failed = await octo(['mailbox', 'sync', '--entity', 'PREF69', '--id', mailboxId]);
    assert.equal(failed.code, 4);
    assert.match(failed.stdout, /ERREUR CAPTURE_MAILBOX_AUTH_FAILED : Le serveur de messagerie a refusé/);
    const listed = await octo(['mailbox', 'list', '--entity', 'PREF69', '--json']);
    const box = JSON.parse(listed.stdout).find((b: { id: string }) => b.id === mailboxId);
    assert.equal(box.lastError.code, 'CAPTURE_MAILBOX_AUTH_FAILED');

    const removed = await octo(['mailbox', 'remove', '--entity', 'PREF69', '--id', mailboxId]);
    assert.equal(removed.code, 0);
    const gone = await octo(['mailbox', 'remove', '--entity', 'PREF69', '--id', mailboxId]);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /Boîte aux lettres introuvable/);
  });

  it('mailbox gateway add|list|remove, and octo serve --smtp-port receives mail for the address', async () => {
    const added = await octo(['mailbox', 'gateway', 'add', '--entity', 'DREAL-ARA', '--address', 'icpe@dreal-ara.octo.localhost']);
    assert.equal(added.code, 0, added.stderr);
    const listed = await octo(['mailbox', 'gateway', 'list', '--entity', 'DREAL-ARA']);
    assert.equal(listed.stdout, 'courrier@dreal-ara.octo.localhost\nicpe@dreal-ara.octo.localhost\n');

    const [httpPort, smtpPort] = [await freePort(), await freePort()];
    let chrono = '';
    const serve: ChildProcess = spawn(process.execPath, [OCTO, 'serve', '--port', String(httpPort), '--smtp-port', String(smtpPort), '--role', 'api'], {
      env: environment.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        serve.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/Passerelle SMTP : 127\.0\.0\.1:\d+/.test(out)) resolve();
        });
        serve.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({ from: 'exploitant@example.org', to: 'icpe@dreal-ara.octo.localhost', subject: 'Déclaration d’incident', text: 'Incident sur le site.' });
      transport.close();
      chrono = /DREAL-ARA-\d{4}-E-000001/.exec(String(info.response))?.[0] ?? '';
      assert.ok(chrono, String(info.response));
    } finally {
      const exited = new Promise((resolve) => serve.once('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    const shown = await octo(['show', '--json', chrono]);
    assert.equal(JSON.parse(shown.stdout).channel, 'email');

    const removed = await octo(['mailbox', 'gateway', 'remove', '--entity', 'DREAL-ARA', '--address', 'ICPE@dreal-ara.octo.localhost']);
    assert.equal(removed.code, 0, removed.stderr);
    const bad = await octo(['mailbox', 'gateway', 'add', '--entity', 'DREAL-ARA', '--address', 'courrier@pref69.octo.localhost']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /déjà attribuée/);
  });
});
