CREATE TABLE `generations` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`parent_id` text,
	`mode` text NOT NULL,
	`prompt` text NOT NULL,
	`negative_prompt` text,
	`seed` integer NOT NULL,
	`resolution` text NOT NULL,
	`aspect_ratio` text NOT NULL,
	`duration` integer NOT NULL,
	`enable_prompt_expansion` integer NOT NULL,
	`image_urls` text,
	`image_id` text,
	`provider` text NOT NULL,
	`request_type` text NOT NULL,
	`callback_secret` text,
	`queue_rank` real,
	`task_id` text,
	`state` text NOT NULL,
	`fail_code` text,
	`fail_msg` text,
	`result_urls` text,
	`archive_path` text,
	`archive_sha256` text,
	`archive_bytes` integer,
	`archived_at` integer,
	`archive_attempts` integer DEFAULT 0 NOT NULL,
	`archive_next_at` integer,
	`archive_error` text,
	`api_create_time` integer,
	`api_complete_time` integer,
	`api_cost_time` integer,
	`submitted_at` integer,
	`completed_at` integer,
	`next_poll_at` integer,
	`poll_count` integer DEFAULT 0 NOT NULL,
	`poll_errors` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`favorite` integer DEFAULT false NOT NULL,
	`visibility` text DEFAULT 'team' NOT NULL,
	`share_token` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generations_task_id_unique` ON `generations` (`task_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `generations_share_token_unique` ON `generations` (`share_token`);--> statement-breakpoint
CREATE INDEX `generations_team_created_idx` ON `generations` (`team_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `generations_state_poll_idx` ON `generations` (`state`,`next_poll_at`);--> statement-breakpoint
CREATE INDEX `generations_queue_idx` ON `generations` (`state`,`queue_rank`);--> statement-breakpoint
CREATE INDEX `generations_parent_idx` ON `generations` (`parent_id`);--> statement-breakpoint
CREATE INDEX `generations_archive_pending_idx` ON `generations` (`state`,`archived_at`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`source_url` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `images_file_name_unique` ON `images` (`file_name`);--> statement-breakpoint
CREATE INDEX `images_team_idx` ON `images` (`team_id`);--> statement-breakpoint
CREATE TABLE `invites` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`max_uses` integer DEFAULT 1 NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invites_token_hash_unique` ON `invites` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invites_team_idx` ON `invites` (`team_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`personal` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);