CREATE TABLE `chains` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`render_key` text,
	`render_sha256` text,
	`render_bytes` integer,
	`render_of` text,
	`rendered_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chains_team_idx` ON `chains` (`team_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `generations` ADD `chain_id` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `chain_position` integer;--> statement-breakpoint
ALTER TABLE `generations` ADD `last_frame_id` text REFERENCES images(id);--> statement-breakpoint
CREATE INDEX `generations_team_chain_idx` ON `generations` (`team_id`,`chain_id`,`chain_position`,`created_at`) WHERE chain_id IS NOT NULL;