CREATE TABLE `shares` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`token` text NOT NULL,
	`generation_id` text,
	`sweep_id` text,
	`show_recipe` integer DEFAULT true NOT NULL,
	`created_by` text,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shares_token_unique` ON `shares` (`token`);--> statement-breakpoint
CREATE INDEX `shares_team_generation_idx` ON `shares` (`team_id`,`generation_id`);--> statement-breakpoint
CREATE INDEX `shares_team_sweep_idx` ON `shares` (`team_id`,`sweep_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `hourly_quota` integer;