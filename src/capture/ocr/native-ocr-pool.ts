// The same OcrPool on Debian's native `tesseract` binary: one short-lived process
// per page (image in a temp file, text + TSV + text-only PDF out in one pass), at
// most `size` processes at once, each single-threaded (OMP_THREAD_LIMIT=1) so the
// pool, not OpenMP, decides how many cores OCR takes. Roughly twice as fast as the
// WebAssembly build per page, and the memory goes back to the system after each page.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { OctoError } from '../../platform/errors.ts';
import type { OcrPool, OcrResult, OrientationGuess, RecognizeOptions } from './ocr-pool.ts';

export interface NativeOcrPoolOptions {
  size?: number;
  languages?: string;
  /** The tesseract executable (default `tesseract` from PATH). */
  binary?: string;
  /** Longest a single tesseract process may run before it is killed (default 5 minutes). */
  timeoutMs?: number;
}

export interface NativeTesseractProbe {
  available: boolean;
  version: string | null;
  languages: string[];
  /** Why the native engine cannot serve `wanted`, in French, or null when it can. */
  problem: string | null;
}

const probes = new Map<string, NativeTesseractProbe>();

/** Is `binary` runnable, and does it have every language of `wanted` (e.g. "fra+eng")? Cached per binary. */
export function probeNativeTesseract(wanted = 'fra+eng', binary = 'tesseract'): NativeTesseractProbe {
  let base = probes.get(binary);
  if (!base) {
    try {
      const out = execFileSync(binary, ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
      const languages = out.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
      let version: string | null = null;
      try {
        version = /tesseract\s+v?([\d.]+)/i.exec(execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }))?.[1] ?? null;
      } catch {
        version = null;
      }
      base = { available: true, version, languages, problem: null };
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      base = {
        available: false,
        version: null,
        languages: [],
        problem: missing
          ? `Moteur OCR natif introuvable : « ${binary} » n’est pas installé (paquets Debian tesseract-ocr, tesseract-ocr-fra).`
          : `Moteur OCR natif inutilisable (« ${binary} --list-langs » a échoué) : ${String((error as Error).message).slice(0, 200)}`,
      };
    }
    probes.set(binary, base);
  }
  if (!base.available) return base;
  const absent = wanted.split('+').filter((lang) => lang && !base.languages.includes(lang));
  if (absent.length === 0) return base;
  return {
    ...base,
    problem: `Données de langue absentes pour tesseract : ${absent.join(', ')} (paquets Debian ${absent.map((l) => `tesseract-ocr-${l}`).join(', ')}).`,
  };
}

export function createNativeOcrPool(options: NativeOcrPoolOptions = {}): OcrPool {
  const size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
  const languages = options.languages ?? 'fra+eng';
  const binary = options.binary ?? 'tesseract';
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const children = new Set<ChildProcess>();
  const waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  let running = 0;
  let terminated = false;
  let scratch: string | null = null;
  let nextFile = 0;
  let checked = false;

  const terminatedError = () => new OctoError('CAPTURE_PROCESSING_FAILED', 'OCR pool is terminated');

  function ensureReady(): void {
    if (checked) return;
    const probe = probeNativeTesseract(languages, binary);
    if (probe.problem) {
      throw new OctoError('PLATFORM_CONFIG_INVALID', probe.problem, { engine: 'native', binary, detailFr: probe.problem });
    }
    scratch = mkdtempSync(join(os.tmpdir(), 'octo-tesseract-'));
    checked = true;
  }

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (terminated) throw terminatedError();
    if (running >= size) await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.resolve();
    }
  }

  /** Runs tesseract once; resolves with stdout, rejects with stderr on failure, kill on abort/timeout/terminate. */
  function runTesseract(args: string[], signal?: AbortSignal): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      if (terminated) return reject(terminatedError());
      if (signal?.aborted) return reject(signal.reason);
      const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.add(child);
      let stdout = '';
      let stderr = '';
      const cap = 1 << 20; // stdout only carries OSD lines; bounded all the same
      child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(0, cap)));
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-cap)));
      const kill = () => child.kill('SIGKILL');
      const timer = setTimeout(kill, timeoutMs);
      signal?.addEventListener('abort', kill, { once: true });
      child.on('error', (error) => {
        clearTimeout(timer);
        children.delete(child);
        reject(error);
      });
      child.on('close', (code, killedBy) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', kill);
        children.delete(child);
        if (signal?.aborted) return reject(signal.reason);
        if (terminated) return reject(terminatedError());
        if (killedBy) return reject(new Error(`tesseract killed by ${killedBy}${killedBy === 'SIGKILL' ? ` (timeout ${timeoutMs} ms)` : ''}`));
        resolve({ code, stdout, stderr });
      });
    });
  }

  async function withImage<T>(image: Buffer, work: (input: string, base: string) => Promise<T>): Promise<T> {
    const base = join(scratch!, `p${nextFile++}`);
    const input = `${base}.${imageExtension(image)}`;
    await writeFile(input, image);
    try {
      return await work(input, base);
    } finally {
      await Promise.all(['', '.txt', '.tsv', '.pdf'].map((ext) => rm(ext ? `${base}${ext}` : input, { force: true })));
    }
  }

  return {
    size,
    async recognize(image: Buffer, { dpi, pdf = false, signal }: RecognizeOptions): Promise<OcrResult> {
      ensureReady();
      return slot(() =>
        withImage(image, async (input, base) => {
          const args = [input, base, '-l', languages, '--dpi', String(Math.round(dpi) || 300), '--psm', '3', '-c', 'page_separator='];
          if (pdf) args.push('-c', 'textonly_pdf=1');
          args.push('txt', 'tsv');
          if (pdf) args.push('pdf');
          let outcome;
          try {
            outcome = await runTesseract(args, signal);
          } catch (error) {
            if ((error as Error)?.name === 'AbortError' || error instanceof OctoError) throw error;
            throw new OctoError('CAPTURE_PROCESSING_FAILED', `OCR failed: ${String(error)}`, { cause: String(error) });
          }
          if (outcome.code !== 0) {
            throw new OctoError('CAPTURE_PROCESSING_FAILED', `tesseract exited with ${outcome.code}: ${outcome.stderr.trim().slice(-300)}`);
          }
          const [text, tsv, pdfBytes] = await Promise.all([
            readFile(`${base}.txt`, 'utf8'),
            readFile(`${base}.tsv`, 'utf8'),
            pdf ? readFile(`${base}.pdf`) : Promise.resolve(null),
          ]);
          return {
            text,
            confidence: meanWordConfidence(tsv),
            wordCount: text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]{2}/u.test(w)).length,
            pdf: pdfBytes,
          };
        }),
      );
    },
    async detectOrientation(image: Buffer, dpi = 150): Promise<OrientationGuess | null> {
      ensureReady();
      if (!probeNativeTesseract('osd', binary).languages.includes('osd')) return null; // callers fall back to OCR trials
      return slot(() =>
        withImage(image, async (input) => {
          try {
            const { code, stdout } = await runTesseract([input, 'stdout', '-l', 'osd', '--psm', '0', '--dpi', String(Math.round(dpi) || 150)]);
            return code === 0 ? parseOsd(stdout) : null; // "Too few characters": nothing to tell
          } catch {
            return null; // OSD is an optimisation, as with tesseract.js
          }
        }),
      );
    },
    async terminate() {
      terminated = true;
      for (const child of children) child.kill('SIGKILL');
      for (const waiter of waiting.splice(0)) waiter.reject(terminatedError());
      const dir = scratch;
      scratch = null;
      checked = false;
      // give the killed processes their 'close' so no write lands in a removed folder
      await new Promise((resolve) => setImmediate(resolve));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Mean confidence of the word rows (level 5) of a tesseract TSV, as tesseract's MeanTextConf; 0 without words. */
export function meanWordConfidence(tsv: string): number {
  let sum = 0;
  let count = 0;
  for (const line of tsv.split('\n')) {
    if (!line.startsWith('5\t')) continue;
    const cols = line.split('\t');
    const conf = Number(cols[10]);
    if (!Number.isFinite(conf) || conf < 0 || !(cols[11] ?? '').trim()) continue;
    sum += conf;
    count++;
  }
  return count ? sum / count : 0;
}

/** `Rotate: N` is the clockwise turn making the text upright (tesseract.js' orientation_degrees). */
export function parseOsd(stdout: string): OrientationGuess | null {
  const rotate = Number(/^Rotate:\s*(\d+)/m.exec(stdout)?.[1]);
  const confidence = Number(/^Orientation confidence:\s*([\d.]+)/m.exec(stdout)?.[1] ?? 0);
  if (rotate !== 0 && rotate !== 90 && rotate !== 180 && rotate !== 270) return null;
  return { degrees: rotate, confidence };
}

function imageExtension(image: Buffer): string {
  if (image[0] === 0x50 && image[1] >= 0x31 && image[1] <= 0x36) return 'pnm'; // P1..P6
  if (image[0] === 0x89 && image[1] === 0x50) return 'png';
  if (image[0] === 0xff && image[1] === 0xd8) return 'jpg';
  if ((image[0] === 0x49 && image[1] === 0x49) || (image[0] === 0x4d && image[1] === 0x4d)) return 'tif';
  return 'img'; // leptonica sniffs the content, the name is for people
}
