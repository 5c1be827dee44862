import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { captureMigrations } from '../../capture/migrations/index.ts';
import { mailboxMigrations } from '../../capture/mailboxes/migrations/index.ts';
import { indexingMigrations } from '../../indexing/migrations/index.ts';
import { registryMigrations } from '../../registry/migrations/index.ts';
import { platformMigrations } from '../migrations/index.ts';
import { apiTokenMigrations } from '../api-tokens/migrations/index.ts';
import { webhookMigrations } from '../../registry/webhooks/migrations/index.ts';
import { mailMigrations } from '../mail/migrations/index.ts';
import { publicFormMigrations } from '../../capture/public-form/migrations/index.ts';
import type { OctoDb } from './schema.ts';

// Each capability owns its migrations; names start with a timestamp so the order is global.
class CapabilityMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...platformMigrations, ...registryMigrations, ...captureMigrations, ...indexingMigrations, ...mailboxMigrations, ...apiTokenMigrations, ...webhookMigrations, ...mailMigrations, ...publicFormMigrations };
  }
}

export async function migrateToLatest(db: Kysely<OctoDb>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new CapabilityMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
