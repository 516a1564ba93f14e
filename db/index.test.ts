import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvForTests } from '@/lib/env';
import { migrateBefore } from '@/test/migrations';
import { databaseFile, migrateDatabase, openDatabase } from './index';
import * as schema from './schema';
import { stackKeyOf } from './stack-key';
import { requestDefaults } from '@/lib/generation/schema';

const { generations, images, memberships, teams } = schema;
let dir = '';
let sqlite: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-db-'));
  sqlite = new Database(path.join(dir, 'studio.db'));
});
afterEach(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Rows as the previous release left them: stack keys never computed (0002) or cleared (0004). */
function oldRows(db: ReturnType<typeof drizzle<typeof schema>>) {
  // Raw SQL: the schema of today names columns (users.theme) that the release before the backfill did not have.
  db.$client.prepare("INSERT INTO users (id, email, name, password_hash) VALUES ('u', 'u@example.test', 'U', 'x')").run();
  db.insert(teams).values({ id: 't', name: 'T', personal: true }).run();
  db.insert(memberships).values({ teamId: 't', userId: 'u', role: 'owner' }).run();
  const image = (id: string, sha256: string) => ({ id, teamId: 't', userId: 'u', fileName: `${id}.png`, format: 'png' as const, width: 8, height: 8, bytes: 1, sha256 });
  db.insert(images).values([image('i1', 'a'.repeat(64)), image('i2', 'a'.repeat(64)), image('i3', 'b'.repeat(64))]).run();
  const clip = (id: string, values: Partial<schema.NewGeneration> = {}): schema.NewGeneration => ({
    id,
    teamId: 't',
    userId: 'u',
    ...requestDefaults,
    prompt: 'lanterns',
    seed: Number(id.slice(1)),
    state: 'success',
    stackKey: '',
    ...values,
  });
  // Today's schema writes columns (model: 0011, the sound track: 0012, the batch: 0013, the chain: 0014, a tagged copy's source: 0016) that the release before had not: stand-ins for the insert only.
  db.$client.exec("ALTER TABLE generations ADD model text DEFAULT 'wan-2-5' NOT NULL; ALTER TABLE generations ADD audio_urls text; ALTER TABLE generations ADD audio_id text; ALTER TABLE generations ADD batch_id text; ALTER TABLE generations ADD batch_row integer; ALTER TABLE generations ADD chain_id text; ALTER TABLE generations ADD chain_position integer; ALTER TABLE generations ADD last_frame_id text; ALTER TABLE generations ADD source_sha256 text");
  db.insert(generations)
    .values([
      clip('g1'),
      clip('g2', { negativePrompt: 'blur', enablePromptExpansion: false }),
      clip('g3', { sweepId: 'sweep-1' }),
      clip('g4', { mode: 'image-to-video', imageId: 'i1', imageUrls: ['https://x.test/1.png'] }),
      clip('g5', { mode: 'image-to-video', imageId: 'i2', imageUrls: ['https://x.test/2.png'] }),
      clip('g6', { mode: 'image-to-video', imageId: 'i3', imageUrls: ['https://x.test/3.png'] }),
      clip('g7', { mode: 'image-to-video', imageUrls: ['https://x.test/pasted.png'] }),
      clip('g8', { stackKey: 'recipe:kept' }),
    ])
    .run();
  db.$client.exec('ALTER TABLE generations DROP COLUMN model; ALTER TABLE generations DROP COLUMN audio_urls; ALTER TABLE generations DROP COLUMN audio_id; ALTER TABLE generations DROP COLUMN batch_id; ALTER TABLE generations DROP COLUMN batch_row; ALTER TABLE generations DROP COLUMN chain_id; ALTER TABLE generations DROP COLUMN chain_position; ALTER TABLE generations DROP COLUMN last_frame_id; ALTER TABLE generations DROP COLUMN source_sha256');
}

describe('an upgraded database', () => {
  it('gets every missing stack key from the 0006 migration, as inserts compute them', () => {
    const db = drizzle(sqlite, { schema });
    migrateBefore(sqlite, '0006_backfill_stack_keys');
    oldRows(db);
    migrateDatabase(sqlite);

    const rows = db.select({ row: generations, sha256: images.sha256 }).from(generations).leftJoin(images, eq(images.id, generations.imageId)).orderBy(generations.id).all();
    const keys = Object.fromEntries(rows.map(({ row }) => [row.id, row.stackKey]));
    for (const { row, sha256 } of rows.filter(({ row }) => row.id !== 'g8')) expect(row.stackKey).toBe(stackKeyOf(row, sha256 ?? undefined));
    // A sweep's clip joins the stack of the same recipe made alone.
    expect(keys.g3).toBe(keys.g1);
    // The same picture uploaded twice is one stack; another picture is another.
    expect(keys.g5).toBe(keys.g4);
    expect(keys.g6).not.toBe(keys.g4);
    expect(new Set([keys.g1, keys.g2, keys.g4, keys.g7]).size).toBe(4);
    expect(keys.g8).toBe('recipe:kept');
  });

  it('keys a stack by its model too, and keeps every key made before there were two models', () => {
    const recipe = { ...requestDefaults, prompt: 'lanterns' };
    expect(stackKeyOf({ ...recipe, model: 'wan-2-5' })).toBe(stackKeyOf(recipe));
    expect(stackKeyOf({ ...recipe, model: 'wan-2-5-video' })).not.toBe(stackKeyOf(recipe));
    // The key of that recipe as the release before models computed it (0006, 0010): sha256 of its fields, no model.
    expect(stackKeyOf(recipe)).toBe('recipe:EzDCi1xytiENNE5BK7u3Af');
  });

  it('never stacks clips with different sound tracks, the track counted by its bytes', () => {
    const recipe = { ...requestDefaults, model: 'wan-2-5-video' as const, prompt: 'lanterns' };
    const withTrack = stackKeyOf({ ...recipe, audioId: 't1' }, undefined, 'c'.repeat(64));
    expect(withTrack).not.toBe(stackKeyOf(recipe));
    expect(stackKeyOf({ ...recipe, audioId: 't2' }, undefined, 'c'.repeat(64))).toBe(withTrack);
    expect(stackKeyOf({ ...recipe, audioId: 't3' }, undefined, 'd'.repeat(64))).not.toBe(withTrack);
    expect(stackKeyOf({ ...recipe, audioId: null, audioUrls: null })).toBe(stackKeyOf(recipe));
  });

  it('moves the sweeps of a studio on the previous release into the stacks of their recipes (0010)', () => {
    const db = drizzle(sqlite, { schema });
    migrateBefore(sqlite, '0010_restack_sweeps');
    oldRows(db);
    // As that release keyed them: a sweep was a stack of its own.
    db.update(generations).set({ stackKey: 'sweep:sweep-1' }).where(eq(generations.id, 'g3')).run();
    db.update(generations).set({ stackKey: stackKeyOf({ ...requestDefaults, prompt: 'lanterns' }) }).where(eq(generations.id, 'g1')).run();
    migrateDatabase(sqlite);

    const keys = Object.fromEntries(db.select().from(generations).all().map((row) => [row.id, row.stackKey]));
    expect(keys.g3).toBe(keys.g1);
    expect(keys.g3).toMatch(/^recipe:/);
    // Rows that were not in a sweep keep their keys.
    expect(keys.g8).toBe('recipe:kept');
    expect(keys.g2).toBe('');
  });

  it('runs the backfill once: later starts apply no migration and leave the keys alone', () => {
    const file = path.join(dir, 'again.db');
    openDatabase(file).$client.close();
    const reopened = openDatabase(file);
    try {
      const applied = reopened.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
      const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(applied.n).toBe(journal.entries.length);
    } finally {
      reopened.$client.close();
    }
  });
});

describe('databaseFile', () => {
  const saved = process.env.DATA_DIR;
  afterEach(() => {
    process.env.DATA_DIR = saved;
    resetEnvForTests();
  });

  it.each([undefined, '', 'relative/data', '/srv/wan-data'])('lies in the data directory lib/env reads (DATA_DIR=%s)', (value) => {
    if (value === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = value;
    resetEnvForTests();
    expect(databaseFile()).toBe(path.join(getEnv().dataDir, 'studio.db'));
  });
});
