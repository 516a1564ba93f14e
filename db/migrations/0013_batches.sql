ALTER TABLE `generations` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `batch_row` integer;--> statement-breakpoint
CREATE INDEX `generations_team_batch_idx` ON `generations` (`team_id`,`batch_id`,`batch_row`) WHERE batch_id IS NOT NULL;