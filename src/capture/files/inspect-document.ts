// Fast checks a document must pass before it is accepted (no OCR): can it be opened, how many
// pages, which have text, and is it safe to render. PDFs are probed in a worker thread that is
// killed on timeout (pdf-probe-pool.ts); images are read with sharp under a pixel limit, so a
// decompression bomb is refused from its header and never decoded.

import sharp, { type Metadata } from 'sharp';
import { OctoError } from '../../platform/errors.ts';
import { probePdfIsolated } from './pdf-probe-pool.ts';

export interface InspectLimits {
  /** Pixels of one page (image) or one page rendered at 300 dpi (PDF, warning only). */
  maxPixelsPerPage: number;
  maxPages: number;
  /** Wall-clock budget of the PDF probe; the worker is terminated past it. */
  timeoutMs: number;
}
export interface DocumentInspection {
  kind: 'pdf' | 'tiff' | 'jpeg' | 'png';
  pageCount: number;
  pagesWithText: number;
  /** French, for the agent. */
  warnings: string[];
}

export const DEFAULT_INSPECT_LIMITS: InspectLimits = { maxPixelsPerPage: 40e6, maxPages: 500, timeoutMs: 60_000 };

const CHECK_DECODE_SIZE = 256; // decode at thumbnail size: enough to hit a truncation, cheap
const LOW_DPI = 150;

export async function inspectDocument(
  bytes: Buffer,
  kind: DocumentInspection['kind'],
  limits: Partial<InspectLimits> = {},
): Promise<DocumentInspection> {
  const effective: InspectLimits = { ...DEFAULT_INSPECT_LIMITS, ...limits };
  if (kind === 'pdf') {
    const { maxPixelsPerPage, maxPages, timeoutMs } = effective;
    return { kind, ...(await probePdfIsolated(bytes, { maxPixelsPerPage, maxPages }, timeoutMs)) };
  }
  return { kind, ...(await inspectImage(bytes, kind, effective)) };
}

type ImageKind = Exclude<DocumentInspection['kind'], 'pdf'>;

async function inspectImage(bytes: Buffer, kind: ImageKind, limits: InspectLimits): Promise<Omit<DocumentInspection, 'kind'>> {
  const label = { tiff: 'TIFF', jpeg: 'JPEG', png: 'PNG' }[kind];
  const warnings: string[] = [];
  let metadata: Metadata;
  try {
    // Header only, nothing decoded: the pixel limit is lifted here so we can measure, then refuse.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw imageCorrupt(`en-tête ${label} illisible`, error);
  }
  if (metadata.format !== (kind === 'tiff' ? 'tiff' : kind)) {
    throw imageCorrupt(`le contenu n’est pas une image ${label} lisible (format lu : ${metadata.format ?? 'inconnu'})`);
  }
  const pageCount = kind === 'tiff' ? Math.max(1, metadata.pages ?? 1) : 1;
  if (pageCount > limits.maxPages) {
    throw new OctoError('CAPTURE_TOO_MANY_PAGES', `${pageCount} pages`, {
      detailFr: `L’image TIFF compte ${pageCount} pages, la limite est de ${limits.maxPages}.`,
    });
  }

  for (let page = 0; page < pageCount; page++) {
    const pageMeta = page === 0 ? metadata : await sharp(bytes, { page, limitInputPixels: false }).metadata().catch((e) => {
      throw imageCorrupt(`page ${page + 1} illisible`, e);
    });
    const width = pageMeta.width ?? 0;
    const height = pageMeta.height ?? 0;
    const where = pageCount > 1 ? `Page ${page + 1} : ` : '';
    if (!width || !height) throw imageCorrupt(`${where}dimensions absentes`);
    if (width * height > limits.maxPixelsPerPage) {
      throw new OctoError('CAPTURE_IMAGE_TOO_LARGE', `${width}x${height}`, {
        detailFr: `${where}${width} × ${height} pixels (${Math.round((width * height) / 1e6)} mégapixels), limite ${Math.round(limits.maxPixelsPerPage / 1e6)} mégapixels.`,
        width,
        height,
      });
    }
    try {
      // A real decode (at thumbnail size) is the only way to notice truncated pixel data.
      await sharp(bytes, { page, limitInputPixels: limits.maxPixelsPerPage, failOn: 'warning', sequentialRead: true })
        .resize(CHECK_DECODE_SIZE, CHECK_DECODE_SIZE, { fit: 'inside' })
        .raw()
        .toBuffer();
    } catch (error) {
      throw imageCorrupt(`${where}${describeSharpError(error)}`, error);
    }
    if (page === 0 && pageMeta.density && pageMeta.density < LOW_DPI && Math.min(width, height) < 1500) {
      warnings.push(`Résolution faible (${Math.round(pageMeta.density)} ppp) : la reconnaissance du texte risque d’être médiocre.`);
    }
  }
  return { pageCount, pagesWithText: 0, warnings };
}

function imageCorrupt(detail: string, error?: unknown): OctoError {
  return new OctoError('CAPTURE_IMAGE_CORRUPT', error instanceof Error ? error.message : detail, {
    detailFr: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`,
  });
}

function describeSharpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/premature end|truncated|read error|unexpected end|seek/i.test(message)) return 'données de l’image tronquées';
  if (/pixel limit/i.test(message)) return 'image démesurée';
  return `décodage impossible (${message.split('\n')[0]!.slice(0, 120)})`;
}
