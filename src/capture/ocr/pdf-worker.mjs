// pdfjs runs here, in a worker thread started without the tsx loader: loading
// pdfjs through tsx's module hooks costs ~300 MB of RSS, loading it plainly ~50 MB.
// Plain JavaScript on purpose (no TypeScript loader in this thread).
// Messages: open → page count; text → positioned runs; render → 8-bit gray raster.

import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const asset = (folder) => join(root, folder) + '/';
const OCR_DPI = 300;
/** A full-page scan is rendered at its own resolution between these: upsampling a 200 dpi scan to 300 costs 2.25x the OCR time, for no gain. */
const MIN_SCAN_DPI = 150;

let doc = null;

const handlers = {
  async open({ bytes }) {
    doc = await getDocument({
      data: bytes,
      cMapUrl: asset('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: asset('standard_fonts'),
      wasmUrl: asset('wasm'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    return { numPages: doc.numPages };
  },

  async text({ index }) {
    const page = await doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.length === 0) continue;
      const [, , c, d, e, f] = multiply(viewport.transform, item.transform);
      // device space at scale 1 (y down), so /Rotate and box offsets read as the page looks
      runs.push({ text: item.str, x: e, y: f, width: item.width, size: item.height || Math.hypot(c, d) || 1 });
    }
    page.cleanup();
    return { runs, widthPt: viewport.width, heightPt: viewport.height };
  },

  async render({ index, maxPixels }) {
    const page = await doc.getPage(index + 1);
    const base = page.getViewport({ scale: 1 });
    let scale = (await scanDpi(page, base)) / 72;
    const pixels = base.width * scale * base.height * scale;
    if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels); // cap, never refuse, a PDF page
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const factory = page._transport.canvasFactory; // @napi-rs/canvas-backed in Node
    const pair = factory.create(width, height);
    try {
      pair.context.fillStyle = '#ffffff'; // transparent areas must read as paper
      pair.context.fillRect(0, 0, width, height);
      await page.render({ canvas: pair.canvas, canvasContext: pair.context, viewport, intent: 'print' }).promise;
      const rgba = pair.context.getImageData(0, 0, width, height).data;
      const gray = new Uint8Array(width * height);
      for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
        gray[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
      }
      return { width, height, dpi: scale * 72, transform: viewport.transform, data: gray, transfer: [gray.buffer] };
    } finally {
      factory.destroy(pair);
      page.cleanup();
    }
  },

  async close() {
    await doc?.destroy();
    doc = null;
    return {};
  },
};

/**
 * The resolution of a page that is one scanned image (its largest image has the page's
 * proportions), clamped to [MIN_SCAN_DPI, OCR_DPI]; OCR_DPI for anything else.
 * The operator list is cached by pdfjs and reused by the render that follows.
 */
async function scanDpi(page, viewport) {
  const ops = await page.getOperatorList({ intent: 'print' });
  let best = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject && fn !== OPS.paintImageMaskXObject) continue;
    const args = ops.argsArray[i];
    const w = fn === OPS.paintImageXObject ? args[1] : args[0]?.width;
    const h = fn === OPS.paintImageXObject ? args[2] : args[0]?.height;
    if (w > 0 && h > 0 && (!best || w * h > best.w * best.h)) best = { w, h };
  }
  if (!best) return OCR_DPI;
  const [imgLong, imgShort] = best.w >= best.h ? [best.w, best.h] : [best.h, best.w];
  const pageLong = Math.max(viewport.width, viewport.height);
  const pageShort = Math.min(viewport.width, viewport.height);
  if (Math.abs(imgLong / imgShort - pageLong / pageShort) > 0.03 * (pageLong / pageShort)) return OCR_DPI; // not a full-page scan
  const dpi = (imgLong / pageLong) * 72;
  return Math.min(OCR_DPI, Math.max(MIN_SCAN_DPI, Math.round(dpi)));
}

function multiply(m, n) {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

parentPort.on('message', async ({ id, type, payload }) => {
  try {
    const { transfer = [], ...result } = await handlers[type](payload);
    parentPort.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  }
});
