import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { aspectRatios, DEFAULT_MODEL, modelIds, modes, providers, requestTypes, resolutions } from '../../lib/generation/schema';
import { generationStates } from '../../lib/generation/states';
import { authorRef, createdAt, teamRef } from './accounts';

/** Clips and what the server does with them: start frames, the generations, their upstream tasks, the send turns. */

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

/** Sound tracks for the second model (wav or mp3, 3–30 s): uploaded, or downloaded from a link, and kept for good. */
export const audioTracks = sqliteTable(
  'audio_tracks',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: authorRef(),
    /** File name in our storage; unguessable, it is also the public URL's last segment. */
    fileName: text('file_name').notNull().unique(),
    format: text('format', { enum: ['wav', 'mp3'] }).notNull(),
    /** Measured from the file, in milliseconds. */
    durationMs: integer('duration_ms').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The link it came from, when pasted rather than uploaded. */
    sourceUrl: text('source_url'),
    /** What the person called it: the uploaded file's name or the link's last segment. */
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('audio_tracks_team_idx').on(t.teamId)],
);

export type AudioTrack = typeof audioTracks.$inferSelect;

export const generations = sqliteTable(
  'generations',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: authorRef(),
    parentId: text('parent_id'),
    /** Set on every clip of one seed sweep. */
    sweepId: text('sweep_id'),
    /** Set on every clip of one batch (rows of a CSV or JSON Lines file), with the row it came from. */
    batchId: text('batch_id'),
    batchRow: integer('batch_row'),
    /** A shot of a chain (clips continued from the one before's last frame), and its place in it from 1. */
    chainId: text('chain_id'),
    chainPosition: integer('chain_position'),
    /** Its last frame, kept as a start frame of the team once someone continued from it. */
    lastFrameId: text('last_frame_id').references(() => images.id),
    /** Clips with the same key collapse into one stack card: the sweep, or the request minus its seed. */
    stackKey: text('stack_key').notNull().default(''),

    /** The service's model that makes it; rows from before there were two mean the first. */
    model: text('model', { enum: modelIds }).notNull().default(DEFAULT_MODEL),
    mode: text('mode', { enum: modes }).notNull(),
    prompt: text('prompt').notNull(),
    negativePrompt: text('negative_prompt'),
    seed: integer('seed').notNull(),
    resolution: text('resolution', { enum: resolutions }).notNull(),
    aspectRatio: text('aspect_ratio', { enum: aspectRatios }).notNull(),
    duration: integer('duration').notNull(),
    enablePromptExpansion: integer('enable_prompt_expansion', { mode: 'boolean' }).notNull(),
    imageUrls: text('image_urls', { mode: 'json' }).$type<string[]>(),
    /** Our archived copy of the start frame, so reproduce and remix work after the link is gone. */
    imageId: text('image_id').references(() => images.id),
    /** The sound track's URL as sent (`audio_urls`), second model only. */
    audioUrls: text('audio_urls', { mode: 'json' }).$type<string[]>(),
    /** Our kept copy of the sound track, so reproduce and remix send the same sound. */
    audioId: text('audio_id').references(() => audioTracks.id),
    provider: text('provider', { enum: providers }).notNull(),
    requestType: text('request_type', { enum: requestTypes }).notNull(),
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
    /**
     * Set when the archive is a tagged copy of the video rather than the service's own file (a clip re-created
     * from an export zip, whose videos carry their recipe): that file's sha256. The clip's video is this one
     * (`videoSha256`): what a reproduction is compared with and what an import recognises.
     */
    sourceSha256: text('source_sha256'),
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
    // A sweep is no longer a stack of its own: its clips are found by the sweep (share links, compare).
    index('generations_team_sweep_created_idx').on(t.teamId, t.sweepId, t.createdAt, t.id).where(sql`sweep_id IS NOT NULL`),
    index('generations_team_chain_idx').on(t.teamId, t.chainId, t.chainPosition, t.createdAt).where(sql`chain_id IS NOT NULL`),
    index('generations_team_batch_idx').on(t.teamId, t.batchId, t.batchRow).where(sql`batch_id IS NOT NULL`),
    index('generations_team_deleted_idx').on(t.teamId, t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    index('generations_deleted_idx').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    index('generations_created_idx').on(t.createdAt),
    index('generations_user_created_idx').on(t.userId, t.createdAt),
    /** A member's prompt history: distinct prompts grouped in index order, covering (no row reads). */
    index('generations_team_user_prompt_idx').on(t.teamId, t.userId, t.prompt, t.createdAt, t.deletedAt),
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

export type Generation = typeof generations.$inferSelect;
export type NewGeneration = typeof generations.$inferInsert;

/** Clips continued one from another's last frame, played and rendered as one; its shots are generations. */
export const chains = sqliteTable(
  'chains',
  {
    id: text('id').primaryKey(),
    teamId: teamRef(),
    userId: authorRef(),
    createdAt: createdAt(),
    /** The last render: its key in the video store, fingerprint, and which takes it joined (clip ids in order). */
    renderKey: text('render_key'),
    renderSha256: text('render_sha256'),
    renderBytes: integer('render_bytes'),
    renderOf: text('render_of', { mode: 'json' }).$type<string[]>(),
    renderedAt: integer('rendered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('chains_team_idx').on(t.teamId, t.createdAt)],
);

export type Chain = typeof chains.$inferSelect;
