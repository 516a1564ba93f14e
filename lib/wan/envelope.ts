import { z } from 'zod';

export const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});

export const errorDataSchema = z.object({ error: z.string() }).partial().passthrough();

export const createTaskDataSchema = z.object({ taskId: z.string().min(1) });

export const taskStates = ['pending', 'processing', 'success', 'failed'] as const;

const resultJsonSchema = z.object({ resultUrls: z.array(z.url()).min(1) });

/** `resultJson` is a JSON string inside the JSON body: parse it twice. */
const resultJsonStringSchema = z.string().transform((raw, ctx) => {
  try {
    const parsed = resultJsonSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: `resultJson has no result URLs: ${parsed.error.message}` });
  } catch {
    ctx.addIssue({ code: 'custom', message: 'resultJson is not valid JSON' });
  }
  return z.NEVER;
});

export const taskStatusSchema = z.object({
  taskId: z.string().min(1),
  state: z.enum(taskStates),
  resultJson: resultJsonStringSchema.optional(),
  failCode: z.string().optional(),
  failMsg: z.string().optional(),
  createTime: z.number().int().optional(),
  completeTime: z.number().int().optional(),
  costTime: z.number().int().optional(),
});

export type TaskStatus = z.output<typeof taskStatusSchema>;

/** A full status response: what a callback delivers too. */
export const statusEnvelopeSchema = envelopeSchema.extend({ code: z.literal(200), data: taskStatusSchema });
