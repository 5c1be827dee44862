// Octo's own SMTP reception: mail for a configured address (capture_gateway_address) becomes one
// item in the entity that owns it, through the common intake (channel « email »). The raw bytes
// are kept as the item's original. Unknown recipients get 550, a message over OCTO_SMTP_MAX_MB
// gets 552, and 250 is answered only once the item is committed (a failure answers 451: the
// sending server retries, nothing is lost).

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { ingestFile, type IntakeResult } from '../intake.service.ts';
import { receivedMessageFilename } from '../mailboxes/received-filename.ts';
import { entityForRecipient } from './gateway-address.service.ts';

export interface SmtpGateway {
  port: number;
  host: string;
  close(): Promise<void>;
}

export interface SmtpGatewayOptions {
  port: number;
  host?: string;
  /** Bytes; default OCTO_SMTP_MAX_MB. */
  maxBytes?: number;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function tlsOptions(ctx: Ctx): { key: Buffer; cert: Buffer } | null {
  const { smtpTlsKey, smtpTlsCert } = ctx.config;
  if (!smtpTlsKey && !smtpTlsCert) return null;
  if (!smtpTlsKey || !smtpTlsCert) {
    throw new OctoError('PLATFORM_CONFIG_INVALID', 'smtp tls needs key and cert', {
      detailFr: 'OCTO_SMTP_TLS_KEY et OCTO_SMTP_TLS_CERT vont ensemble : indiquez les deux fichiers ou aucun.',
    });
  }
  return { key: fs.readFileSync(smtpTlsKey), cert: fs.readFileSync(smtpTlsCert) };
}

/** Accepts one received message for every entity among its recipients. */
async function deliver(ctx: Ctx, session: SMTPServerSession, raw: Buffer): Promise<IntakeResult[]> {
  const entities = new Set<string>();
  for (const recipient of session.envelope.rcptTo) {
    const owner = await entityForRecipient(ctx, recipient.address);
    if (owner) entities.add(owner.entityCode);
  }
  const results: IntakeResult[] = [];
  const gatewayCtx: Ctx = {
    ...ctx,
    actor: { type: 'system', id: null, label: 'Passerelle SMTP', source: session.remoteAddress || 'smtp' },
  };
  const filename = await receivedMessageFilename(raw);
  for (const entityCode of entities) {
    results.push(await ingestFile(gatewayCtx, entityCode, 'email', { filename, bytes: raw }));
  }
  return results;
}

export async function startSmtpGateway(ctx: Ctx, options: SmtpGatewayOptions): Promise<SmtpGateway> {
  const maxBytes = options.maxBytes ?? Math.floor(ctx.config.smtpMaxMb * 1024 * 1024);
  const host = options.host ?? ctx.config.smtpHost;
  const tls = tlsOptions(ctx);
  const limitMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;

  const server = new SMTPServer({
    name: ctx.config.smtpServerName,
    banner: 'Octo, réception du courrier',
    size: maxBytes,
    // Over the limit is refused with 552 even when the sender did not announce the size.
    rejectOversized: true,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    logger: false,
    onRcptTo(address, _session, callback) {
      entityForRecipient(ctx, address.address)
        .then((owner) =>
          callback(owner ? undefined : smtpError(550, `5.1.1 Destinataire inconnu : <${address.address}> n'est pas une adresse de réception de cette plateforme`)),
        )
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, 'smtp recipient check failed');
          callback(smtpError(451, '4.3.0 Erreur temporaire, réessayez plus tard'));
        });
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk); // past the limit nothing more is kept in memory
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          callback(smtpError(552, `5.3.4 Message trop volumineux : la limite est de ${limitMb} Mo`));
          return;
        }
        deliver(ctx, session, Buffer.concat(chunks))
          .then((results) => {
            const numbers = results.map((r) => r.item?.chrono ?? `quarantaine ${r.quarantine?.id}`);
            callback(null, `2.0.0 Message enregistré : ${numbers.join(', ')}`);
          })
          .catch((error: unknown) => {
            ctx.logger.error({ err: error }, 'smtp delivery failed');
            callback(smtpError(451, '4.3.0 Erreur temporaire lors de l’enregistrement, réessayez plus tard'));
          });
      });
    },
  });
  server.on('error', (error: unknown) => ctx.logger.warn({ err: error }, 'smtp gateway connection error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port, host, () => {
      server.server.removeListener('error', onError);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    host,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
