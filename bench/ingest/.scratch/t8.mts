import { createOcrPool, processDocument } from '/work/main/src/capture/ocr/index.ts';
import { readFileSync } from 'node:fs';
const pool = createOcrPool({ size: Number(process.env.SIZE ?? 2) });
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const f = process.argv[2];
console.log('start', mb());
for (let k = 0; k < Number(process.env.REPEAT ?? 1); k++) {
  const t = Date.now();
  const r = await processDocument(readFileSync(f), 'pdf', { pool });
  console.log('done', Date.now() - t, 'ms rss', mb(), r.pages.map((p) => [p.rotation, p.confidence]));
}
await pool.terminate();
console.log('maxRSS MB', process.resourceUsage().maxRSS / 1024);
