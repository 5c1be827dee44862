import type { Ctx } from '../platform/context.ts';
import { createOcrPool, type OcrPool } from './ocr/index.ts';

// One OCR pool per process, started on first use: an API-only process never loads tesseract.
let shared: OcrPool | null = null;

export function ocrPoolFor(ctx: Ctx): OcrPool {
  if (!shared) {
    const pool = createOcrPool({ size: ctx.config.ocrWorkers, engine: ctx.config.ocrEngine });
    shared = pool;
    ctx.onClose(async () => {
      if (shared === pool) shared = null;
      await pool.terminate();
    });
  }
  return shared;
}
