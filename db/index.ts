import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { stackKeyOfColumns } from './stack-key';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * The database file under DATA_DIR, read the way lib/env.ts reads it (default `data`, blank means the default).
 * The database is the bottom layer and reads its one setting itself, so db/ imports nothing of lib/
 * (index.test.ts keeps the two reads equal).
 */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(env.DATA_DIR || 'data'), 'studio.db');
}

/** Applies the pending migrations, with the SQL functions data migrations call (0006's stack_key). */
export function migrateDatabase(sqlite: Database.Database, folder = migrationsFolder): void {
  sqlite.function('stack_key', { deterministic: true, varargs: true }, stackKeyOfColumns);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
}

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrateDatabase(sqlite);
  return drizzle(sqlite, { schema });
}

// Opened lazily: `next build` on a fresh clone must not need a data directory.
const holder = globalThis as typeof globalThis & { __wanStudioDb?: Db };

export function getDb(): Db {
  holder.__wanStudioDb ??= openDatabase(databaseFile());
  return holder.__wanStudioDb;
}

/**
 * Statements compiled once per database and reused: SQLite's prepare (and Drizzle's query building) is the
 * largest cost of the hot read paths (every long poll asks for its session, team and clip states).
 */
export function preparedFor<T>(build: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = build(db)));
    return statements;
  };
}
