import { sql } from 'drizzle-orm';
import { generationStates } from '../lib/generation/states';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** The instance's administrator (the first account of a fresh instance): instance invites, today's spend. */
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/** What every invite link has: the hash of its token (the token is shown once), its expiry, uses and revocation. */
const inviteLink = () => ({
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  maxUses: integer('max_uses').notNull().default(1),
  uses: integer('uses').notNull().default(0),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** Invites to the studio itself (not to a team), made by the administrator when sign-up is by invite. */
export const instanceInvites = sqliteTable('instance_invites', { id: text('id').primaryKey(), ...inviteLink() });

/** Sign-in and sign-up throttling counters (per account, per address, …), kept across restarts. */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  /** Failures (or attempts, for sign-up) counted since `windowStart`. */
  count: integer('count').notNull().default(0),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  /** No attempt with this key is looked at before then. */
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  personal: integer('personal', { mode: 'boolean' }).notNull().default(false),
  /** Most a single seed sweep may cost, in US cents; null means the studio's default (env). */
  sweepBudgetCents: integer('sweep_budget_cents'),
  /** Most clips one member may start per hour; null means the studio's default (env). */
  hourlyQuota: integer('hourly_quota'),
  /** Most the team may spend per UTC day, in US cents; null means only the instance's limits apply. */
  dailyBudgetCents: integer('daily_budget_cents'),
  createdAt: createdAt(),
});

/** The owning team: every team-scoped row goes when its team goes. */
const teamRef = () =>
  text('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' });

/** Who made it; kept (no cascade) so history outlives a membership. */
const authorRef = () =>
  text('user_id')
    .notNull()
    .references(() => users.id);

export const roles = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const memberships = sqliteTable(
  'memberships',
  {
    teamId: teamRef(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invites = sqliteTable(
  'invites',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    role: text('role', { enum: roles }).notNull(),
    ...inviteLink(),
  },
  (t) => [index('invites_team_idx').on(t.teamId)],
);

/** Start frames for image-to-video: uploaded, or downloaded from a link, and kept for good. */
export const images = sqliteTable(
  'images',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: authorRef(),
    /** File name in our storage; unguessable, it is also the public URL's last segment. */
    fileName: text('file_name').notNull().unique(),
    format: text('format', { enum: ['jpeg', 'png', 'webp'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The link it came from, when pasted rather than uploaded. */
    sourceUrl: text('source_url'),
    createdAt: createdAt(),
  },
  (t) => [index('images_team_idx').on(t.teamId)],
);

export type Image = typeof images.$inferSelect;

export const generations = sqliteTable(
  'generations',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: authorRef(),
    parentId: text('parent_id'),
    /** Set on every clip of one seed sweep. */
    sweepId: text('sweep_id'),
    /** Clips with the same key collapse into one stack card: the sweep, or the request minus its seed. */
    stackKey: text('stack_key').notNull().default(''),

    mode: text('mode', { enum: ['text-to-video', 'image-to-video'] }).notNull(),
    prompt: text('prompt').notNull(),
    negativePrompt: text('negative_prompt'),
    seed: integer('seed').notNull(),
    resolution: text('resolution', { enum: ['720p', '1080p'] }).notNull(),
    aspectRatio: text('aspect_ratio', { enum: ['16:9', '9:16', '1:1'] }).notNull(),
    duration: integer('duration').notNull(),
    enablePromptExpansion: integer('enable_prompt_expansion', { mode: 'boolean' }).notNull(),
    imageUrls: text('image_urls', { mode: 'json' }).$type<string[]>(),
    /** Our archived copy of the start frame, so reproduce and remix work after the link is gone. */
    imageId: text('image_id').references(() => images.id),
    provider: text('provider', { enum: ['auto', 'value', 'official'] }).notNull(),
    requestType: text('request_type', { enum: ['async', 'callback'] }).notNull(),
    /** Per-task secret in the callback URL; compared in constant time, never shown. */
    callbackSecret: text('callback_secret'),
    /** What this clip was estimated to cost when it was stored (US cents); counted against the daily budgets. */
    costCents: integer('cost_cents').notNull().default(0),
    /** Order among queued generations (lower is sent first); fractional so a move touches one row. */
    queueRank: real('queue_rank'),

    taskId: text('task_id').unique(),
    state: text('state', { enum: generationStates }).notNull(),
    failCode: text('fail_code'),
    failMsg: text('fail_msg'),
    resultUrls: text('result_urls', { mode: 'json' }).$type<string[]>(),

    archivePath: text('archive_path'),
    archiveSha256: text('archive_sha256'),
    archiveBytes: integer('archive_bytes'),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    archiveAttempts: integer('archive_attempts').notNull().default(0),
    archiveNextAt: integer('archive_next_at', { mode: 'timestamp_ms' }),
    archiveError: text('archive_error'),

    apiCreateTime: integer('api_create_time', { mode: 'timestamp_ms' }),
    apiCompleteTime: integer('api_complete_time', { mode: 'timestamp_ms' }),
    apiCostTime: integer('api_cost_time'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),

    nextPollAt: integer('next_poll_at', { mode: 'timestamp_ms' }),
    pollCount: integer('poll_count').notNull().default(0),
    pollErrors: integer('poll_errors').notNull().default(0),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),

    favorite: integer('favorite', { mode: 'boolean' }).notNull().default(false),
    visibility: text('visibility', { enum: ['team', 'link'] })
      .notNull()
      .default('team'),
    shareToken: text('share_token').unique(),
    /** In the trash since then (restorable for 30 days); null when not deleted. */
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedBy: text('deleted_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('generations_team_created_idx').on(t.teamId, t.createdAt, t.id),
    index('generations_state_poll_idx').on(t.state, t.nextPollAt),
    index('generations_queue_idx').on(t.state, t.queueRank),
    index('generations_parent_idx').on(t.parentId),
    index('generations_archive_pending_idx').on(t.state, t.archivedAt),
    index('generations_team_stack_created_idx').on(t.teamId, t.stackKey, t.createdAt, t.id),
    index('generations_team_deleted_idx').on(t.teamId, t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    index('generations_deleted_idx').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    index('generations_created_idx').on(t.createdAt),
    index('generations_user_created_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * Every upstream task a clip's sends produced. Normally one; a late answer that lost its send lease is
 * recorded here (with the clip that now tracks it), so a paid task is never dropped.
 */
export const taskHistory = sqliteTable(
  'task_history',
  {
    id: text('id').primaryKey(),
    generationId: text('generation_id')
      .notNull()
      .references(() => generations.id, { onDelete: 'cascade' }),
    taskId: text('task_id').notNull(),
    /** `sent`: the row's own task; `late`: an answer that arrived after the lease was lost. */
    kind: text('kind', { enum: ['sent', 'late'] }).notNull(),
    /** For `late`: the clip created to track that task. */
    trackedBy: text('tracked_by'),
    createdAt: createdAt(),
  },
  (t) => [index('task_history_generation_idx').on(t.generationId)],
);

/** When each team, and each person in a team, last had a clip sent: the dispatcher's round-robin turns. */
export const dispatchTurns = sqliteTable('dispatch_turns', {
  key: text('key').primaryKey(),
  lastServedAt: integer('last_served_at').notNull(),
});

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
    /** The gallery URL's query string, normalised by lib/gallery/filters. */
    query: text('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_owner_name_idx').on(t.teamId, t.userId, t.name)],
);

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Generation = typeof generations.$inferSelect;
export type NewGeneration = typeof generations.$inferInsert;
export type SavedView = typeof savedViews.$inferSelect;

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
    /** Whether the page shows the prompt and parameters, or only the video. */
    showRecipe: integer('show_recipe', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('shares_team_generation_idx').on(t.teamId, t.generationId), index('shares_team_sweep_idx').on(t.teamId, t.sweepId)],
);

export type Share = typeof shares.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type InstanceInvite = typeof instanceInvites.$inferSelect;
