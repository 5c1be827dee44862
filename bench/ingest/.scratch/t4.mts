import { openPdf } from '/work/main/src/capture/ocr/pdf-document.ts';
import { renderPdfPage } from '/work/main/src/capture/ocr/render-pdf-page.ts';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
const [f, p] = process.argv.slice(2);
const doc = await openPdf(readFileSync(f));
const r = await renderPdfPage(await doc.getPage(Number(p)), 40e6);
console.log(r.raster.width, r.raster.height, r.raster.data.length);
await sharp(r.raster.data, { raw: { width: r.raster.width, height: r.raster.height, channels: 1 } }).resize(500).png().toFile('/tmp/x.png');
