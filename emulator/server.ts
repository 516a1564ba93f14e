import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ADMIN_PREFIX, handleAdmin, type AdminContext } from './admin-routes';
import { API_PREFIX } from './api-routes';
import { createBilling, type PriceOverrides } from './billing';
import { createCallbackSender } from './callbacks';
import { createFaultInjector } from './fault-injector';
import { faultsSchema, type Faults } from './faults';
import { sendEnvelope } from './http-io';
import { createRateLimiter, DEFAULT_MAX_CONCURRENT_TASKS, DEFAULT_RATE_LIMIT_PER_MINUTE } from './rate-limiter';
import { handleRequest, type PipelineContext } from './request-pipeline';
import { FILES_PREFIX } from './serve-video';
import { createSourceFileStore } from './source-file-store';
import { createStatsRecorder, type EmulatorStats } from './stats';
import { createTaskJournal } from './task-journal';
import { createSourceKeeper } from './task-sources';
import { createTaskStore } from './task-store';
import { createVideoCache } from './video-cache';

export { FILES_PREFIX } from './serve-video';
export type { EmulatorStats } from './stats';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  apiKeys: string[];
  /** Multiplies every generation delay: 0.01 turns a 60 s generation into 0.6 s. Not network faults. */
  timeScale: number;
  /** Where rendered videos, downloaded source images and the task journal (tasks.jsonl) are kept. */
  dataDir: string;
  /** Base of result URLs; defaults to the server's own URL. */
  publicUrl?: string;
  now?: () => number;
  /** Accepted requests per key in any 60 s window before 429. */
  rateLimitPerMinute?: number;
  /** Pending or processing tasks per key before a create gets 429. */
  maxConcurrentTasks?: number;
  /** Faults active from the start; off when absent. */
  faults?: Faults;
  /** Required in the x-emulator-admin header when set; otherwise admin routes answer loopback only. */
  adminToken?: string;
  /** Source of randomness for rate-based faults; seed it in tests. */
  random?: () => number;
  /** Each key's balance in USD at start (default 1000); admin can change it while running. */
  startingBalance?: number;
  /** USD per second per model and resolution, over the defaults in billing.ts. */
  prices?: PriceOverrides;
}

export interface RunningEmulator {
  url: string;
  apiBaseUrl: string;
  close(): Promise<void>;
  stats(): EmulatorStats;
  /** In-process equivalents of PUT /__admin/faults, PUT /__admin/balance and POST /__admin/reset. */
  setFaults(faults: Faults): void;
  setBalance(balance: number, apiKey?: string): void;
  reset(): void;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const dataDir = resolve(options.dataDir);
  const videos = createVideoCache(dataDir);
  const journal = createTaskJournal(dataDir);
  let publicUrl = '';
  const sources = createSourceKeeper({
    images: createSourceFileStore(join(dataDir, 'source-images')),
    audio: createSourceFileStore(join(dataDir, 'source-audio')),
    journal,
  });
  const store = createTaskStore({
    now,
    timeScale: options.timeScale,
    videos,
    sources,
    videoUrl: (name) => `${publicUrl}${FILES_PREFIX}${name}.mp4`,
    journal,
  });
  const stats = createStatsRecorder();
  const billing = createBilling({ startingBalance: options.startingBalance, prices: options.prices });
  const faults = createFaultInjector({ initial: faultsSchema.parse(options.faults ?? {}), random: options.random ?? Math.random });
  const rateLimiter = createRateLimiter({ perMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, now });
  const callbacks = createCallbackSender({ store, timeScale: options.timeScale, now, stats, journal, suppressed: faults.callbacksNeverCome });
  // Tasks from an earlier run resume as the real service's would: same timing, same result, same callback.
  for (const saved of journal.open(now())) {
    const task = store.restore(saved);
    if (task.plan.provider.available) billing.charge(task.apiKey, billing.priceOf(task.model, task.request.input, task.provider));
    stats.taskCreated(task.taskId, task.apiKey, task.provider);
    if (saved.callback) callbacks.resume(task, saved.callback);
  }
  const context: PipelineContext = {
    apiKeys: new Set(options.apiKeys),
    store,
    billing,
    callbacks,
    faults,
    stats,
    rateLimiter,
    videos,
    maxConcurrentTasks: options.maxConcurrentTasks ?? DEFAULT_MAX_CONCURRENT_TASKS,
  };
  const reset = () => {
    faults.reset();
    stats.reset();
    rateLimiter.reset();
  };

  const server = createServer((req, res) => {
    route(req, res, context, { adminToken: options.adminToken, faults, stats, billing, reset }).catch((error: unknown) => {
      console.error('[emulator] request failed:', error);
      if (res.headersSent) res.destroy();
      else sendEnvelope(res, { code: 500, message: 'Internal server error' });
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error) => {
      callbacks.close();
      journal.close();
      rejectListen(error);
    });
    server.listen(options.port, options.host, () => resolveListen());
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    async close() {
      callbacks.close();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      server.closeAllConnections();
      await closed;
      await videos.idle();
      journal.close();
    },
    stats: stats.snapshot,
    setFaults: (next) => faults.replace(faultsSchema.parse(next)),
    setBalance: (balance, apiKey) => billing.setBalance(balance, apiKey),
    reset,
  };
}

async function route(req: IncomingMessage, res: ServerResponse, context: PipelineContext, admin: AdminContext) {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(req, res, url, admin);
  return handleRequest(req, res, url, context);
}
