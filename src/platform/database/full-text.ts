import { type RawBuilder, sql } from 'kysely';
import { type Db, dialectOf } from './db.ts';

// The only place where full-text search differs by dialect: SQLite FTS5 (diacritics folded by
// the unicode61 tokenizer) and PostgreSQL tsvector (french stemming + unaccent).

export interface FullTextDocument {
  key: string; // mail item id
  entityId: string;
  chrono: string;
  subject: string;
  sender: string;
  body: string;
}

/**
 * Ligatures are letters of their own to a tokenizer: « œuvre » would not match « oeuvre », typed
 * on any keyboard without an œ key. Indexed text and queries are both spelled out.
 */
export function foldLigatures(text: string): string {
  return text.replace(/[œŒæÆß]/g, (c) => ({ œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' })[c] ?? c);
}

/** Words of a user's query, lowercased; punctuation and operators are dropped, never interpreted. */
export function queryTerms(query: string): string[] {
  return (foldLigatures(query.normalize('NFC')).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

export async function upsertFullTextDocument(db: Db, input: FullTextDocument): Promise<void> {
  const doc = { ...input, subject: foldLigatures(input.subject), sender: foldLigatures(input.sender), body: foldLigatures(input.body) };
  if (dialectOf(db) === 'sqlite') {
    await sql`DELETE FROM registry_search WHERE mail_item_id = ${doc.key}`.execute(db);
    await sql`INSERT INTO registry_search (mail_item_id, entity_id, chrono, subject, sender, body)
              VALUES (${doc.key}, ${doc.entityId}, ${doc.chrono}, ${doc.subject}, ${doc.sender}, ${doc.body})`.execute(db);
    return;
  }
  await sql`INSERT INTO registry_search (mail_item_id, entity_id, chrono, subject, sender, body, document)
            VALUES (${doc.key}, ${doc.entityId}, ${doc.chrono}, ${doc.subject}, ${doc.sender}, ${doc.body},
              setweight(to_tsvector('simple', ${doc.chrono}), 'A') ||
              setweight(to_tsvector('octo_french', ${doc.subject}), 'A') ||
              setweight(to_tsvector('octo_french', ${doc.sender}), 'B') ||
              setweight(to_tsvector('octo_french', ${doc.body}), 'C'))
            ON CONFLICT (mail_item_id) DO UPDATE SET
              chrono = excluded.chrono, subject = excluded.subject, sender = excluded.sender,
              body = excluded.body, document = excluded.document`.execute(db);
}

export interface FullTextMatch {
  /** A SQL fragment that joins against `registry_search` for the given terms. */
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
  score: RawBuilder<number>;
  snippet: RawBuilder<string>;
}

/** Builds the dialect's match: every term must appear, as a word or the start of one. */
export function fullTextMatch(db: Db, terms: string[]): FullTextMatch {
  if (dialectOf(db) === 'sqlite') {
    const expression = terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
    return {
      from: sql`registry_search`,
      where: sql`registry_search MATCH ${expression}`,
      // bm25 is lower for better matches; negate so that higher is better on both dialects.
      score: sql<number>`-bm25(registry_search, 0, 0, 8.0, 10.0, 4.0, 1.0)`,
      snippet: sql<string>`snippet(registry_search, 5, '[[', ']]', '…', 24)`,
    };
  }
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const query = sql`to_tsquery('octo_french', ${tsquery})`;
  return {
    from: sql`registry_search`,
    where: sql`registry_search.document @@ ${query}`,
    score: sql<number>`ts_rank_cd(registry_search.document, ${query}, 32)`,
    snippet: sql<string>`ts_headline('octo_french', registry_search.body, ${query},
      'StartSel=[[, StopSel=]], MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`,
  };
}
