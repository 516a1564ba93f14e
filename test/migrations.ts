import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrateDatabase, migrationsFolder } from '@/db/index';

/** Applies the migrations before `tag` only: the database as a studio on the previous release has it. */
export function migrateBefore(sqlite: Database.Database, tag: string): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-migrations-'));
  try {
    fs.mkdirSync(path.join(folder, 'meta'));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const until = journal.entries.findIndex((entry) => entry.tag === tag);
    if (until < 0) throw new Error(`No migration ${tag}`);
    const older = journal.entries.slice(0, until);
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: older }));
    for (const entry of older) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    migrateDatabase(sqlite, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
