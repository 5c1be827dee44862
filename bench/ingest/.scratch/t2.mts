import { openPdf } from '/work/main/src/capture/ocr/pdf-document.ts';
import { extractPageText } from '/work/main/src/capture/ocr/pdf-text.ts';
import { renderPdfPage } from '/work/main/src/capture/ocr/render-pdf-page.ts';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
for (const f of process.argv.slice(2)) {
  const doc = await openPdf(readFileSync(f));
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const text = await extractPageText(page);
    console.log(f, i, JSON.stringify(text.slice(0, 1500)));
    const t = Date.now();
    const r = await renderPdfPage(page, 40e6);
    console.log('render', Date.now() - t, r.raster.width, r.raster.height, r.raster.dpi);
    await sharp(r.raster.data, { raw: { width: r.raster.width, height: r.raster.height, channels: 1 } }).png().toFile(`/tmp/render-${f.split('/').pop()}-${i}.png`);
  }
  await doc.destroy();
}
