/**
 * Types of the REST API contract (/api). The lead may replace them with the
 * server's zod schemas (src/<capability>/*.schemas.ts) once they are shared.
 */
/** An address of an e-mail header, as the server gives it. */
export interface EmailAddress {
  name?: string;
  address: string;
}

export type Channel = 'scan' | 'upload' | 'email' | 'api' | 'form' | 'transfer';
export type Status = 'registered' | 'processing' | 'indexed' | 'needs_review' | 'quarantined';
export type Direction = 'incoming' | 'outgoing' | 'internal';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface Service {
  code: string;
  name: string;
}

export interface Entity {
  code: string;
  name: string;
  shortName: string;
  services: Service[];
  /** The signed-in agent's roles in this entity (empty: none of its mail is visible). */
  myRoles: string[];
}

export interface MailItemSummary {
  id: string;
  chrono: string;
  entityCode: string;
  direction: Direction;
  channel: Channel;
  status: Status;
  receivedAt: string;
  senderName: string | null;
  senderAddress: string | null;
  subject: string | null;
  letterDate: string | null;
  pageCount: number;
  documentCount: number;
}

export type DocumentKind = 'pdf' | 'tiff' | 'jpeg' | 'png' | 'eml' | 'text';
export type DocumentStatus = 'pending' | 'processing' | 'done' | 'failed' | 'quarantined';
export type TextSource = 'text-layer' | 'ocr' | 'mixed' | 'email';

export interface DocumentView {
  id: string;
  position: number;
  role: 'main' | 'attachment' | 'email-body';
  filename: string;
  mime: string;
  kind: DocumentKind;
  sizeBytes: number;
  sha256: string;
  pageCount: number;
  status: DocumentStatus;
  textSource: TextSource | null;
  ocrConfidence: number | null;
  hasSearchablePdf: boolean;
  quarantineReason: string | null;
}

export type FieldName =
  | 'letter_date'
  | 'other_date'
  | 'subject'
  | 'reference'
  | 'email'
  | 'phone'
  | 'postal_code_city'
  | 'sender';

export interface ExtractedField {
  name: FieldName;
  value: string;
  normalized: string | null;
  /** 0..1 */
  confidence: number;
  /** 0-based index of the page in the document, null for e-mail headers */
  page: number | null;
  excerpt: string;
  details?: Record<string, unknown>;
  documentId: string;
}

export interface MailItemDetail extends MailItemSummary {
  documents: DocumentView[];
  fields: ExtractedField[];
  /** French */
  warnings: string[];
  email?: {
    from?: EmailAddress;
    to?: EmailAddress[];
    cc?: EmailAddress[];
    subject?: string;
    date?: string;
    messageId?: string;
  };
}

export type QuarantineStatus = 'open' | 'dismissed' | 'released';

export interface QuarantineEntry {
  id: string;
  entityCode: string;
  channel: Channel;
  filename: string;
  sizeBytes: number;
  sha256: string | null;
  code: string;
  /** French */
  message: string;
  status: QuarantineStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
  mailItemChrono: string | null;
}


export interface MailItemList {
  items: MailItemSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  item: MailItemSummary;
  score: number;
  snippet: string;
}

export interface SearchResponse {
  results: SearchResult[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DocumentText {
  pages: { index: number; text: string; source: 'text-layer' | 'ocr'; confidence: number | null }[];
}

export interface UploadResult {
  filename: string;
  item?: MailItemSummary;
  quarantine?: QuarantineEntry;
}
