// The full ingest pipeline against its peers, same run, same pages, same cores:
// (a) Octo end to end — openApp on a fresh OCTO_DATA_DIR, ingestFile of one scanned
//     PDF, until the item is indexed and found by the search — once per OCR engine;
// (b) the native `tesseract` CLI on the same pages, N processes;
// (c) `ocrmypdf -l fra+eng --jobs N` on the same PDF.
// Each contender runs in its own process tree under /usr/bin/time -v, while this
// process samples /proc every 100 ms and sums the RSS of the whole tree.
// Run: node --import tsx bench/ingest/run.ts [--pages 50] [--engines tesseract.js,native] [--no-peers]

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScanPdf } from './scans.ts';

const SELF = fileURLToPath(import.meta.url);
const PAGE_SIZE = 4096;

interface TreeRun {
  ms: number;
  stdout: string;
  /** /usr/bin/time "Maximum resident set size": the largest single process of the tree. */
  maxSingleRssMb: number;
  /** Sampled sum of the RSS of every process of the tree. */
  peakTreeRssMb: number;
  /** Sampled peak of the tree's root (the node process, or ocrmypdf's python). */
  peakRootRssMb: number;
  /** Sampled peak of the largest `tesseract` process in the tree. */
  peakTesseractRssMb: number;
}

/** Runs `command` under /usr/bin/time -v and samples its process tree's memory. */
async function runTree(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<TreeRun> {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-v', command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-200_000)));
  let peakTree = 0;
  let peakRoot = 0;
  let peakTesseract = 0;
  const sample = () => {
    const tree = processTree(child.pid!);
    let sum = 0;
    for (const p of tree) {
      sum += p.rss;
      if (p.comm === 'tesseract') peakTesseract = Math.max(peakTesseract, p.rss);
      if (p.ppid === child.pid) peakRoot = Math.max(peakRoot, p.rss); // time's child: node / ocrmypdf
    }
    peakTree = Math.max(peakTree, sum);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const ms = Date.now() - started;
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.slice(-2000)}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { ms, stdout, maxSingleRssMb: Math.round(kb / 1024), peakTreeRssMb: mb(peakTree), peakRootRssMb: mb(peakRoot), peakTesseractRssMb: mb(peakTesseract) };
}

/** The processes descending from `root` (excluded: /usr/bin/time itself is tiny), with their RSS in bytes. */
function processTree(root: number): Array<{ pid: number; ppid: number; comm: string; rss: number }> {
  const all: Array<{ pid: number; ppid: number; comm: string; rss: number }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      all.push({ pid: Number(name), ppid: Number(fields[1]), comm, rss: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (!inTree.has(p.pid) && inTree.has(p.ppid)) (inTree.add(p.pid), (grew = true));
  }
  return all.filter((p) => p.pid !== root && inTree.has(p.pid));
}

const perMin = (pages: number, ms: number) => Math.round((pages / (ms / 60_000)) * 10) / 10;

// ---------------------------------------------------------------- (a) Octo, in a child process

/** Child: one scanned PDF through intake, OCR, indexing and search; prints a JSON line. */
async function octoChild(pdfPath: string): Promise<void> {
  const { openApp } = await import('../../src/app.ts');
  const { loadConfig } = await import('../../src/platform/config.ts');
  const { ingestFile } = await import('../../src/capture/index.ts');
  const { getMailItemDetail, searchInbox } = await import('../../src/registry/index.ts');
  const dataDir = mkdtempSync(join(os.tmpdir(), 'octo-bench-data-'));
  const app = await openApp(loadConfig({ ...process.env, OCTO_DATA_DIR: dataDir, OCTO_LOG_LEVEL: 'warn', DATABASE_URL: '' }));
  try {
    await app.startWorkers();
    const bytes = await readFile(pdfPath);
    const started = Date.now();
    const result = await ingestFile(app.ctx, 'PREF69', 'scan', { filename: 'scan-50.pdf', bytes });
    if (!result.item) throw new Error(`ingest refused: ${JSON.stringify(result.quarantine)}`);
    if (!(await app.waitForIdle(60 * 60_000))) throw new Error('not idle after an hour');
    const ms = Date.now() - started;
    const detail = await getMailItemDetail(app.ctx, 'PREF69', result.item.chrono);
    const found = await searchInbox(app.ctx, 'PREF69', 'LinnSequencer', { page: 1, pageSize: 10 });
    const hit = found.results.some((r) => r.item.chrono === result.item!.chrono);
    const doc = await app.ctx.db
      .selectFrom('capture_document')
      .select(['status', 'page_count', 'ocr_confidence', 'searchable_sha256'])
      .where('mail_item_id', '=', result.item.id)
      .executeTakeFirstOrThrow();
    console.log(JSON.stringify({ ms, status: detail.status, searchHit: hit, document: doc }));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface OctoFigures extends TreeRun {
  engine: string;
  pagesPerMin: number;
  status: string;
  searchHit: boolean;
  confidence: number | null;
}

async function runOcto(engine: string, pdfPath: string, pages: number): Promise<OctoFigures> {
  const env = { ...process.env, OCTO_OCR_ENGINE: engine, OCTO_OCR_WORKERS: String(os.availableParallelism()) };
  const tree = await runTree(process.execPath, ['--import', 'tsx', SELF, '--child', pdfPath], env);
  const line = tree.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  if (!line) throw new Error(`no result from the octo child: ${tree.stdout.slice(-1000)}`);
  const result = JSON.parse(line) as { ms: number; status: string; searchHit: boolean; document: { ocr_confidence: number | null } };
  return {
    ...tree,
    engine,
    // from ingestFile to searchable; the process start and app opening are not counted, model loading is
    pagesPerMin: perMin(pages, result.ms),
    ms: result.ms,
    status: result.status,
    searchHit: result.searchHit,
    confidence: result.document.ocr_confidence === null ? null : Math.round(Number(result.document.ocr_confidence)),
  };
}

// ---------------------------------------------------------------- (b) tesseract CLI, (c) ocrmypdf

async function runTesseractCli(pdfPath: string, dir: string, pages: number, jobs: number): Promise<TreeRun & { pagesPerMin: number }> {
  // pages rendered beforehand (not timed) by poppler, 300 dpi gray, as Octo renders them
  const images = join(dir, 'pages');
  rmSync(images, { recursive: true, force: true });
  await runTree('sh', ['-c', `mkdir -p "${images}" && pdftoppm -r 300 -gray "${pdfPath}" "${images}/p"`]);
  // a tiny driver keeps `jobs` tesseract processes busy; outputs as Octo's: text and text-only PDF
  const script = `ls "${images}"/p*.pgm | xargs -P ${jobs} -I{} tesseract {} {}.out -l fra+eng -c textonly_pdf=1 txt pdf 2>/dev/null`;
  const tree = await runTree('sh', ['-c', script], { ...process.env, OMP_THREAD_LIMIT: '1' });
  return { ...tree, pagesPerMin: perMin(pages, tree.ms) };
}

async function runOcrmypdf(pdfPath: string, dir: string, pages: number, jobs: number): Promise<TreeRun & { pagesPerMin: number }> {
  // plain PDF output: PDF/A conversion (ghostscript) is work Octo does not do
  const tree = await runTree('ocrmypdf', ['-l', 'fra+eng', '--jobs', String(jobs), '--output-type', 'pdf', '-q', pdfPath, join(dir, 'ocrmypdf.pdf')]);
  return { ...tree, pagesPerMin: perMin(pages, tree.ms) };
}

async function available(command: string, args: string[]): Promise<boolean> {
  return await new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

// ---------------------------------------------------------------- main

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return octoChild(argv[1]);
  const arg = (name: string, fallback: string) => (argv.includes(name) && argv[argv.indexOf(name) + 1] ? argv[argv.indexOf(name) + 1] : fallback);
  const pages = Number(arg('--pages', '50'));
  const jobs = os.availableParallelism();
  const hasTesseract = await available('tesseract', ['--list-langs']);
  const hasOcrmypdf = await available('ocrmypdf', ['--version']);
  const engines = arg('--engines', hasTesseract ? 'tesseract.js,native' : 'tesseract.js').split(',').filter(Boolean);
  const peers = !argv.includes('--no-peers');

  const dir = mkdtempSync(join(os.tmpdir(), `octo-bench-ingest-${pages}-`));
  const pdfPath = join(dir, 'scan.pdf');
  writeFileSync(pdfPath, await buildScanPdf(pages));
  console.log(`${pages}-page image-only scan (test/fixtures), ${jobs} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const octo: OctoFigures[] = [];
  for (const engine of engines) {
    const f = await runOcto(engine, pdfPath, pages);
    console.log(`  octo [${engine}]: ${f.pagesPerMin} pages/min, item ${f.status}, search ${f.searchHit ? 'finds it' : 'MISSES it'}, mean confidence ${f.confidence}`);
    octo.push(f);
  }
  const tesseract = peers && hasTesseract ? await runTesseractCli(pdfPath, dir, pages, jobs) : null;
  if (tesseract) console.log(`  tesseract CLI: ${tesseract.pagesPerMin} pages/min`);
  const ocrmypdf = peers && hasOcrmypdf ? await runOcrmypdf(pdfPath, dir, pages, jobs) : null;
  if (ocrmypdf) console.log(`  ocrmypdf: ${ocrmypdf.pagesPerMin} pages/min`);

  const ratio = (a: number, b: { pagesPerMin: number } | null) => (b ? `${(a / b.pagesPerMin).toFixed(2)}x` : 'n/a');
  const memRatio = (a: number, b: TreeRun | null) => (b ? `${(a / b.peakTreeRssMb).toFixed(2)}x` : 'n/a');
  console.log('');
  console.log(`| ${pages} pages, ${jobs} cores | pages/min | octo / ocrmypdf | octo / tesseract CLI | peak RSS, process tree (sampled) | largest process (time -v) | node | largest tesseract |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const f of octo) {
    console.log(
      `| octo, ${f.engine} (ingest → searchable) | ${f.pagesPerMin} | ${ratio(f.pagesPerMin, ocrmypdf)} | ${ratio(f.pagesPerMin, tesseract)} | ${f.peakTreeRssMb} MB | ${f.maxSingleRssMb} MB | ${f.peakRootRssMb} MB | ${f.peakTesseractRssMb ? `${f.peakTesseractRssMb} MB` : '-'} |`,
    );
  }
  if (tesseract) console.log(`| tesseract CLI × ${jobs} (OCR only, pages pre-rendered) | ${tesseract.pagesPerMin} | | | ${tesseract.peakTreeRssMb} MB | ${tesseract.maxSingleRssMb} MB | - | ${tesseract.peakTesseractRssMb} MB |`);
  if (ocrmypdf) console.log(`| ocrmypdf --jobs ${jobs} | ${ocrmypdf.pagesPerMin} | | | ${ocrmypdf.peakTreeRssMb} MB | ${ocrmypdf.maxSingleRssMb} MB | - | ${ocrmypdf.peakTesseractRssMb} MB |`);
  if (ocrmypdf) for (const f of octo) console.log(`memory octo [${f.engine}] / ocrmypdf (process trees): ${memRatio(f.peakTreeRssMb, ocrmypdf)}`);
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] === SELF) await main();
