// A real IMAP server for tests: Debian's Dovecot (package dovecot-imapd), started on loopback with
// its own temporary configuration, users from a passwd-file and maildirs in a temporary folder.
// Nothing of the system's Dovecot is used or touched. Arrivals are simulated by IMAP APPEND.
//
//   const dovecot = await startDovecot({ users: [{ user: 'courrier', password: 'secret' }] });
//   await dovecot.append('courrier', rawEml);          // a message arrives in INBOX
//   ... connect to 127.0.0.1:dovecot.port ...
//   await dovecot.stop();

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT_BINARY = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((candidate) => {
  try {
    execFileSync(candidate, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** Why the Dovecot tests cannot run here, or undefined when they can. */
export const DOVECOT_MISSING = DOVECOT_BINARY ? undefined : 'Dovecot absent : apt-get install dovecot-imapd';

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotServer {
  host: '127.0.0.1';
  port: number;
  dir: string;
  /** Appends a raw message to a user's folder (created if needed); returns its UID. */
  append(user: string, raw: Buffer | string, folder?: string, flags?: string[]): Promise<number>;
  /** Messages of a folder: UID, flags and Message-ID. */
  list(user: string, folder?: string): Promise<Array<{ uid: number; flags: string[]; messageId?: string }>>;
  /** Deletes and recreates a folder with the same messages: the folder gets a new UIDVALIDITY. */
  recreateFolder(user: string, folder: string): Promise<{ before: bigint; after: bigint }>;
  /** Changes a user's password (the next login uses it). */
  setPassword(user: string, password: string): Promise<void>;
  /** An IMAP client signed in as the user (the caller logs out). */
  connect(user: string): Promise<ImapFlow>;
  log(): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logPath: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = await fs.readFile(logPath, 'utf8').catch(() => '');
  throw new Error(`Dovecot did not start on port ${port}:\n${log}`);
}

export async function startDovecot(options: { users: DovecotUser[] }): Promise<DovecotServer> {
  if (!DOVECOT_BINARY) throw new Error(DOVECOT_MISSING);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-dovecot-'));
  for (const sub of ['run', 'state', 'mail']) await fs.mkdir(path.join(dir, sub));
  const port = await freePort();
  const logPath = path.join(dir, 'dovecot.log');
  const passwdPath = path.join(dir, 'passwd');

  // As root, Dovecot refuses to give mail access to uid 0: mail belongs to "nobody" then, and the
  // service users are Dovecot's own. As anyone else, everything runs as the current user.
  const root = process.getuid?.() === 0;
  const mailUid = root ? 65534 : process.getuid!();
  const mailGid = root ? 65534 : process.getgid!();
  if (root) {
    // Dovecot's auth process (user dovecot) reads the passwd-file; the mail processes ("nobody") write maildirs.
    await fs.chmod(dir, 0o755);
    await fs.chmod(path.join(dir, 'mail'), 0o777);
  }
  const passwords = new Map(options.users.map((u) => [u.user, u.password]));
  const writePasswd = () =>
    fs.writeFile(
      passwdPath,
      [...passwords].map(([user, password]) => `${user}:{PLAIN}${password}:${mailUid}:${mailGid}::${path.join(dir, 'mail', user)}::\n`).join(''),
    );
  await writePasswd();

  const me = os.userInfo().username;
  const config = [
    `base_dir = ${path.join(dir, 'run')}`,
    `state_dir = ${path.join(dir, 'state')}`,
    `log_path = ${logPath}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `mail_location = maildir:${path.join(dir, 'mail')}/%u`,
    'first_valid_uid = 0',
    'auth_cache_size = 0',
    // A wrong password is answered at once (the default waits 2 s per failure).
    'auth_failure_delay = 0',
    ...(root ? [] : [`default_login_user = ${me}`, `default_internal_user = ${me}`, 'login_trusted_networks = 127.0.0.1']),
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${passwdPath}\n}`,
    `userdb {\n  driver = passwd-file\n  args = username_format=%u ${passwdPath}\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n${root ? '' : '  chroot =\n'}}`,
    ...(root ? [] : ['service anvil {\n  chroot =\n}']),
    '',
  ].join('\n');
  const configPath = path.join(dir, 'dovecot.conf');
  await fs.writeFile(configPath, config);

  const child = spawn(DOVECOT_BINARY, ['-F', '-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  // A test process that dies must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitForPort(port, child, logPath);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }

  const connect = async (user: string) => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: passwords.get(user) ?? '' }, logger: false });
    await client.connect();
    return client;
  };
  const withClient = async <T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = await connect(user);
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
  const ensureFolder = async (client: ImapFlow, folder: string) => {
    if (folder.toUpperCase() === 'INBOX') return;
    const existing = await client.list();
    if (!existing.some((m) => m.path === folder)) await client.mailboxCreate(folder);
  };

  return {
    host: '127.0.0.1',
    port,
    dir,
    append: (user, raw, folder = 'INBOX', flags = []) =>
      withClient(user, async (client) => {
        await ensureFolder(client, folder);
        const result = await client.append(folder, typeof raw === 'string' ? Buffer.from(raw) : raw, flags);
        if (!result || !result.uid) throw new Error('APPEND gave no UID');
        return result.uid;
      }),
    list: (user, folder = 'INBOX') =>
      withClient(user, async (client) => {
        await ensureFolder(client, folder);
        const lock = await client.getMailboxLock(folder);
        try {
          const out: Array<{ uid: number; flags: string[]; messageId?: string }> = [];
          const exists = typeof client.mailbox === 'object' ? client.mailbox.exists : 0;
          if (exists === 0) return out;
          for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
            out.push({ uid: message.uid, flags: [...(message.flags ?? [])].sort(), messageId: message.envelope?.messageId });
          }
          return out.sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      }),
    recreateFolder: (user, folder) =>
      withClient(user, async (client) => {
        const lock = await client.getMailboxLock(folder);
        const raws: Buffer[] = [];
        let before = 0n;
        try {
          before = typeof client.mailbox === 'object' ? BigInt(client.mailbox.uidValidity) : 0n;
          const exists = typeof client.mailbox === 'object' ? client.mailbox.exists : 0;
          if (exists > 0) for await (const message of client.fetch('1:*', { source: true })) raws.push(message.source!);
        } finally {
          lock.release();
        }
        await client.mailboxDelete(folder);
        await client.mailboxCreate(folder);
        for (const raw of raws) await client.append(folder, raw);
        const status = await client.status(folder, { uidValidity: true });
        return { before, after: status ? BigInt(status.uidValidity ?? 0) : 0n };
      }),
    async setPassword(user, password) {
      passwords.set(user, password);
      await writePasswd();
    },
    connect,
    log: () => fs.readFile(logPath, 'utf8').catch(() => ''),
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
