import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { parseEml } from './email/parse-eml.ts';
import { sniffFile } from './files/sniff-file.ts';
import { processDocument, type ProcessableKind } from './ocr/index.ts';
import { ocrPoolFor } from './ocr-pool-provider.ts';

export interface ExtractedText {
  kind: string;
  text: string;
  senderAddress: string | null;
  mailboxes: string[];
}

/**
 * The text of a file as intake would read it, without registering anything: a PDF's text layer
 * (OCR for pages without one), OCR for images, an e-mail's subject, body and PDF/image attachments.
 */
export async function extractTextFromFile(ctx: Ctx, bytes: Buffer, filename?: string): Promise<ExtractedText> {
  const sniffed = await sniffFile(bytes, filename);
  const options = { pool: ocrPoolFor(ctx), maxPixelsPerPage: ctx.config.maxPixelsPerPage };
  if (sniffed.kind === 'eml') {
    const email = await parseEml(bytes);
    const parts = [email.subject ?? '', email.bodyText];
    for (const attachment of email.attachments) {
      const kind = await sniffFile(attachment.bytes, attachment.filename).then((s) => s.kind).catch(() => null);
      if (kind && kind !== 'eml') parts.push((await processDocument(attachment.bytes, kind as ProcessableKind, options)).pages.map((p) => p.text).join('\n'));
    }
    return { kind: 'eml', text: parts.join('\n'), senderAddress: email.from?.address ?? null, mailboxes: email.to.map((a) => a.address) };
  }
  const result = await processDocument(bytes, sniffed.kind as ProcessableKind, options);
  const text = result.pages.map((p) => p.text).join('\n');
  if (!/\p{L}{3,}/u.test(text)) throw new OctoError('INDEXING_ROUTING_NO_TEXT', 'no text in file');
  return { kind: sniffed.kind, text, senderAddress: null, mailboxes: [] };
}
