// Public surface of OCR and text extraction (capture capability).
export { createOcrPool, resolveOcrEngine, type OcrEngine, type OcrPool, type OcrPoolOptions, type OcrResult, type RecognizeOptions } from './ocr-pool.ts';
export { createNativeOcrPool, probeNativeTesseract, type NativeTesseractProbe } from './native-ocr-pool.ts';
export {
  processDocument,
  DEFAULT_MAX_PIXELS_PER_PAGE,
  type PageText,
  type ProcessableKind,
  type ProcessedDocument,
  type ProcessOptions,
} from './process-document.ts';
export type { TessdataVariant } from './tessdata.ts';
