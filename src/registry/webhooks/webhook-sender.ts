import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { guardedLookup, isPrivateAddress } from './webhook-url.ts';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  /** The start of the answer, or what went wrong on the network, for the delivery log. */
  response: string;
}

const MAX_RESPONSE_CHARS = 500;

/**
 * POSTs one signed notification. Any 2xx is a success; redirects are not followed (a 3xx is a
 * failure, so a subscriber cannot bounce the request to an internal address).
 */
export function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutSeconds: number; allowPrivate: boolean },
): Promise<SendOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, statusCode: null, response: `Adresse interne refusée : ${host}.` });
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'user-agent': 'Octo-Webhooks/1', ...headers },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutSeconds * 1000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_CHARS * 4) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          done({ ok: status >= 200 && status < 300, statusCode: status, response: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_CHARS) });
        });
        response.on('error', (error) => done({ ok: false, statusCode: response.statusCode ?? null, response: `Réponse interrompue : ${error.message}` }));
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`pas de réponse en ${options.timeoutSeconds} s`));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'OCTO_PRIVATE_ADDRESS' ? error.message : `Erreur réseau : ${error.code ? `${error.code} ` : ''}${error.message}`;
      done({ ok: false, statusCode: null, response: reason.slice(0, MAX_RESPONSE_CHARS) });
    });
    request.end(body);
  });
}
