import { createOcrPool, processDocument } from '../../../src/capture/ocr/index.ts';
import { buildScanPdf } from '../ocr-peers.ts';
const pool = createOcrPool();
const pdf = await buildScanPdf(Number(process.argv[2] ?? 20));
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const t = Date.now();
await processDocument(pdf, 'pdf', { pool, onPage: (p) => console.log(p.index, p.rotation, p.confidence, 'rss', mb(), 'ext', Math.round(process.memoryUsage().external / 1048576), Math.round((Date.now() - t) / 1000) + 's') });
console.log('end', mb(), 'max', Math.round(process.resourceUsage().maxRSS / 1024));
await pool.terminate();
