-- Rows made before stacks existed (0002) or whose key 0004 cleared get their stack key, once. stack_key() is
-- stackKeyOf (db/stack-key.ts), registered on the connection by migrateDatabase (db/index.ts) before this runs.
UPDATE `generations` SET `stack_key` = stack_key(`sweep_id`, `mode`, `prompt`, `negative_prompt`, `image_urls`, `image_id`, `resolution`, `aspect_ratio`, `duration`, `enable_prompt_expansion`, `provider`, (SELECT `sha256` FROM `images` WHERE `images`.`id` = `generations`.`image_id`)) WHERE `stack_key` = '';
