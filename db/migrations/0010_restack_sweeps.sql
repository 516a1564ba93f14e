-- A sweep's clips join the stack of their recipe (the same request but for the seed), instead of a stack of
-- their own (`sweep:<id>`). stack_key() is stackKeyOf (db/stack-key.ts), registered by migrateDatabase
-- (db/index.ts); it ignores sweep_id now. Only sweep rows change: every other key is already the recipe's.
UPDATE `generations` SET `stack_key` = stack_key(`sweep_id`, `mode`, `prompt`, `negative_prompt`, `image_urls`, `image_id`, `resolution`, `aspect_ratio`, `duration`, `enable_prompt_expansion`, `provider`, (SELECT `sha256` FROM `images` WHERE `images`.`id` = `generations`.`image_id`)) WHERE `sweep_id` IS NOT NULL;
