// Main-thread handle on a PDF opened by pdfjs in pdf-worker.mjs (see there why a
// separate, loader-free thread). One reader per document; close() ends the thread.

import { Worker } from 'node:worker_threads';
import { OctoError } from '../../platform/errors.ts';
import type { GrayRaster } from './raster.ts';
import type { Run } from './pdf-text.ts';
import type { Matrix } from './affine.ts';

export interface RenderedPage {
  raster: GrayRaster;
  /** PDF user space → raster pixels (y down), from pdfjs' viewport. */
  transform: Matrix;
}

export interface PageRuns {
  runs: Run[];
  widthPt: number;
  heightPt: number;
}

export class PdfReader {
  private nextId = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  private constructor(
    private readonly worker: Worker,
    public numPages = 0,
  ) {
    worker.on('message', ({ id, result, error }) => {
      const call = this.pending.get(id);
      this.pending.delete(id);
      if (error) call?.reject(error);
      else call?.resolve(result);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('pdf worker exited')));
  }

  static async open(bytes: Buffer): Promise<PdfReader> {
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      execArgv: [], // no tsx hooks in this thread: that is the point
      resourceLimits: { maxOldGenerationSizeMb: 512 }, // a hostile PDF must not take the process down
    });
    const reader = new PdfReader(worker);
    try {
      // a copy: pdfjs detaches the buffer it is given
      const { numPages } = (await reader.call('open', { bytes: new Uint8Array(bytes) })) as { numPages: number };
      if (numPages < 1) throw new OctoError('CAPTURE_PDF_NO_PAGES', 'PDF has no pages');
      reader.numPages = numPages;
      return reader;
    } catch (error) {
      await reader.close();
      if (error instanceof OctoError) throw error;
      if ((error as Error)?.name === 'PasswordException') throw new OctoError('CAPTURE_PDF_ENCRYPTED', 'PDF needs a password');
      throw new OctoError('CAPTURE_PDF_CORRUPT', `pdfjs cannot open the PDF: ${(error as Error)?.message}`);
    }
  }

  async pageRuns(index: number): Promise<PageRuns> {
    return (await this.call('text', { index }).catch((error) => this.corrupt(index, error))) as PageRuns;
  }

  async render(index: number, maxPixels: number): Promise<RenderedPage> {
    const r = (await this.call('render', { index, maxPixels }).catch((error) => this.corrupt(index, error))) as {
      width: number;
      height: number;
      dpi: number;
      transform: Matrix;
      data: Uint8Array;
    };
    const data = Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
    return { raster: { width: r.width, height: r.height, dpi: r.dpi, data }, transform: r.transform };
  }

  async close(): Promise<void> {
    await this.call('close', {}).catch(() => {});
    await this.worker.terminate();
  }

  private corrupt(index: number, error: unknown): never {
    throw new OctoError('CAPTURE_PDF_CORRUPT', `Cannot read page ${index + 1}: ${(error as Error)?.message}`, { page: index });
  }

  private call(type: string, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, payload });
    });
  }

  private failAll(error: unknown): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}
