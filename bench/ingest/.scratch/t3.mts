import { openPdf } from '/work/main/src/capture/ocr/pdf-document.ts';
import { renderPdfPage } from '/work/main/src/capture/ocr/render-pdf-page.ts';
import { analyseLines } from '/work/main/src/capture/ocr/deskew.ts';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const doc = await openPdf(readFileSync(f));
  for (let i = 1; i <= doc.numPages; i++) {
    const r = await renderPdfPage(await doc.getPage(i), 40e6);
    const t = Date.now();
    const g = await analyseLines(r.raster);
    console.log(f.split('/').pop(), i, Date.now() - t, 'ms', JSON.stringify(g));
  }
}
