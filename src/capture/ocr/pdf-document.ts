// Opening a PDF with pdfjs in Node: the legacy build, local font/CMap/WASM data
// (JBIG2 and JPEG 2000 decoders are WASM in pdfjs 5), never any network access.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OctoError } from '../../platform/errors.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const asset = (folder: string) => join(pdfjsRoot, folder) + '/';

export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy
    data: new Uint8Array(bytes),
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) {
      await doc.destroy();
      throw new OctoError('CAPTURE_PDF_NO_PAGES', 'PDF has no pages');
    }
    return doc;
  } catch (error) {
    await task.destroy().catch(() => {});
    if (error instanceof OctoError) throw error;
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new OctoError('CAPTURE_PDF_ENCRYPTED', 'PDF needs a password');
    throw new OctoError('CAPTURE_PDF_CORRUPT', `pdfjs cannot open the PDF: ${String(error)}`);
  }
}
