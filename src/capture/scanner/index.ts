// Batch scans, separator sheets and hot folders (part of capture's public surface).
export { ingestScanBatch, type BatchItemResult, type BatchOptions, type BatchResult } from './batch-split.service.ts';
export { makeSeparatorSheet, type SeparatorSheetInput } from './separator-sheet.ts';
export { formatSeparatorCode, parseSeparatorCode, type SeparatorCode } from './separator-code.ts';
export { startConfiguredHotFolder, startHotFolder, isTemporaryName, type HotFolder, type HotFolderOptions } from './hot-folder.ts';
