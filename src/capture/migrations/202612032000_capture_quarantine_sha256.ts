import type { Kysely } from 'kysely';

// Every document download asks whether its bytes were found infected (antivirus): by sha256.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('capture_quarantine_sha256').on('capture_quarantine').columns(['sha256', 'code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('capture_quarantine_sha256').execute();
}
