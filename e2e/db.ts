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

/** The e2e studio's database, writable: for a test to make someone the administrator, as the first account would be. */
export function makeAdministrator(email: string): void {
  const db = new Database(path.join(E2E.dir, 'data', 'studio.db'), { fileMustExist: true });
  try {
    db.prepare('update users set is_admin = 1 where email = ?').run(email);
  } finally {
    db.close();
  }
}

/** When the next archive attempt of a clip is due (epoch ms), or null. */
export function archiveNextAt(id: string): number | null {
  const db = new Database(path.join(E2E.dir, 'data', 'studio.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select archive_next_at as at from generations where id = ?').get(id) as { at: number | null } | undefined)?.at ?? null;
  } finally {
    db.close();
  }
}
