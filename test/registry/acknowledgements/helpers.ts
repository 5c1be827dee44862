import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { App } from '../../../src/app.ts';
import { qualifyMailItem, registerMailItem, requireEntity } from '../../../src/registry/index.ts';

export const run = promisify(execFile);

/** Registers an incoming letter through the registry's own function, then qualifies it. */
export async function makeRequest(
  app: App,
  input: { entity?: string; type?: string; service?: string; senderName?: string | null; senderAddress?: string | null; subject?: string; direction?: 'incoming' | 'outgoing' },
): Promise<string> {
  const ctx = app.ctx;
  const entity = await requireEntity(ctx, input.entity ?? 'PREF69');
  const { chrono } = await ctx.db.transaction().execute((trx) =>
    registerMailItem({ ...ctx, db: trx }, {
      entityId: entity.id,
      entityCode: entity.code,
      direction: input.direction ?? 'incoming',
      channel: 'scan',
      status: 'indexed',
      sourceFilename: 'demande.pdf',
      sourceSha256: null,
      documentCount: 1,
      pageCount: 1,
      senderName: input.senderName === undefined ? 'Mme Élodie Martin' : input.senderName,
      senderAddress: input.senderAddress === undefined ? '12 rue de la République, 69002 Lyon' : input.senderAddress,
      subject: input.subject ?? 'Demande relative à mon dossier',
    }));
  if (input.type) await qualifyMailItem(ctx, entity.code, chrono, { requestTypeCode: input.type, serviceCode: input.service });
  return chrono;
}

/** The text poppler reads from a PDF (an independent reader, not ours). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-ack-'));
  try {
    const file = path.join(dir, 'ar.pdf');
    await fs.writeFile(file, pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** qpdf --check exit status 0 (2 = errors, 3 = warnings). */
export async function qpdfCheck(file: string): Promise<string> {
  return (await run('qpdf', ['--check', file])).stdout;
}

/** Whitespace folded and apostrophes unified, so that line breaks of the layout do not matter. */
export function flat(text: string): string {
  return text.replace(/[’‘]/g, '\'').replace(/\s+/g, ' ').trim();
}
