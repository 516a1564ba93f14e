import { z } from 'zod';
import { tagSchema } from './filters';

export const BULK_MAX = 500;

/** The clips a bulk command applies to: what the browser's selection sends. */
export const clipIdsSchema = z.array(z.uuid()).min(1, 'Select at least one clip').max(BULK_MAX, `Select at most ${BULK_MAX} clips`);

export const tagsInputSchema = z.array(tagSchema).min(1, 'Type a tag').max(10, 'At most 10 tags at once');

export const savedViewSchema = z.object({
  name: z.string().trim().min(1, 'Name the view').max(60, 'Names are at most 60 characters'),
  query: z.string().max(2000),
});
