import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

export interface RelayAnswer {
  response: string;
  messageId: string;
}

/** One SMTP conversation with the configured relay; throws nodemailer's error when refused or unreachable. */
export async function sendThroughRelay(config: Config, message: OutgoingMessage): Promise<RelayAnswer> {
  const transport = nodemailer.createTransport({
    host: config.smtpRelayHost,
    port: config.smtpRelayPort,
    secure: config.smtpRelaySecurity === 'tls',
    requireTLS: config.smtpRelaySecurity === 'starttls',
    ignoreTLS: config.smtpRelaySecurity === 'none',
    auth: config.smtpRelayUser ? { user: config.smtpRelayUser, pass: config.smtpRelayPassword ?? '' } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      attachments: message.attachments,
    });
    if (info.rejected.length > 0) {
      throw Object.assign(new Error(`recipient rejected: ${info.response}`), { responseCode: 550, response: info.response });
    }
    return { response: info.response, messageId: info.messageId };
  } finally {
    transport.close();
  }
}
