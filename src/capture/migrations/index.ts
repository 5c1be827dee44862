import type { Migration } from 'kysely';
import * as documents from './202612031030_capture_documents.ts';
import * as scanBatch from '../scanner/migrations/202612031800_capture_scan_batch.ts';

export const captureMigrations: Record<string, Migration> = {
  '202612031030_capture_documents': documents,
  '202612031800_capture_scan_batch': scanBatch,
};
