import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, teamRef, users } from './accounts';

/** Named studio setups a member keeps for themselves or shares with their team. */

export const presetKinds = ['setup', 'negative'] as const;

export const presets = sqliteTable(
  'presets',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    /** Who saved it; a personal preset is visible to this member only. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A whole setup of the form, or only a negative prompt. */
    kind: text('kind', { enum: presetKinds }).notNull(),
    name: text('name').notNull(),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    /** The values as saved; read back through lib/presets (a value the schema no longer takes is replaced on apply). */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('presets_personal_name_idx').on(t.teamId, t.userId, t.kind, t.name).where(sql`shared = 0`),
    uniqueIndex('presets_shared_name_idx').on(t.teamId, t.kind, t.name).where(sql`shared = 1`),
    index('presets_team_shared_idx').on(t.teamId, t.shared),
  ],
);

export type Preset = typeof presets.$inferSelect;
export type PresetKind = (typeof presetKinds)[number];
