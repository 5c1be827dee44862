import type { Kysely } from 'kysely';

// Transfer to an administration outside the platform (CRPA L114-2): the item leaves as a file
// package (ZIP) kept in the blob store, and is closed as « transmis hors plateforme ».
const COLUMNS = ['transferred_out_at', 'transferred_out_to', 'transferred_out_reason', 'export_sha256', 'export_filename'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of COLUMNS) await db.schema.alterTable('registry_mail_item').addColumn(name, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of COLUMNS) await db.schema.alterTable('registry_mail_item').dropColumn(name).execute();
}
