ALTER TABLE `shares` ADD `chain_id` text REFERENCES chains(id);--> statement-breakpoint
CREATE INDEX `shares_team_chain_idx` ON `shares` (`team_id`,`chain_id`);