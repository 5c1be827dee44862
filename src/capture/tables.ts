export type DocumentKind = 'pdf' | 'tiff' | 'jpeg' | 'png' | 'eml' | 'text';
export type DocumentRole = 'main' | 'attachment' | 'email-body';
export type DocumentStatus = 'pending' | 'processing' | 'done' | 'failed' | 'quarantined';
export type TextSource = 'text-layer' | 'ocr' | 'mixed' | 'email';

export interface CaptureDocumentTable {
  id: string;
  entity_id: string;
  mail_item_id: string;
  position: number;
  role: DocumentRole;
  filename: string;
  mime: string;
  kind: DocumentKind;
  size_bytes: number;
  sha256: string;
  searchable_sha256: string | null;
  page_count: number;
  status: DocumentStatus;
  text_source: TextSource | null;
  ocr_confidence: number | null;
  quarantine_code: string | null;
  created_at: string;
  processed_at: string | null;
}

export interface CapturePageTable {
  document_id: string;
  page_index: number;
  text: string;
  source: 'text-layer' | 'ocr' | 'email';
  confidence: number | null;
  rotation: number;
  skew_degrees: number;
}

export type QuarantineStatus = 'open' | 'dismissed' | 'released';

export interface CaptureQuarantineTable {
  id: string;
  entity_id: string;
  channel: string;
  filename: string;
  size_bytes: number;
  sha256: string | null;
  code: string;
  message: string; // French, for the agent
  details: string; // JSON
  status: QuarantineStatus;
  mail_item_id: string | null;
  document_id: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution_note: string | null;
}

export interface CaptureTables {
  capture_document: CaptureDocumentTable;
  capture_page: CapturePageTable;
  capture_quarantine: CaptureQuarantineTable;
}
