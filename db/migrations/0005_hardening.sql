CREATE TABLE `auth_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`window_start` integer NOT NULL,
	`blocked_until` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispatch_turns` (
	`key` text PRIMARY KEY NOT NULL,
	`last_served_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `instance_invites` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`max_uses` integer DEFAULT 1 NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instance_invites_token_hash_unique` ON `instance_invites` (`token_hash`);--> statement-breakpoint
CREATE TABLE `task_history` (
	`id` text PRIMARY KEY NOT NULL,
	`generation_id` text NOT NULL,
	`task_id` text NOT NULL,
	`kind` text NOT NULL,
	`tracked_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `task_history_generation_idx` ON `task_history` (`generation_id`);--> statement-breakpoint
ALTER TABLE `generations` ADD `cost_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `generations_created_idx` ON `generations` (`created_at`);--> statement-breakpoint
CREATE INDEX `generations_user_created_idx` ON `generations` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `teams` ADD `daily_budget_cents` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `is_admin` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- An upgraded studio has accounts already: its oldest one administers it, as the first sign-up would.
UPDATE `users` SET `is_admin` = 1 WHERE `id` = (SELECT `id` FROM `users` ORDER BY `created_at`, `rowid` LIMIT 1);
