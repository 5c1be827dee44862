import type { Migration } from 'kysely';
import * as documents from './202612031030_capture_documents.ts';

export const captureMigrations: Record<string, Migration> = {
  '202612031030_capture_documents': documents,
};
