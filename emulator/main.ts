import { parseEmulatorEnv } from './emulator-env';
import { startEmulator } from './server';

const parsed = parseEmulatorEnv(process.env);
if (!parsed.ok) {
  console.error(`[emulator] invalid environment:\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
const { env } = parsed;

const emulator = await startEmulator({
  port: env.EMULATOR_PORT,
  host: env.EMULATOR_HOST,
  apiKeys: env.EMULATOR_API_KEYS,
  timeScale: env.EMULATOR_TIME_SCALE,
  dataDir: env.EMULATOR_DATA_DIR,
  publicUrl: env.EMULATOR_PUBLIC_URL,
  rateLimitPerMinute: env.EMULATOR_RATE_LIMIT_PER_MINUTE,
  maxConcurrentTasks: env.EMULATOR_MAX_CONCURRENT_TASKS,
  faults: env.EMULATOR_FAULTS,
  adminToken: env.EMULATOR_ADMIN_TOKEN,
  startingBalance: env.EMULATOR_BALANCE,
  prices: env.EMULATOR_PRICES,
});
console.log(`[emulator] Wan 2.5 API emulator listening on ${emulator.url} (API base ${emulator.apiBaseUrl})`);
if (env.EMULATOR_FAULTS) console.log(`[emulator] faults on: ${JSON.stringify(env.EMULATOR_FAULTS)}`);

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
