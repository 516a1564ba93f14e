-- Full-text search over prompts (SQLite FTS5, external content: the text lives once, in generations),
-- kept in sync by triggers so no code path can forget it; and one index per gallery filter, each in the
-- gallery's cursor order, so a filtered page never scans the team's whole history.
CREATE VIRTUAL TABLE `generations_fts` USING fts5(prompt, negative_prompt, content='generations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `generations_fts`(rowid, prompt, negative_prompt) SELECT rowid, prompt, coalesce(negative_prompt, '') FROM `generations`;
--> statement-breakpoint
CREATE TRIGGER `generations_fts_insert` AFTER INSERT ON `generations` BEGIN
  INSERT INTO `generations_fts`(rowid, prompt, negative_prompt) VALUES (new.rowid, new.prompt, coalesce(new.negative_prompt, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `generations_fts_delete` AFTER DELETE ON `generations` BEGIN
  INSERT INTO `generations_fts`(`generations_fts`, rowid, prompt, negative_prompt) VALUES ('delete', old.rowid, old.prompt, coalesce(old.negative_prompt, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `generations_fts_update` AFTER UPDATE OF prompt, negative_prompt ON `generations` BEGIN
  INSERT INTO `generations_fts`(`generations_fts`, rowid, prompt, negative_prompt) VALUES ('delete', old.rowid, old.prompt, coalesce(old.negative_prompt, ''));
  INSERT INTO `generations_fts`(rowid, prompt, negative_prompt) VALUES (new.rowid, new.prompt, coalesce(new.negative_prompt, ''));
END;
--> statement-breakpoint
CREATE INDEX `generations_team_user_created_idx` ON `generations` (`team_id`, `user_id`, `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `generations_team_state_created_idx` ON `generations` (`team_id`, `state`, `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `generations_team_mode_created_idx` ON `generations` (`team_id`, `mode`, `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `generations_team_favorite_created_idx` ON `generations` (`team_id`, `favorite`, `created_at`, `id`);
