import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, teamRef, users } from './accounts';
import { chains, generations } from './generations';

/** What a team does with its clips after they exist: tags, saved gallery views and public share links. */

/** Free tags on clips; the team id is copied so a tag filter never leaves the team's rows. */
export const generationTags = sqliteTable(
  'generation_tags',
  {
    generationId: text('generation_id')
      .notNull()
      .references(() => generations.id, { onDelete: 'cascade' }),
    teamId: teamRef(),
    tag: text('tag').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.generationId, t.tag] }), index('generation_tags_team_tag_idx').on(t.teamId, t.tag, t.generationId)],
);

/** A named gallery search + filters, saved by one member in one team. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The gallery URL's query string, normalised by lib/gallery/schemas. */
    query: text('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_owner_name_idx').on(t.teamId, t.userId, t.name)],
);

/** A public link to one clip or one sweep: /s/<token>, until revoked. */
export const shares = sqliteTable(
  'shares',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    /** 256 random bits, base64url; it is the capability, so it is compared as a whole, never listed publicly. */
    token: text('token').notNull().unique(),
    generationId: text('generation_id').references(() => generations.id, { onDelete: 'cascade' }),
    sweepId: text('sweep_id'),
    /** A chain's render (lib/chains), shown as one video. */
    chainId: text('chain_id').references(() => chains.id, { onDelete: 'cascade' }),
    /** Whether the page shows the prompt and parameters, or only the video. */
    showRecipe: integer('show_recipe', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('shares_team_generation_idx').on(t.teamId, t.generationId), index('shares_team_sweep_idx').on(t.teamId, t.sweepId), index('shares_team_chain_idx').on(t.teamId, t.chainId)],
);

export type SavedView = typeof savedViews.$inferSelect;
export type Share = typeof shares.$inferSelect;
