// Worker entry: probes each PDF it is sent and posts back a plain result or error.

import { parentPort } from 'node:worker_threads';
import { probePdf, type PdfProbeLimits } from './pdf-probe.ts';

interface Job { id: number; data: Uint8Array; limits: PdfProbeLimits }

parentPort!.on('message', async ({ id, data, limits }: Job) => {
  try {
    const result = await probePdf(data, limits);
    parentPort!.postMessage({ id, ok: true, result });
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: Record<string, unknown> };
    parentPort!.postMessage({ id, ok: false, code: e?.code, message: e?.message ?? String(error), details: e?.details ?? {} });
  }
});
parentPort!.postMessage({ ready: true });
