import type { Migration } from 'kysely';
import * as field from './202612031040_indexing_field.ts';

export const indexingMigrations: Record<string, Migration> = {
  '202612031040_indexing_field': field,
};
