import { createOcrPool, processDocument } from '/work/main/src/capture/ocr/index.ts';
import { readFileSync, writeFileSync } from 'node:fs';
const pool = createOcrPool();
for (const f of process.argv.slice(2)) {
  const kind = f.endsWith('.pdf') ? 'pdf' : f.match(/tiff?$/) ? 'tiff' : f.endsWith('.png') ? 'png' : 'jpeg';
  const t = Date.now();
  try {
    const r = await processDocument(readFileSync(f), kind as any, { pool });
    console.log('==', f.split('/').pop(), Date.now() - t, 'ms');
    for (const p of r.pages) console.log({ ...p, text: p.text.slice(0, 300) });
    if (r.searchablePdf) writeFileSync('/tmp/out-' + f.split('/').pop() + '.pdf', r.searchablePdf);
  } catch (e) { console.log('ERR', f, e); }
}
await pool.terminate();
console.log('maxRSS MB', process.resourceUsage().maxRSS / 1024);
