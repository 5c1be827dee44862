// Tables of batch scans and hot folders (capture capability, capture_scan_* prefix).

export type ScanBatchSource = 'cli' | 'api' | 'web' | 'hot-folder';
export type ScanBatchStatus = 'in_progress' | 'done' | 'refused';

export interface CaptureScanBatchTable {
  id: string;
  entity_id: string;
  source: ScanBatchSource;
  /** Hot folder: the file's path relative to the root (with the sha256, what a restart recognises). */
  source_path: string | null;
  filename: string;
  sha256: string;
  size_bytes: number;
  /** 1 when cut on separator sheets, 0 when the file is one item. */
  split: number;
  status: ScanBatchStatus;
  /** JSON: pages, separators and blanks found (BatchSummary). */
  summary: string;
  created_at: string;
  finished_at: string | null;
}

export interface CaptureScanSegmentTable {
  batch_id: string;
  position: number;
  entity_id: string;
  mail_item_id: string | null;
  quarantine_id: string | null;
  /** JSON array of the batch's 1-based page numbers the item took. */
  pages: string;
  service_code: string | null;
  assigned_at: string | null;
  stamp: number;
  stamped_at: string | null;
  created_at: string;
}

export interface ScannerTables {
  capture_scan_batch: CaptureScanBatchTable;
  capture_scan_segment: CaptureScanSegmentTable;
}
