// The pdfjs checks of a PDF. Runs inside a worker thread (pdf-probe.worker.ts): pdfjs parses
// hostile input, and only a thread can be stopped when it loops or eats memory.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OctoError } from '../../platform/errors.ts';

export interface PdfProbeLimits { maxPixelsPerPage: number; maxPages: number }
export interface PdfProbeResult { pageCount: number; pagesWithText: number; warnings: string[] }

const RENDER_DPI = 300;
const MAX_PAGE_INCHES = 200;

export async function probePdf(data: Uint8Array, limits: PdfProbeLimits): Promise<PdfProbeResult> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const warnings: string[] = [];
  const truncated = !hasEndOfFileMarker(bytes);
  if (truncated) {
    throw new OctoError('CAPTURE_PDF_CORRUPT', 'no %%EOF at end of file', {
      detailFr: 'Fichier tronqué : la fin du PDF (marqueur %%EOF) est absente, une partie du document manque.',
    });
  }

  // Read before pdfjs takes (and detaches) the buffer.
  const hasObjects = /\d+\s+\d+\s+obj\b/.test(bytes.toString('latin1'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const distDir = join(dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))), '..', '..');
  const task = pdfjs.getDocument({
    data, // pdfjs takes ownership of this copy
    isEvalSupported: false, // never compile code from a PDF (CVE-2024-4367)
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: join(distDir, 'standard_fonts') + '/',
    cMapUrl: join(distDir, 'cmaps') + '/',
    cMapPacked: true,
  });

  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    throw openError(error, hasObjects);
  }
  try {
    const numPages = doc.numPages;
    if (!numPages) {
      throw new OctoError('CAPTURE_PDF_NO_PAGES', 'zero pages', { detailFr: 'L’arborescence des pages est vide (0 page).' });
    }
    if (numPages > limits.maxPages) {
      throw new OctoError('CAPTURE_TOO_MANY_PAGES', `${numPages} pages`, {
        detailFr: `Le PDF compte ${numPages} pages, la limite est de ${limits.maxPages}.`,
      });
    }
    const metadata = await doc.getMetadata().catch(() => undefined);
    const info = (metadata?.info ?? {}) as { EncryptFilterName?: string | null };
    if (info.EncryptFilterName) {
      warnings.push('PDF protégé par un mot de passe propriétaire (restrictions d’impression ou de modification) : ouvert sans mot de passe, mais sa modification ou sa signature peut être refusée.');
    }

    let pagesWithText = 0;
    const largePages: number[] = [];
    for (let n = 1; n <= numPages; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch (error) {
        throw new OctoError('CAPTURE_PDF_CORRUPT', `page ${n}: ${(error as Error)?.message}`, {
          detailFr: `Page ${n} illisible : ${describePdfjsError(error)}.`,
        });
      }
      const viewport = page.getViewport({ scale: 1 });
      const widthIn = Math.abs(viewport.width) / 72;
      const heightIn = Math.abs(viewport.height) / 72;
      if (!(widthIn > 0 && heightIn > 0) || widthIn > MAX_PAGE_INCHES || heightIn > MAX_PAGE_INCHES) {
        throw new OctoError('CAPTURE_PDF_CORRUPT', `page ${n} size ${widthIn}x${heightIn} in`, {
          detailFr: `Page ${n} au format aberrant (${Math.round(widthIn * 2.54)} × ${Math.round(heightIn * 2.54)} cm).`,
        });
      }
      if (widthIn * RENDER_DPI * heightIn * RENDER_DPI > limits.maxPixelsPerPage) largePages.push(n);
      try {
        const content = await page.getTextContent();
        if (content.items.some((item) => 'str' in item && item.str.trim() !== '')) pagesWithText++;
      } catch (error) {
        throw new OctoError('CAPTURE_PDF_CORRUPT', `page ${n} content: ${(error as Error)?.message}`, {
          detailFr: `Page ${n} illisible : contenu de la page endommagé (${describePdfjsError(error)}).`,
        });
      }
      page.cleanup();
    }
    if (largePages.length) {
      warnings.push(`Page${largePages.length > 1 ? 's' : ''} ${largePages.join(', ')} de grand format : rendue${largePages.length > 1 ? 's' : ''} à résolution réduite.`);
    }
    return { pageCount: numPages, pagesWithText, warnings };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** A complete PDF ends with %%EOF (possibly followed by a little padding); a cut file does not. */
export function hasEndOfFileMarker(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1]! <= 0x20)) end--;
  return bytes.subarray(Math.max(0, end - 2048), end).includes('%%EOF');
}

function openError(error: unknown, hasObjects: boolean): OctoError {
  const name = (error as { name?: string })?.name;
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') {
    return new OctoError('CAPTURE_PDF_ENCRYPTED', message, {
      detailFr: 'Un mot de passe est exigé pour ouvrir le document.',
    });
  }
  if (!hasObjects) {
    return new OctoError('CAPTURE_PDF_NO_PAGES', message, {
      detailFr: 'Le fichier a un en-tête PDF mais ne contient aucun objet (ni page, ni contenu).',
    });
  }
  if (/Root reference|Pages|page tree/i.test(message)) {
    return new OctoError('CAPTURE_PDF_NO_PAGES', message, {
      detailFr: 'Le catalogue du document ou l’arborescence des pages est introuvable.',
    });
  }
  return new OctoError('CAPTURE_PDF_CORRUPT', message, {
    detailFr: `Structure du PDF illisible (${describePdfjsError(error)}).`,
  });
}

function describePdfjsError(error: unknown): string {
  const message = ((error as Error)?.message ?? String(error)).slice(0, 160);
  if (/Invalid PDF structure/i.test(message)) return 'table des objets absente ou invalide';
  if (/Missing PDF|XRef|xref/i.test(message)) return 'table de références croisées endommagée';
  if (/Bad FCHECK|Unexpected end|Invalid stream|Ran out/i.test(message)) return 'flux de données tronqué';
  return `erreur du lecteur PDF : ${message}`;
}
