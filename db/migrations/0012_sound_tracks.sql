CREATE TABLE `audio_tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`source_url` text,
	`label` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audio_tracks_file_name_unique` ON `audio_tracks` (`file_name`);--> statement-breakpoint
CREATE INDEX `audio_tracks_team_idx` ON `audio_tracks` (`team_id`);--> statement-breakpoint
ALTER TABLE `generations` ADD `audio_urls` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `audio_id` text REFERENCES audio_tracks(id);