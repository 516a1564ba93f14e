CREATE TABLE `generation_tags` (
	`generation_id` text NOT NULL,
	`team_id` text NOT NULL,
	`tag` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`generation_id`, `tag`),
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `generation_tags_team_tag_idx` ON `generation_tags` (`team_id`,`tag`,`generation_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_owner_name_idx` ON `saved_views` (`team_id`,`user_id`,`name`);--> statement-breakpoint
ALTER TABLE `generations` ADD `sweep_id` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `stack_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `generations` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `generations` ADD `deleted_by` text;--> statement-breakpoint
CREATE INDEX `generations_team_stack_created_idx` ON `generations` (`team_id`,`stack_key`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `generations_team_deleted_idx` ON `generations` (`team_id`,`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `generations_deleted_idx` ON `generations` (`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `sweep_budget_cents` integer;