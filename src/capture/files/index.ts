export { sniffFile } from './sniff-file.ts';
export type { FileKind, SniffedFile } from './sniff-file.ts';
export { inspectDocument, DEFAULT_INSPECT_LIMITS } from './inspect-document.ts';
export type { DocumentInspection, InspectLimits } from './inspect-document.ts';
export { frenchTypeLabel } from './file-labels.ts';
export { stopWorker as stopPdfProbeWorker } from './pdf-probe-pool.ts';
