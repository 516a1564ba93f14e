import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getEnv } from '@/lib/env';
import * as schema from './schema';
import { stackKeyOf } from './stack-key';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  backfillStackKeys(db);
  return db;
}

// Opened lazily: `next build` on a fresh clone must not need a data directory.
const holder = globalThis as typeof globalThis & { __wanStudioDb?: Db };

export function getDb(): Db {
  holder.__wanStudioDb ??= openDatabase(path.join(getEnv().dataDir, 'studio.db'));
  return holder.__wanStudioDb;
}

/** Rows made before stacks existed get their key once, at the first start after the upgrade. */
function backfillStackKeys(db: Db) {
  const { generations, images } = schema;
  for (;;) {
    const rows = db
      .select({ row: generations, imageSha256: images.sha256 })
      .from(generations)
      .leftJoin(images, eq(images.id, generations.imageId))
      .where(eq(generations.stackKey, ''))
      .limit(500)
      .all();
    if (rows.length === 0) return;
    db.transaction((tx) => {
      for (const { row, imageSha256 } of rows) tx.update(generations).set({ stackKey: stackKeyOf(row, imageSha256 ?? undefined) }).where(eq(generations.id, row.id)).run();
    });
  }
}
