-- Image-to-video clips stack by the start frame's bytes now (not by which upload they used): clear their
-- keys, and the studio recomputes them at start (db/index.ts backfillStackKeys).
UPDATE `generations` SET `stack_key` = '' WHERE `mode` = 'image-to-video' AND `sweep_id` IS NULL;
