// OCR throughput of Octo against its peers on the same scanned pages, same run:
// (a) processDocument with the pool at full cores, (b) native `tesseract` CLI,
// (c) `ocrmypdf`; plus the peak RSS of a 50-page scan in a child process.
// Run: node --import tsx bench/ingest/ocr-peers.ts [--pages 10,50] [--peers-on 10] (engine: OCTO_OCR_ENGINE, default tesseract.js)

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createOcrPool, processDocument, type OcrEngine } from '../../src/capture/ocr/index.ts';
import { buildScanPdf } from './scans.ts';

export { buildScanPdf };

const run = promisify(execFile);
export interface PeerFigures {
  pages: number;
  octoPagesPerMin: number;
  tesseractPagesPerMin: number | null;
  ocrmypdfPagesPerMin: number | null;
}

const perMin = (pages: number, ms: number) => Math.round((pages / (ms / 60_000)) * 10) / 10;

async function timeOcto(pdf: Buffer, pages: number): Promise<number> {
  const pool = createOcrPool({ engine: (process.env.OCTO_OCR_ENGINE as OcrEngine | undefined) ?? 'tesseract.js' });
  try {
    await processDocument(await buildScanPdf(1), 'pdf', { pool }); // warm the workers: they live as long as the process
    const started = Date.now();
    await processDocument(pdf, 'pdf', { pool });
    return perMin(pages, Date.now() - started);
  } finally {
    await pool.terminate();
  }
}

async function timeTesseract(pdfPath: string, dir: string, pages: number, jobs: number): Promise<number> {
  // rendering is not timed: the CLI gets the pages already as 300 dpi gray images
  execFileSync('pdftoppm', ['-r', '300', '-gray', pdfPath, join(dir, 'page')]);
  const images = readdirSync(dir).filter((f) => f.startsWith('page')).map((f) => join(dir, f));
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < images.length) {
        const image = images[next++];
        await run('tesseract', [image, `${image}.out`, '-l', 'fra+eng'], { env });
      }
    }),
  );
  return perMin(pages, Date.now() - started);
}

async function timeOcrmypdf(pdfPath: string, dir: string, pages: number, jobs: number): Promise<number> {
  const started = Date.now();
  // plain PDF output: PDF/A conversion (ghostscript) is work Octo does not do
  await run('ocrmypdf', ['-l', 'fra+eng', '--jobs', String(jobs), '--output-type', 'pdf', '-q', pdfPath, join(dir, 'out.pdf')], {
    maxBuffer: 1 << 24,
  });
  return perMin(pages, Date.now() - started);
}

export async function measurePeers(pages: number, withPeers = true): Promise<PeerFigures> {
  const jobs = os.availableParallelism();
  const dir = mkdtempSync(join(os.tmpdir(), `octo-bench-${pages}-`));
  const pdf = await buildScanPdf(pages);
  const pdfPath = join(dir, 'scan.pdf');
  writeFileSync(pdfPath, pdf);
  const octoPagesPerMin = await timeOcto(pdf, pages);
  const tesseractPagesPerMin = withPeers ? await timeTesseract(pdfPath, dir, pages, jobs).catch(() => null) : null;
  const ocrmypdfPagesPerMin = withPeers ? await timeOcrmypdf(pdfPath, dir, pages, jobs).catch(() => null) : null;
  return { pages, octoPagesPerMin, tesseractPagesPerMin, ocrmypdfPagesPerMin };
}

/** Peak RSS (MB) of a fresh process OCRing a `pages`-page scan, as the kernel counts it. */
export async function measurePeakRss(pages: number): Promise<{ maxRssMb: number; seconds: number }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'octo-bench-rss-'));
  const pdfPath = join(dir, 'scan.pdf');
  writeFileSync(pdfPath, await buildScanPdf(pages));
  const started = Date.now();
  const { stderr } = await run(
    '/usr/bin/time',
    ['-v', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', pdfPath],
    { maxBuffer: 1 << 24 },
  );
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { maxRssMb: Math.round(kb / 1024), seconds: Math.round((Date.now() - started) / 100) / 10 };
}

const ratio = (a: number, b: number | null) => (b ? `${(a / b).toFixed(2)}x` : 'n/a');

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const pool = createOcrPool({ engine: (process.env.OCTO_OCR_ENGINE as OcrEngine | undefined) ?? 'tesseract.js' });
    await processDocument(readFileSync(argv[1]), 'pdf', { pool });
    await pool.terminate();
    return;
  }
  const arg = (name: string, fallback: string) => argv[argv.indexOf(name) + 1] && argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback;
  const sizes = arg('--pages', '10,50').split(',').map(Number);
  const peersOn = new Set(arg('--peers-on', '10').split(',').map(Number));
  console.log(`cores: ${os.availableParallelism()}  (pages/minute, higher is better; pool warm, peers with the same parallelism)`);
  console.log('| pages | octo | tesseract CLI | ocrmypdf | octo / tesseract | octo / ocrmypdf |');
  console.log('|---|---|---|---|---|---|');
  for (const pages of sizes) {
    const f = await measurePeers(pages, peersOn.has(pages));
    console.log(
      `| ${pages} | ${f.octoPagesPerMin} | ${f.tesseractPagesPerMin ?? '-'} | ${f.ocrmypdfPagesPerMin ?? '-'} | ${ratio(f.octoPagesPerMin, f.tesseractPagesPerMin)} | ${ratio(f.octoPagesPerMin, f.ocrmypdfPagesPerMin)} |`,
    );
  }
  const rss = await measurePeakRss(50);
  console.log(`peak RSS, 50-page scan in a fresh process (incl. model load): ${rss.maxRssMb} MB (${rss.seconds} s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
