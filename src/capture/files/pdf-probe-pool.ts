// One long-lived worker thread for pdfjs: starting one costs about a second (pdfjs and the
// TypeScript loader), so it is kept warm, fed one PDF at a time, and replaced when a PDF makes
// it time out, run out of memory or die. It never keeps the process alive.

import { Worker } from 'node:worker_threads';
import { OctoError, type OctoErrorCode } from '../../platform/errors.ts';
import type { PdfProbeLimits, PdfProbeResult } from './pdf-probe.ts';

const MEMORY_MB = 1024;
const IDLE_MS = 60_000;

// Module hooks registered with --import do not reach worker threads on Node 20: the worker
// loads pdfjs first (plain .mjs, faster without hooks), then registers tsx for our entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
Promise.all(workerData.preload.map((url) => import(url)))
  .then(() => import(workerData.tsxApi))
  .then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

interface Reply { id?: number; ready?: boolean; ok?: boolean; result?: PdfProbeResult; code?: string; message?: string; details?: Record<string, unknown> }
interface Job { data: Uint8Array; limits: PdfProbeLimits; timeoutMs: number; resolve: (r: PdfProbeResult) => void; reject: (e: OctoError) => void }

let worker: Worker | undefined;
let current: (Job & { id: number; timer: NodeJS.Timeout }) | undefined;
const queue: Job[] = [];
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;

export function probePdfIsolated(bytes: Buffer, limits: PdfProbeLimits, timeoutMs: number): Promise<PdfProbeResult> {
  const data = new Uint8Array(bytes); // private copy, transferred to the worker
  return new Promise((resolve, reject) => {
    queue.push({ data, limits, timeoutMs, resolve, reject });
    pump();
  });
}

function spawn(): Worker {
  const w = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      preload: [import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'), import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')],
      tsxApi: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./pdf-probe.worker.ts', import.meta.url).href,
    },
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
  });
  w.unref();
  w.on('message', (reply: Reply) => {
    if (reply.ready || !current || reply.id !== current.id) return;
    const job = current;
    settle();
    if (reply.ok) job.resolve(reply.result!);
    else if (reply.code?.startsWith('CAPTURE_')) job.reject(new OctoError(reply.code as OctoErrorCode, reply.message, reply.details));
    else job.reject(new OctoError('CAPTURE_PDF_CORRUPT', reply.message, { detailFr: 'Le lecteur PDF a échoué sur ce fichier.' }));
  });
  w.on('error', (error: Error & { code?: string }) => {
    fail(w, new OctoError('CAPTURE_PDF_CORRUPT', `pdf worker: ${error.message}`, {
      detailFr: error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'L’analyse du PDF a dépassé la mémoire autorisée (fichier anormal ou piégé).'
        : 'Le lecteur PDF s’est arrêté brutalement sur ce fichier.',
    }));
  });
  w.on('exit', (code) => {
    fail(w, new OctoError('CAPTURE_PDF_CORRUPT', `pdf worker exited with ${code}`, { detailFr: 'Le lecteur PDF s’est arrêté sans résultat.' }));
  });
  return w;
}

function pump(): void {
  if (current || queue.length === 0) return;
  clearTimeout(idleTimer);
  worker ??= spawn();
  const job = queue.shift()!;
  const id = nextId++;
  const w = worker;
  const timer = setTimeout(() => {
    fail(w, new OctoError('CAPTURE_PDF_CORRUPT', 'pdf probe timed out', {
      detailFr: `L’analyse du PDF n’a pas abouti en ${Math.round(job.timeoutMs / 1000)} s (structure anormale ou piégée).`,
    }));
  }, job.timeoutMs);
  current = { ...job, id, timer };
  w.ref(); // a probe in flight must keep the process alive until it answers
  w.postMessage({ id, data: job.data, limits: job.limits }, [job.data.buffer as ArrayBuffer]);
}

function settle(): void {
  if (current) clearTimeout(current.timer);
  current = undefined;
  worker?.unref();
  idleTimer = setTimeout(() => void stopWorker(), IDLE_MS).unref();
  pump();
}

/** The worker failed (timeout, crash, exit): the job in flight fails, the next one gets a fresh worker. */
function fail(w: Worker, error: OctoError): void {
  if (w !== worker) return;
  worker = undefined;
  void w.terminate();
  const job = current;
  if (job) {
    clearTimeout(job.timer);
    current = undefined;
    job.reject(error);
  }
  pump();
}

/** Stops the warm worker (tests, shutdown). */
export async function stopWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w && !current) await w.terminate();
  else if (w) worker = w;
}
