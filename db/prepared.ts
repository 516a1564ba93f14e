import 'server-only';
import { getDb, type Db } from './index';

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
