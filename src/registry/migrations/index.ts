import type { Migration } from 'kysely';
import * as core from './202612031010_registry_core.ts';
import * as search from './202612031020_registry_search.ts';
import * as handling from './202612031300_registry_handling.ts';

export const registryMigrations: Record<string, Migration> = {
  '202612031010_registry_core': core,
  '202612031020_registry_search': search,
  '202612031300_registry_handling': handling,
};
