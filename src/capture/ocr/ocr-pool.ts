// A process-wide pool of tesseract.js workers (one WASM engine per worker thread).
// Workers start lazily on the first job and are reused across documents: loading
// the French + English models costs far more than recognising one page.

import os from 'node:os';
import { join } from 'node:path';
import { createScheduler, createWorker, OEM, type Scheduler, type Worker } from 'tesseract.js';
import { OctoError } from '../../platform/errors.ts';
import { stageLanguageData, type TessdataVariant } from './tessdata.ts';
import { createNativeOcrPool, probeNativeTesseract } from './native-ocr-pool.ts';

/** `tesseract.js`: WebAssembly from npm, works anywhere; `native`: Debian's tesseract binary; `auto`: native when it has the languages. */
export type OcrEngine = 'tesseract.js' | 'native' | 'auto';

export interface OcrPoolOptions {
  /** Default 'tesseract.js'. */
  engine?: OcrEngine;
  size?: number;
  languages?: string;
  cacheDir?: string;
  /** Model variant from the @tesseract.js-data packages (default '4.0.0_best_int': same speed and text as '4.0.0', half the memory). */
  dataVariant?: TessdataVariant;
}

export interface RecognizeOptions {
  /** Resolution of the image, used for the PDF page size and tesseract's text-size heuristics. */
  dpi: number;
  /** Also return a text-only PDF page (invisible text, no image). */
  pdf?: boolean;
  /** Abandons the page (the native engine kills its process). */
  signal?: AbortSignal;
}

export interface OcrResult {
  text: string;
  /** Tesseract mean word confidence, 0..100. */
  confidence: number;
  wordCount: number;
  pdf: Buffer | null;
}

export interface OrientationGuess {
  /** Clockwise turn that makes the text upright. */
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
}

export interface OcrPool {
  /** OCR one image (PGM, PNG, JPEG...) on the next free worker. */
  recognize(image: Buffer, options: RecognizeOptions): Promise<OcrResult>;
  /** Tesseract OSD on one image; null when it finds no usable text. One extra worker, started on first use. */
  detectOrientation(image: Buffer, dpi?: number): Promise<OrientationGuess | null>;
  terminate(): Promise<void>;
  readonly size: number;
}

/** The engine `auto` resolves to here: native when `tesseract --list-langs` has every language. */
export function resolveOcrEngine(engine: OcrEngine = 'tesseract.js', languages = 'fra+eng'): 'tesseract.js' | 'native' {
  if (engine !== 'auto') return engine;
  return probeNativeTesseract(languages).problem ? 'tesseract.js' : 'native';
}

/** An OSD worker unused this long is terminated (it is restarted on demand). */
const OSD_IDLE_MS = 5_000;

export function createOcrPool(options: OcrPoolOptions = {}): OcrPool {
  if (resolveOcrEngine(options.engine, options.languages) === 'native') {
    return createNativeOcrPool({ size: options.size, languages: options.languages });
  }
  return createTesseractJsPool(options);
}

function createTesseractJsPool(options: OcrPoolOptions): OcrPool {
  const size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
  const languages = options.languages ?? 'fra+eng';
  const cacheDir = options.cacheDir ?? join(os.tmpdir(), 'octo-ocr');
  const variant = options.dataVariant ?? '4.0.0_best_int';
  let scheduler: Promise<Scheduler> | null = null;
  let osdWorker: Promise<Worker> | null = null;
  let osdBusy = 0;
  let osdIdle: NodeJS.Timeout | null = null;
  let terminated = false;

  // OSD needs the legacy engine and the osd model: a separate, single worker
  // because most pages never need it (see orientation.ts)
  async function startOsd(): Promise<Worker> {
    const langPath = stageLanguageData('osd', '4.0.0', cacheDir);
    return await createWorker('osd', OEM.TESSERACT_ONLY, {
      langPath,
      cachePath: cacheDir,
      cacheMethod: 'none',
      gzip: true,
      legacyCore: true,
      legacyLang: true,
      errorHandler: () => {},
    });
  }

  async function start(): Promise<Scheduler> {
    const langPath = stageLanguageData(languages, variant, cacheDir);
    const created = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: size }, () =>
        createWorker(languages, OEM.LSTM_ONLY, {
          langPath,
          cachePath: cacheDir,
          cacheMethod: 'none', // the staged .gz files are the cache; never write elsewhere
          gzip: true,
          errorHandler: () => {}, // failures surface as rejected jobs
        }),
      ),
    );
    for (const worker of workers) created.addWorker(worker);
    return created;
  }

  return {
    size,
    async recognize(image, { dpi, pdf = false }) {
      if (terminated) throw new OctoError('CAPTURE_PROCESSING_FAILED', 'OCR pool is terminated');
      scheduler ??= start();
      scheduler.catch(() => (scheduler = null)); // let a later call retry a failed start
      const ready = await scheduler;
      try {
        const { data } = await ready.addJob(
          'recognize',
          image,
          { user_defined_dpi: String(Math.round(dpi)), pdfTextOnly: true } as never,
          { text: true, pdf },
        );
        return {
          text: data.text ?? '',
          confidence: Number.isFinite(data.confidence) ? data.confidence : 0,
          // words of 2+ letters/digits: noise on photos reads as 1-char fragments
          wordCount: (data.text ?? '').split(/\s+/u).filter((w) => /[\p{L}\p{N}]{2}/u.test(w)).length,
          pdf: pdf && data.pdf ? Buffer.from(data.pdf) : null,
        };
      } catch (error) {
        throw new OctoError('CAPTURE_PROCESSING_FAILED', `OCR failed: ${String(error)}`, { cause: String(error) });
      }
    },
    async detectOrientation(image, dpi = 150) {
      if (terminated) throw new OctoError('CAPTURE_PROCESSING_FAILED', 'OCR pool is terminated');
      osdWorker ??= startOsd();
      osdWorker.catch(() => (osdWorker = null));
      osdBusy++;
      if (osdIdle) clearTimeout(osdIdle);
      try {
        const worker = await osdWorker;
        await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
        const { data } = await worker.detect(image);
        const degrees = data.orientation_degrees;
        if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return null;
        return { degrees, confidence: data.orientation_confidence ?? 0 };
      } catch {
        return null; // OSD is an optimisation: callers fall back to OCR trials
      } finally {
        // most documents never need OSD again: give its ~100 MB of WebAssembly back when idle
        if (--osdBusy === 0 && !terminated) {
          osdIdle = setTimeout(() => {
            const idle = osdWorker;
            osdWorker = null;
            osdIdle = null;
            void idle?.then((w) => w.terminate()).catch(() => {});
          }, OSD_IDLE_MS);
          osdIdle.unref();
        }
      }
    },
    async terminate() {
      terminated = true;
      if (osdIdle) clearTimeout(osdIdle);
      const current = scheduler;
      const osd = osdWorker;
      scheduler = null;
      osdWorker = null;
      await Promise.all([
        current?.then((s) => s.terminate()).catch(() => {}),
        osd?.then((w) => w.terminate()).catch(() => {}),
      ]);
    },
  };
}
