import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** People, teams, memberships, invites and sign-in throttling: who may act, and in which team. */

/** When the row was made; set by SQLite, in milliseconds. */
export const createdAt = () =>
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
  /** Light, dark, or the device's setting (lib/theme.ts); mirrored in a cookie so pages render in it. */
  theme: text('theme', { enum: ['system', 'light', 'dark'] }).notNull().default('system'),
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
export const teamRef = () =>
  text('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' });

/** Who made it; kept (no cascade) so history outlives a membership. */
export const authorRef = () =>
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

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type InstanceInvite = typeof instanceInvites.$inferSelect;
