import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A subscriber as docs/api-webhooks.md tells one to write it: recompute the HMAC of "t.body" with
 * the secret, compare in constant time, refuse a timestamp more than 5 minutes from its own clock.
 */
export function verifyOctoSignature(secret: string, header: string | undefined, rawBody: string, nowSeconds: number): 'ok' | 'malformed' | 'mismatch' | 'too_old' {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return 'malformed';
  const expected = createHmac('sha256', secret).update(`${match[1]}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'))) return 'mismatch';
  if (Math.abs(nowSeconds - Number(match[1])) > 300) return 'too_old';
  return 'ok';
}

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  verdict: ReturnType<typeof verifyOctoSignature>;
}

export interface Subscriber {
  url: string;
  received: Received[];
  secrets: Map<string, string>;
  /** Answers per path: a list of statuses used in turn (the last one repeats), or 'hold' until released. */
  plan: Map<string, Array<number | 'hold'>>;
  /** The subscriber's own clock (seconds), moved by the test to replay an old request. */
  nowSeconds: () => number;
  setClockOffset(seconds: number): void;
  releaseHeld(): void;
  replay(request: Received): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export async function startSubscriber(): Promise<Subscriber> {
  const received: Received[] = [];
  const secrets = new Map<string, string>();
  const plan = new Map<string, Array<number | 'hold'>>();
  const seen = new Map<string, number>();
  let offset = 0;
  const held: Array<() => void> = [];
  const nowSeconds = () => Math.floor(Date.now() / 1000) + offset;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const secret = secrets.get(path) ?? '';
      const verdict = verifyOctoSignature(secret, req.headers['octo-signature'] as string | undefined, body, nowSeconds());
      received.push({ path, headers: req.headers, body, verdict });
      if (verdict !== 'ok') {
        res.writeHead(400).end(`signature refusée : ${verdict}`);
        return;
      }
      const n = seen.get(path) ?? 0;
      seen.set(path, n + 1);
      const steps = plan.get(path) ?? [200];
      const step = steps[Math.min(n, steps.length - 1)]!;
      if (step === 'hold') {
        held.push(() => res.writeHead(200).end('enfin'));
        return;
      }
      res.writeHead(step).end(step < 300 ? 'reçu' : 'indisponible');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    secrets,
    plan,
    nowSeconds,
    setClockOffset: (seconds) => {
      offset = seconds;
    },
    releaseHeld: () => held.splice(0).forEach((release) => release()),
    async replay(request) {
      const res = await fetch(`http://127.0.0.1:${port}${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'octo-signature': String(request.headers['octo-signature']), 'octo-event': String(request.headers['octo-event']) },
        body: request.body,
      });
      return { status: res.status, body: await res.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((release) => release());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `condition` holds (checked every 100 ms), failing with `what` after two minutes. */
export async function waitFor<T>(what: string, condition: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
