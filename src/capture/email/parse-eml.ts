// Turns a raw .eml into what the mail chain needs: who, when, what about, the body as plain
// text, and every attached file. mailparser does the MIME work; this file handles what it
// leaves to us (UTF-16 files, UTF-7, encrypted messages, bounces, TNEF, unnamed parts).

import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { OctoError } from '../../platform/errors.ts';
import { htmlToText } from './html-to-text.ts';
import { looksLikeEmailHeaders, normaliseRawMessage } from './raw-message.ts';
import { declaresUtf7Body, decodeUtf7, rewriteUtf7EncodedWords } from './utf7.ts';
import { signedDataContent } from './smime-signed.ts';

export interface EmailAddress { name?: string; address: string }
export interface EmailAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
  inline: boolean;
  contentId?: string;
  nestedMessage?: boolean;
}
export interface ParsedEmail {
  messageId?: string;
  from?: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo?: EmailAddress;
  subject?: string;
  /** ISO 8601, UTC. */
  date?: string;
  /** Plain text; derived from the HTML part when there is no usable text part. */
  bodyText: string;
  attachments: EmailAttachment[];
  /** French, for the agent. */
  warnings: string[];
}

export const TNEF_WARNING = 'Pièce jointe TNEF (winmail.dat) conservée telle quelle.';
export const BOUNCE_WARNING = 'Notification de non-remise (bounce)';

export async function parseEml(input: Buffer): Promise<ParsedEmail> {
  if (input.length === 0) {
    throw new OctoError('CAPTURE_EML_INVALID', 'empty message', { detailFr: 'Le fichier est vide (0 octet).' });
  }
  const { bytes: normalised, warnings } = normaliseRawMessage(input);
  let raw = normalised.toString('latin1');
  if (!looksLikeEmailHeaders(raw)) {
    throw new OctoError('CAPTURE_EML_INVALID', 'no RFC 822 header block', {
      detailFr: 'Aucun bloc d’en-têtes de courriel (From, Date, Subject…) au début du fichier.',
    });
  }
  if (/=\?utf-7/i.test(raw)) raw = rewriteUtf7EncodedWords(raw);
  const bytes = Buffer.from(raw, 'latin1');

  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw new OctoError('CAPTURE_EML_INVALID', `mailparser failed: ${(error as Error).message}`, {
      detailFr: 'La structure MIME du courriel est illisible.',
    });
  }

  rejectIfEncrypted(mail);
  const unwrapped = await unwrapOpaqueSignature(mail, raw);
  if (unwrapped) return unwrapped;

  let bodyText = (mail.text ?? '').trim();
  if (!bodyText && typeof mail.html === 'string') bodyText = htmlToText(mail.html);
  if (declaresUtf7Body(raw)) bodyText = decodeUtf7(bodyText);
  bodyText = bodyText.replace(/\u00a0/g, ' '); // French typographic spaces: plain ones read and index better
  checkCharsets(raw, bodyText, warnings);

  const attachments = await collectAttachments(mail.attachments, warnings);
  const from = firstAddress(mail.from);
  const date = headerDate(mail);
  const subject = mail.subject?.trim() || undefined;

  if (!from && !date && !subject && !mail.messageId && !bodyText && attachments.length === 0) {
    throw new OctoError('CAPTURE_EML_INVALID', 'no usable header nor content', {
      detailFr: 'Ni expéditeur, ni date, ni objet, ni contenu.',
    });
  }
  if (!from) warnings.push('Expéditeur (From) absent ou illisible.');
  if (!date && mail.headerLines.some((h) => h.key === 'date')) warnings.push('Date du courriel illisible : elle n’est pas reprise.');
  if (isBounce(mail)) warnings.push(BOUNCE_WARNING);
  if (isReadReceipt(mail)) warnings.push('Accusé de lecture (notification de lecture), pas un courrier.');

  return {
    messageId: mail.messageId || undefined,
    from,
    to: addressList(mail.to),
    cc: addressList(mail.cc),
    replyTo: firstAddress(mail.replyTo),
    subject,
    date,
    bodyText,
    attachments,
    warnings,
  };
}

function contentTypeHeader(mail: ParsedMail): { value: string; params: Record<string, string> } {
  const header = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return { value: (header?.value ?? 'text/plain').toLowerCase(), params: header?.params ?? {} };
}

function rejectIfEncrypted(mail: ParsedMail): void {
  const { value, params } = contentTypeHeader(mail);
  if (value === 'multipart/encrypted') {
    const pgp = (params.protocol ?? '').toLowerCase().includes('pgp');
    throw new OctoError('CAPTURE_EML_ENCRYPTED', 'multipart/encrypted message', {
      detailFr: `Courriel chiffré ${pgp ? 'PGP/MIME' : '(multipart/encrypted)'} : contenu illisible sans la clé du destinataire.`,
    });
  }
  if (value === 'application/pkcs7-mime' || value === 'application/x-pkcs7-mime') {
    const smimeType = (params['smime-type'] ?? '').toLowerCase();
    if (smimeType !== 'signed-data' && smimeType !== 'certs-only') {
      throw new OctoError('CAPTURE_EML_ENCRYPTED', 'S/MIME enveloped message', {
        detailFr: 'Courriel chiffré S/MIME (enveloped-data) : contenu illisible sans le certificat du destinataire.',
      });
    }
  }
}

export const SMIME_OPAQUE_WARNING = 'Courriel signé S/MIME : contenu extrait de l’enveloppe signée (signature non vérifiée, conservée dans l’original).';

/**
 * An opaque S/MIME signed message hides the letter inside its signature: parse the content it
 * carries, under the outer headers (From, To, Subject, Date…), so the body and attachments are seen.
 */
async function unwrapOpaqueSignature(mail: ParsedMail, raw: string): Promise<ParsedEmail | null> {
  const { value, params } = contentTypeHeader(mail);
  if (value !== 'application/pkcs7-mime' && value !== 'application/x-pkcs7-mime') return null;
  if ((params['smime-type'] ?? '').toLowerCase() !== 'signed-data') return null;
  const signature = mail.attachments[0]?.content;
  const inner = signature ? signedDataContent(signature) : null;
  if (!inner) return null;
  const headerEnd = /\r?\n\r?\n/.exec(raw);
  const outerHeaders = (headerEnd ? raw.slice(0, headerEnd.index) : raw)
    .replace(/\r?\n(?=[ \t])/g, '\u0000') // keep folded lines with their header
    .split(/\r?\n/)
    .filter((line) => !/^(content-[a-z-]+|mime-version):/i.test(line))
    .map((line) => line.replaceAll('\u0000', '\r\n'))
    .join('\r\n');
  const rebuilt = Buffer.concat([Buffer.from(`${outerHeaders}\r\nMIME-Version: 1.0\r\n`, 'latin1'), inner]);
  const parsed = await parseEml(rebuilt);
  parsed.warnings.unshift(SMIME_OPAQUE_WARNING);
  return parsed;
}

function isBounce(mail: ParsedMail): boolean {
  const { value, params } = contentTypeHeader(mail);
  if (value === 'multipart/report' && (params['report-type'] ?? '').toLowerCase() === 'delivery-status') return true;
  const from = firstAddress(mail.from)?.address.toLowerCase() ?? '';
  return /^(mailer-daemon|postmaster)@/.test(from) && /undeliver|delivery|non.?remise|non distribu|returned/i.test(mail.subject ?? '');
}

function isReadReceipt(mail: ParsedMail): boolean {
  const { value, params } = contentTypeHeader(mail);
  return value === 'multipart/report' && (params['report-type'] ?? '').toLowerCase() === 'disposition-notification';
}

/** Warns about charsets we cannot name, and refuses a body that came out as replacement characters. */
function checkCharsets(raw: string, bodyText: string, warnings: string[]): void {
  const declared = new Set<string>();
  for (const header of raw.matchAll(/^content-type:[^\n]*(?:\n[ \t][^\n]*)*/gim)) {
    const charset = /charset\s*=\s*"?([A-Za-z0-9_.:+-]+)/i.exec(header[0]);
    if (charset) declared.add(charset[1]!.toLowerCase());
  }
  const unknown = [...declared].filter((c) => !/^(unicode-1-1-)?utf-7$/.test(c) && !isKnownCharset(c));
  const replaced = (bodyText.match(/\uFFFD/g) ?? []).length;
  if (replaced >= 20 && replaced / Math.max(bodyText.length, 1) > 0.1) {
    const names = unknown.length ? unknown : [...declared];
    throw new OctoError('CAPTURE_EML_BAD_ENCODING', 'body could not be decoded', {
      detailFr: `Le texte du message (jeu de caractères déclaré : ${names.join(', ') || 'aucun'}) n’a pas pu être décodé.`,
    });
  }
  for (const name of unknown) warnings.push(`Jeu de caractères inconnu « ${name} » : texte décodé au mieux.`);
}

function isKnownCharset(name: string): boolean {
  if (/^(us-?ascii|ascii|ansi_x3\.4-1968|utf-?8|binary|default)$/.test(name)) return true;
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

function flatten(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const out: EmailAddress[] = [];
  const visit = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address) out.push(entry.name ? { name: entry.name, address: entry.address } : { address: entry.address });
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

const addressList = flatten;
const firstAddress = (field: AddressObject | AddressObject[] | undefined) => flatten(field)[0];

const EXTENSION_BY_TYPE: Record<string, string> = {
  'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif',
  'image/tiff': '.tif', 'text/plain': '.txt', 'text/html': '.html', 'text/calendar': '.ics',
  'application/ics': '.ics', 'message/rfc822': '.eml', 'application/ms-tnef': '.dat',
  'application/x-gzip': '.gz', 'application/gzip': '.gz', 'application/zip': '.zip',
  'application/pgp-signature': '.asc', 'application/pkcs7-signature': '.p7s', 'message/delivery-status': '.txt',
};

async function collectAttachments(parts: Attachment[], warnings: string[]): Promise<EmailAttachment[]> {
  const named = new Set(parts.filter((p) => p.filename).map((p) => p.checksum));
  const out: EmailAttachment[] = [];
  let unnamed = 0;
  for (const part of parts) {
    const contentType = (part.contentType || 'application/octet-stream').toLowerCase();
    // Calendar invites carry the same .ics twice (alternative body part + attachment): keep the named one.
    if (!part.filename && named.has(part.checksum)) continue;
    const nestedMessage = contentType === 'message/rfc822' || undefined;
    let filename = sanitiseFilename(part.filename ?? '');
    if (!filename && nestedMessage) filename = await nestedMessageFilename(part.content);
    if (!filename) filename = `piece-jointe-${++unnamed}${EXTENSION_BY_TYPE[contentType] ?? '.bin'}`;
    if (nestedMessage && !/\.(eml|msg)$/i.test(filename)) filename += '.eml';

    const attachment: EmailAttachment = {
      filename,
      contentType,
      bytes: part.content,
      inline: part.related === true || part.contentDisposition === 'inline',
    };
    const contentId = part.contentId?.replace(/^<|>$/g, '');
    if (contentId) attachment.contentId = contentId;
    if (nestedMessage) attachment.nestedMessage = true;
    out.push(attachment);

    if (contentType === 'application/ms-tnef' || /^winmail\.dat$/i.test(filename)) {
      warnings.push(`${TNEF_WARNING} Son contenu (format Outlook) n’est pas décodé : demandez à l’expéditeur un envoi sans mise en forme Outlook.`);
    }
    if (contentType === 'text/calendar' || contentType === 'application/ics') {
      warnings.push(`Invitation de calendrier jointe (${filename}).`);
    }
  }
  return out;
}

/** Names a forwarded message after its own subject, the way mail clients show it. */
async function nestedMessageFilename(content: Buffer): Promise<string> {
  try {
    const nested = await simpleParser(content, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    const name = sanitiseFilename(nested.subject ?? '').slice(0, 120);
    return name ? `${name}.eml` : '';
  } catch {
    return '';
  }
}

function sanitiseFilename(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
}

/**
 * The Date header, only when it is a real date: mailparser puts the current time in place of a
 * date it cannot read (« 31 Feb 2026 25:61 »), which would invent the letter's date.
 */
function headerDate(mail: ParsedMail): string | undefined {
  const line = mail.headerLines.find((h) => h.key === 'date')?.line;
  if (!line) return undefined;
  const value = line.replace(/^date:\s*/i, '').trim();
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // Date() rolls 31 February over to March: check the written day and time against the parse.
  const written = /(\d{1,2})\s+([A-Za-z]{3})\w*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (written) {
    const [, day, , , hour, minute, second] = written;
    if (Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return undefined;
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const month = months.indexOf(written[2]!.toLowerCase());
    const lastDay = new Date(Date.UTC(Number(written[3]), month + 1, 0)).getUTCDate();
    if (month < 0 || Number(day) > lastDay) return undefined;
  }
  return parsed.toISOString();
}
