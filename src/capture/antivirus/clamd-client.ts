import net from 'node:net';

// The clamd protocol, spoken directly (man clamd, "COMMANDS"): a command is sent as
// `z<COMMAND>\0` and answered with one NUL-terminated line, after which clamd closes the
// connection. INSTREAM sends the file as chunks, each prefixed by its length as a 4-byte
// big-endian integer, ended by a zero-length chunk. No npm client is needed for this much.

export type ClamdEndpoint = { socket: string } | { host: string; port: number };

export interface ClamdOptions {
  endpoint: ClamdEndpoint;
  timeoutMs: number;
  /** Larger files are not sent: clamd would refuse them past its StreamMaxLength anyway. */
  maxBytes: number;
}

export type ScanVerdict = { status: 'clean' } | { status: 'infected'; signature: string };

/** Why a file could not be scanned; the French sentence is shown in the quarantine entry. */
export class ScanUnavailableError extends Error {
  readonly reasonFr: string;
  constructor(message: string, reasonFr: string) {
    super(message);
    this.name = 'ScanUnavailableError';
    this.reasonFr = reasonFr;
  }
}

const CHUNK_BYTES = 64 * 1024;

export function describeEndpoint(endpoint: ClamdEndpoint): string {
  return 'socket' in endpoint ? `unix:${endpoint.socket}` : `tcp://${endpoint.host}:${endpoint.port}`;
}

/** Sends one command (and a stream, for INSTREAM) and gives clamd's reply without its NUL. */
function exchange(options: ClamdOptions, command: string, stream?: Buffer): Promise<string> {
  const where = describeEndpoint(options.endpoint);
  return new Promise((resolve, reject) => {
    const socket = 'socket' in options.endpoint
      ? net.createConnection({ path: options.endpoint.socket })
      : net.createConnection({ host: options.endpoint.host, port: options.endpoint.port });
    const received: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };
    // One deadline for the whole exchange: a clamd that accepts but never answers must not hold intake.
    const timer = setTimeout(() => {
      finish(new ScanUnavailableError(`clamd ${where}: no answer within ${options.timeoutMs} ms`,
        `clamd (${where}) n’a pas répondu dans le délai de ${Math.round(options.timeoutMs / 1000)} s.`));
    }, options.timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // clamd closes the socket as soon as a stream passes StreamMaxLength: its reply may already be in.
      const partial = Buffer.concat(received).toString('utf8');
      if (partial.includes('\0')) return finish(null, partial.slice(0, partial.indexOf('\0')));
      finish(new ScanUnavailableError(`clamd ${where}: ${error.code ?? error.message}`,
        `clamd (${where}) est injoignable (${error.code ?? error.message}).`));
    });
    socket.on('data', (data) => {
      received.push(data);
      const text = Buffer.concat(received).toString('utf8');
      const end = text.indexOf('\0');
      if (end >= 0) finish(null, text.slice(0, end));
    });
    socket.on('end', () => {
      const text = Buffer.concat(received).toString('utf8');
      if (text.length > 0) finish(null, text.replace(/\0$/, ''));
      else finish(new ScanUnavailableError(`clamd ${where}: connection closed without answer`,
        `clamd (${where}) a fermé la connexion sans répondre.`));
    });
    socket.on('connect', () => {
      socket.write(`z${command}\0`);
      if (!stream) return;
      for (let offset = 0; offset < stream.length; offset += CHUNK_BYTES) {
        const chunk = stream.subarray(offset, Math.min(offset + CHUNK_BYTES, stream.length));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length, 0);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4)); // zero-length chunk: end of stream
    });
  });
}

export async function pingClamd(options: ClamdOptions): Promise<void> {
  const reply = await exchange(options, 'PING');
  if (reply.trim() !== 'PONG') {
    throw new ScanUnavailableError(`clamd PING answered ${JSON.stringify(reply)}`, `l’antivirus a répondu de façon inattendue (« ${reply.trim()} »).`);
  }
}

export interface ClamdVersion {
  /** "ClamAV 1.4.6" */
  engine: string;
  /** The daily signature database's version, absent when clamd runs only local signatures. */
  signatureVersion: string | null;
  /** Its publication date, as clamd prints it. */
  signatureDate: string | null;
  raw: string;
}

/** VERSION answers "ClamAV 1.4.6/27480/Wed Dec  2 09:29:01 2026" (or "ClamAV 1.4.6" without official signatures). */
export function parseVersion(raw: string): ClamdVersion {
  const [engine = raw, signatureVersion, ...date] = raw.trim().split('/');
  return { engine: engine.trim(), signatureVersion: signatureVersion?.trim() || null, signatureDate: date.join('/').trim() || null, raw: raw.trim() };
}

export async function clamdVersion(options: ClamdOptions): Promise<ClamdVersion> {
  return parseVersion(await exchange(options, 'VERSION'));
}

/** Scans bytes with INSTREAM. Throws ScanUnavailableError when no verdict could be had. */
export async function scanBytes(options: ClamdOptions, bytes: Buffer): Promise<ScanVerdict> {
  if (bytes.length > options.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    throw new ScanUnavailableError(`file of ${bytes.length} bytes exceeds the scan limit of ${options.maxBytes}`,
      `le fichier (${mb(bytes.length)} Mo) dépasse la taille maximale analysée (${mb(options.maxBytes)} Mo, OCTO_CLAMAV_MAX_MB).`);
  }
  const reply = await exchange(options, 'INSTREAM', bytes);
  const found = /^stream: (.+) FOUND$/.exec(reply.trim());
  if (found) return { status: 'infected', signature: found[1]! };
  if (reply.trim() === 'stream: OK') return { status: 'clean' };
  if (/size limit exceeded/i.test(reply)) {
    throw new ScanUnavailableError(`clamd: ${reply}`, 'le fichier dépasse la taille que l’antivirus accepte (StreamMaxLength de clamd).');
  }
  throw new ScanUnavailableError(`clamd: ${reply}`, `l’antivirus n’a pas pu analyser le fichier (« ${reply.trim()} »).`);
}
