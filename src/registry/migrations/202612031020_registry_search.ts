import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../platform/database/db.ts';

// SQLite: an FTS5 table with diacritics folded. PostgreSQL: a french text-search
// configuration with unaccent, so "prefet" finds "Préfet" on both.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE registry_search USING fts5(
      mail_item_id UNINDEXED, entity_id UNINDEXED, chrono, subject, sender, body,
      tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    return;
  }
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'octo_french') THEN
        CREATE TEXT SEARCH CONFIGURATION octo_french (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION octo_french
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END $$`.execute(db);
  await sql`CREATE TABLE registry_search (
      mail_item_id text PRIMARY KEY REFERENCES registry_mail_item(id),
      entity_id text NOT NULL,
      chrono text NOT NULL,
      subject text NOT NULL,
      sender text NOT NULL,
      body text NOT NULL,
      document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX registry_search_document ON registry_search USING gin (document)`.execute(db);
  await sql`CREATE INDEX registry_search_entity ON registry_search (entity_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE registry_search`.execute(db);
}
