// The separator sheet agents put before each letter of a batch scan: an A4 page with a big
// QR code (read on a rescanned, slightly rotated, noisy page) and the same facts in French.

import bwipjs, { type RenderOptions } from 'bwip-js';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { listEntityViews } from '../../registry/index.ts';
import { formatSeparatorCode } from './separator-code.ts';

const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
/** 90 mm: about 17 px per module at 150 dpi for the codes we write (QR version 3). */
const QR_SIZE = 90 * MM;

export interface SeparatorSheetInput {
  entityCode: string;
  serviceCode?: string | null;
  /** Identical pages in the PDF, to print a stack at once. */
  count?: number;
}

export async function makeSeparatorSheet(ctx: Ctx, input: SeparatorSheetInput): Promise<Buffer> {
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 500) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', `bad count ${count}`, { detailFr: 'Le nombre de feuilles doit être un entier entre 1 et 500.' });
  }
  const entityCode = input.entityCode.trim().toUpperCase();
  const entity = (await listEntityViews(ctx)).find((e) => e.code === entityCode);
  if (!entity) {
    throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${entityCode} not found`, {
      entityCode,
      detailFr: `Aucune entité n’a le code « ${input.entityCode} » : la feuille de séparation n’a pas été produite.`,
    });
  }
  const serviceCode = input.serviceCode?.trim().toUpperCase() || null;
  const service = serviceCode ? entity.services.find((s) => s.code === serviceCode) : null;
  if (serviceCode && !service) {
    throw new OctoError('PLATFORM_NOT_FOUND', `service ${serviceCode} not found in ${entityCode}`, {
      detailFr: `Le service « ${input.serviceCode} » n’existe pas dans l’entité ${entity.code} : la feuille de séparation n’a pas été produite.`,
    });
  }

  const payload = formatSeparatorCode({ entityCode: entity.code, serviceCode });
  // eclevel Q: a quarter of the code can be smudged or punched and still read (a BWIPP option bwip-js passes through).
  const options = { bcid: 'qrcode', text: payload, scale: 8, eclevel: 'Q' } as RenderOptions;
  const qrPng = await (bwipjs.toBuffer(options) as Promise<Buffer>);
  const doc = await PDFDocument.create();
  doc.setTitle(`Feuille de séparation ${entity.code}${serviceCode ? ` ${serviceCode}` : ''}`);
  doc.setCreator('Octo');
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const qr = await doc.embedPng(qrPng);
  const black = rgb(0, 0, 0);
  const centered = (page: ReturnType<PDFDocument['addPage']>, text: string, y: number, size: number, font = regular) => {
    const fitted = fit(text, font, size, A4[0] - 30 * MM);
    page.drawText(fitted.text, { x: (A4[0] - font.widthOfTextAtSize(fitted.text, fitted.size)) / 2, y, size: fitted.size, font, color: black });
  };
  for (let i = 0; i < count; i++) {
    const page = doc.addPage(A4);
    centered(page, 'Feuille de séparation — ne pas retirer', A4[1] - 35 * MM, 24, bold);
    centered(page, 'Placez cette feuille devant chaque courrier du lot à numériser.', A4[1] - 47 * MM, 12);
    page.drawImage(qr, { x: (A4[0] - QR_SIZE) / 2, y: A4[1] - 65 * MM - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
    const textTop = A4[1] - 80 * MM - QR_SIZE;
    centered(page, `Entité : ${entity.name} (${entity.code})`, textTop, 14, bold);
    centered(page, service ? `Service destinataire : ${service.name} (${service.code})` : 'Service destinataire : non précisé', textTop - 9 * MM, 14);
    centered(page, 'Octo retire cette page du lot : elle ne fait pas partie du courrier.', textTop - 22 * MM, 11);
    centered(page, payload, 20 * MM, 9);
  }
  return Buffer.from(await doc.save());
}

/** Shrinks a line that would overflow the page (long service names). */
function fit(text: string, font: { widthOfTextAtSize(t: string, s: number): number }, size: number, maxWidth: number) {
  let s = size;
  while (s > 7 && font.widthOfTextAtSize(text, s) > maxWidth) s -= 0.5;
  return { text, size: s };
}
