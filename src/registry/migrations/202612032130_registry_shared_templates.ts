import type { Kysely } from 'kysely';

// An entity may share its acknowledgement texts with the other entities of the platform, which
// see them and copy them into their own; only the owner edits the shared text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registry_ack_template').addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registry_ack_template').dropColumn('shared').execute();
}
