import type { Migration } from 'kysely';
import * as documents from './202612031030_capture_documents.ts';
import * as quarantineSha256 from './202612032000_capture_quarantine_sha256.ts';
import * as scanBatch from '../scanner/migrations/202612031800_capture_scan_batch.ts';

export const captureMigrations: Record<string, Migration> = {
  '202612031030_capture_documents': documents,
  '202612031800_capture_scan_batch': scanBatch,
  '202612032000_capture_quarantine_sha256': quarantineSha256,
};
