import type { Kysely } from 'kysely';

// Incomplete requests (CRPA L114-5) and transfers to the competent entity (L114-2).
export async function up(db: Kysely<any>): Promise<void> {
  for (const name of [
    'incomplete_requested_on',
    'incomplete_missing_items', // JSON array of French labels
    'incomplete_time_limit', // delay syntax: 15d, 1m
    'completed_on',
    'first_received_on', // receipt by the first administration, for a transferred request
    'transferred_from',
    'transferred_to_chrono',
  ]) {
    await db.schema.alterTable('registry_mail_item').addColumn(name, 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['incomplete_requested_on', 'incomplete_missing_items', 'incomplete_time_limit', 'completed_on', 'first_received_on', 'transferred_from', 'transferred_to_chrono']) {
    await db.schema.alterTable('registry_mail_item').dropColumn(name).execute();
  }
}
