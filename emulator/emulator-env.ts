import { z } from 'zod';
import { pricesSchema } from './billing';
import { faultsSchema } from './faults';
import { DEFAULT_MAX_CONCURRENT_TASKS, DEFAULT_RATE_LIMIT_PER_MINUTE } from './rate-limiter';

const jsonOf = <T extends z.ZodType>(schema: T, example: string) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be JSON, e.g. ${example}` });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const emulatorEnvSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  EMULATOR_API_KEYS: z
    .string()
    .default('emulator-key')
    .transform((keys) => keys.split(',').map((key) => key.trim()).filter((key) => key !== ''))
    .pipe(z.array(z.string()).min(1, 'needs at least one key')),
  EMULATOR_TIME_SCALE: z.coerce.number().min(0).max(1000).default(1),
  EMULATOR_DATA_DIR: z.string().min(1).default('data/emulator'),
  EMULATOR_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  EMULATOR_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  EMULATOR_MAX_CONCURRENT_TASKS: z.coerce.number().int().min(1).default(DEFAULT_MAX_CONCURRENT_TASKS),
  EMULATOR_FAULTS: jsonOf(faultsSchema, '{"latencyMs":200,"errorRate":0.3}').optional(),
  EMULATOR_BALANCE: z.coerce.number().min(0).optional(),
  EMULATOR_PRICES: jsonOf(pricesSchema, '{"wan-2-5-video":{"480p":0.05}}').optional(),
  EMULATOR_ADMIN_TOKEN: z.string().min(1).optional(),
});

export type EmulatorEnv = z.output<typeof emulatorEnvSchema>;

export type ParseEnvResult = { ok: true; env: EmulatorEnv } | { ok: false; problems: string[] };

export function parseEmulatorEnv(environment: Record<string, string | undefined>): ParseEnvResult {
  // An empty variable (EMULATOR_PORT=) means "use the default", not zero.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = emulatorEnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}
