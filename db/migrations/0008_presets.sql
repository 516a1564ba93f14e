CREATE TABLE `presets` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`settings` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `presets_personal_name_idx` ON `presets` (`team_id`,`user_id`,`kind`,`name`) WHERE shared = 0;--> statement-breakpoint
CREATE UNIQUE INDEX `presets_shared_name_idx` ON `presets` (`team_id`,`kind`,`name`) WHERE shared = 1;--> statement-breakpoint
CREATE INDEX `presets_team_shared_idx` ON `presets` (`team_id`,`shared`);--> statement-breakpoint
CREATE INDEX `generations_team_user_prompt_idx` ON `generations` (`team_id`,`user_id`,`prompt`,`created_at`,`deleted_at`);