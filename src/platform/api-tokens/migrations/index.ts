import type { Migration } from 'kysely';
import * as apiTokens from './202612031700_platform_api_tokens.ts';

export const apiTokenMigrations: Record<string, Migration> = {
  '202612031700_platform_api_tokens': apiTokens,
};
