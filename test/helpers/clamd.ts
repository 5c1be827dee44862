import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pingClamd } from '../../src/capture/antivirus/clamd-client.ts';

export const CLAMD_BINARY = '/usr/sbin/clamd';
/** Debian's clamav-daemon; the antivirus tests skip, saying so, without it. */
export const clamdInstalled = existsSync(CLAMD_BINARY);

// The EICAR test file (eicar.org): harmless, detected by every antivirus as a test. Written in two
// halves so that this source file is not itself taken for the test file by a scanner.
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');

/** The names clamd reports (it appends ".UNOFFICIAL" to signatures that are not ClamAV's own). */
export const EICAR_HASH_SIGNATURE = 'Octo.Test.EICAR_HDB-1';
export const EICAR_BODY_SIGNATURE = 'Octo.Test.EICAR_NDB-1';

export interface TestClamd {
  socket: string;
  stop(): Promise<void>;
}

export interface ClamdTestOptions {
  /** The unix socket to listen on (default: a new one in the temporary folder). */
  socket?: string;
  /**
   * clamd's own MIME decoding of e-mails. Off by default here, so that an infected attachment is
   * caught only by Octo's scan of each attachment on its own: the tests then prove that scan.
   */
  scanMail?: boolean;
  /** clamd's StreamMaxLength, e.g. '1K'. */
  streamMaxLength?: string;
}

/** A temporary folder with a socket path short enough for sun_path (108 bytes). */
export async function temporarySocketPath(): Promise<{ dir: string; socket: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-clamd-'));
  return { dir, socket: path.join(dir, 'clamd.sock') };
}

/**
 * Starts a real clamd in the foreground, as the current user, with its own configuration and a
 * signature database written here (no freshclam, no network): a whole-file MD5 signature (.hdb)
 * and a body signature (.ndb) that finds EICAR inside any file.
 */
export async function startClamd(options: ClamdTestOptions = {}): Promise<TestClamd> {
  const own = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-clamd-run-'));
  const socket = options.socket ?? path.join(own, 'clamd.sock');
  const database = path.join(own, 'db');
  await fs.mkdir(database);
  const md5 = createHash('md5').update(EICAR).digest('hex');
  await fs.writeFile(path.join(database, 'octo-test.hdb'), `${md5}:${EICAR.length}:${EICAR_HASH_SIGNATURE}\n`);
  await fs.writeFile(path.join(database, 'octo-test.ndb'), `${EICAR_BODY_SIGNATURE}:0:*:${EICAR.toString('hex')}\n`);
  const config = [
    'Foreground yes',
    `LocalSocket ${socket}`,
    `DatabaseDirectory ${database}`,
    `TemporaryDirectory ${own}`,
    `PidFile ${path.join(own, 'clamd.pid')}`,
    `LogFile ${path.join(own, 'clamd.log')}`,
    `ScanMail ${options.scanMail ? 'yes' : 'no'}`,
    ...(options.streamMaxLength ? [`StreamMaxLength ${options.streamMaxLength}`] : []),
  ].join('\n');
  const configPath = path.join(own, 'clamd.conf');
  await fs.writeFile(configPath, `${config}\n`);

  const child: ChildProcess = spawn(CLAMD_BINARY, ['-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ready = false;
  for (let attempt = 0; attempt < 300 && child.exitCode === null; attempt++) {
    try {
      await pingClamd({ endpoint: { socket }, timeoutMs: 2000, maxBytes: 1 });
      ready = true;
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!ready) {
    child.kill('SIGKILL');
    const log = await fs.readFile(path.join(own, 'clamd.log'), 'utf8').catch(() => '');
    throw new Error(`clamd did not start: ${stderr}\n${log}`);
  }
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(own, { recursive: true, force: true });
    },
  };
}
