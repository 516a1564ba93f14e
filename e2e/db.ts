import path from 'node:path';
import Database from 'better-sqlite3';
import { E2E } from './env';

export type GenerationRow = {
  id: string;
  state: string;
  task_id: string | null;
  callback_secret: string | null;
  poll_count: number;
  updated_at: number | null;
  archive_sha256: string | null;
};

/** Reads the e2e studio's database directly: what the server stored, not what a page shows. */
export function readGeneration(id: string): GenerationRow | undefined {
  const db = new Database(path.join(E2E.dir, 'data', 'studio.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select id, state, task_id, callback_secret, poll_count, updated_at, archive_sha256 from generations where id = ?')
      .get(id) as GenerationRow | undefined;
  } finally {
    db.close();
  }
}

export function countOpenGenerations(): number {
  const db = new Database(path.join(E2E.dir, 'data', 'studio.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select count(*) as n from generations where state in ('queued','sending','pending','processing')").get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
