import { createWorker, OEM } from 'tesseract.js';
import { openPdf } from '/work/main/src/capture/ocr/pdf-document.ts';
import { renderPdfPage } from '/work/main/src/capture/ocr/render-pdf-page.ts';
import { toPgm } from '/work/main/src/capture/ocr/raster.ts';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
let t = Date.now();
const w = await createWorker('osd', OEM.TESSERACT_ONLY, { legacyCore: true, legacyLang: true, langPath: '/work/main/node_modules/@tesseract.js-data/osd/4.0.0', cacheMethod: 'none', gzip: true });
console.log('start', Date.now() - t);
const doc = await openPdf(readFileSync('/work/shared/corpus/scans/ocrmypdf-cardinal.pdf'));
for (let i = 1; i <= 4; i++) {
  const r = await renderPdfPage(await doc.getPage(i), 40e6);
  for (const f of [1, 0.5]) {
    const { data, info } = await sharp(r.raster.data, { raw: { width: r.raster.width, height: r.raster.height, channels: 1 } }).resize(Math.round(r.raster.width * f)).grayscale().raw().toBuffer({ resolveWithObject: true });
    t = Date.now();
    const d = await w.detect(toPgm({ width: info.width, height: info.height, data, dpi: 300 * f }));
    console.log(i, f, Date.now() - t, JSON.stringify(d.data));
  }
}
await w.terminate();
console.log(process.resourceUsage().maxRSS / 1024);
