import type { Migration } from 'kysely';
import * as field from './202612031040_indexing_field.ts';
import * as routing from './202612031900_indexing_routing.ts';

export const indexingMigrations: Record<string, Migration> = {
  '202612031040_indexing_field': field,
  '202612031900_indexing_routing': routing,
};
