import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { OctoDb } from './schema.ts';

export type Db = Kysely<OctoDb> | Transaction<OctoDb>;
export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<OctoDb>;
  dialect: DialectName;
  /** The raw pg pool on PostgreSQL (pg-boss shares it), null on SQLite. */
  pgPool: pg.Pool | null;
  sqliteFile: string | null;
  close(): Promise<void>;
}

// pg returns BIGINT (COUNT) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

const dialectByDb = new WeakMap<object, DialectName>();

export function openDatabase(config: Config): Database {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    const db = new Kysely<OctoDb>({ dialect: new PostgresDialect({ pool }) });
    dialectByDb.set(db, 'postgres');
    return { db, dialect: 'postgres', pgPool: pool, sqliteFile: null, close: () => db.destroy() };
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'octo.sqlite');
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; busy_timeout lets a CLI and a server share the file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 15000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<OctoDb>({ dialect: new SqliteDialect({ database: sqlite }) });
  dialectByDb.set(db, 'sqlite');
  return { db, dialect: 'sqlite', pgPool: null, sqliteFile: file, close: () => db.destroy() };
}

/** The dialect behind a Kysely instance or one of its transactions. */
export function dialectOf(db: Db): DialectName {
  const direct = dialectByDb.get(db);
  if (direct) return direct;
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
