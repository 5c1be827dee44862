import { simpleParser } from 'mailparser';

/**
 * The name a received message is stored under, the same whichever channel brought it: its
 * Subject (RFC 2047 decoded, accents dropped) as a file name, or « courriel.eml ».
 */
export async function receivedMessageFilename(raw: Buffer): Promise<string> {
  let subject = '';
  try {
    const head = raw.subarray(0, 64 * 1024);
    const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
    const headers = end >= 0 ? head.subarray(0, end) : head;
    subject = (await simpleParser(Buffer.concat([headers, Buffer.from('\r\n\r\n')]), { skipTextToHtml: true })).subject ?? '';
  } catch {
    subject = '';
  }
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'courriel'}.eml`;
}
