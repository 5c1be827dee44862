// The bench's scanned document: an image-only PDF cycling through the scans kept in
// test/fixtures (never /work/shared: the bench must run from a plain checkout).

import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';

const fixtures = (path: string) => new URL(`../../test/fixtures/${path}`, import.meta.url);

/** Image-only scans of varied encodings: JBIG2, CCITT G4, gray and colour JPEG, skewed, turned. */
export const SOURCES: [string, number[]][] = [
  ['capture-ocr/ocrmypdf-jbig2.pdf', [0]],
  ['derived-scans/maarch-courrier-entrant-demandes-interventions-scan.pdf', [0]],
  ['corpus/scans/ocrmypdf-ccitt.pdf', [0]],
  ['derived-scans/maarchparaph-demande_subvention-scan.pdf', [0]],
  ['corpus/scans/ocrmypdf-francais.pdf', [0]],
  ['corpus/scans/maarch-registeredMail_ar.pdf', [0]],
  ['derived-scans/maarchparaph-etat_civil-scan.pdf', [0]],
  ['capture-ocr/ocrmypdf-skew.pdf', [0]],
  ['corpus/scans/ocrmypdf-cardinal.pdf', [0, 1, 2, 3]],
];

/** An image-only PDF of `count` pages cycling through SOURCES. */
export async function buildScanPdf(count: number): Promise<Buffer> {
  const out = await PDFDocument.create();
  const sources = await Promise.all(SOURCES.map(async ([name, pages]) => [await PDFDocument.load(readFileSync(fixtures(name))), pages] as const));
  const flat = sources.flatMap(([doc, pages]) => pages.map((p) => [doc, p] as const));
  for (let i = 0; i < count; i++) {
    const [doc, p] = flat[i % flat.length];
    const [copied] = await out.copyPages(doc, [p]);
    out.addPage(copied);
  }
  return Buffer.from(await out.save());
}
