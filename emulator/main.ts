import { z } from 'zod';
import { startEmulator } from './server';

const envSchema = z.object({
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
});

// An empty variable (EMULATOR_PORT=) means "use the default", not zero.
const presentEnv = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
const parsed = envSchema.safeParse(presentEnv);
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  console.error(`[emulator] invalid environment:\n${problems.join('\n')}`);
  process.exit(1);
}
const env = parsed.data;

const emulator = await startEmulator({
  port: env.EMULATOR_PORT,
  host: env.EMULATOR_HOST,
  apiKeys: env.EMULATOR_API_KEYS,
  timeScale: env.EMULATOR_TIME_SCALE,
  dataDir: env.EMULATOR_DATA_DIR,
  publicUrl: env.EMULATOR_PUBLIC_URL,
});
console.log(`[emulator] Wan 2.5 API emulator listening on ${emulator.url} (API base ${emulator.apiBaseUrl})`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[emulator] ${signal}: closing`);
  await emulator.close();
  process.exit(0);
}
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));
