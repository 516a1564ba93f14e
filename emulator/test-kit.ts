import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MODEL, type ModelId } from './models';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './server';

export const KEY_A = 'test-key-a';
export const KEY_B = 'test-key-b';

export const envelopeSchema = z.object({ code: z.number(), message: z.string(), data: z.unknown().optional() });
export const statusSchema = z.object({
  taskId: z.string(),
  state: z.enum(['pending', 'processing', 'success', 'failed']),
  resultJson: z.string().optional(),
  failCode: z.string().optional(),
  failMsg: z.string().optional(),
  createTime: z.number().int(),
  completeTime: z.number().int().optional(),
  costTime: z.number().int().optional(),
});
export type TaskStatus = z.infer<typeof statusSchema>;

export interface TestEmulator extends RunningEmulator {
  dataDir: string;
  /** The answer as sent: status, headers and body text, unparsed (for malformed-body faults). */
  rawCall(path: string, init?: CallInit): Promise<RawReply>;
  call(path: string, init?: CallInit): Promise<ApiReply>;
  /** Creates on the first model, or on `model`; throws unless the answer is 200. */
  createTask(input: Record<string, unknown>, extra?: Record<string, unknown>, key?: string, model?: ModelId): Promise<string>;
  status(taskId: string, key?: string, model?: ModelId): Promise<TaskStatus>;
  balance(key?: string): Promise<number>;
  /** Polls until the task finishes, returning every state it was seen in. */
  waitForFinish(taskId: string, model?: ModelId): Promise<{ final: TaskStatus; seen: string[] }>;
  stop(): Promise<void>;
}

export interface CallInit {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
}

export interface RawReply {
  httpStatus: number;
  headers: Headers;
  text: string;
}

export interface ApiReply {
  httpStatus: number;
  envelope: z.infer<typeof envelopeSchema>;
}

export async function startTestEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const ownsDataDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'wan-emulator-')));
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKeys: [KEY_A, KEY_B], timeScale: 0.005, ...overrides, dataDir });

  const rawCall: TestEmulator['rawCall'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    const key = init.key === undefined ? KEY_A : init.key;
    if (key !== null) headers.Authorization = `Bearer ${key}`;
    const hasBody = init.body !== undefined || init.rawBody !== undefined;
    if (hasBody) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${emulator.apiBaseUrl}${path}`, {
      method: hasBody ? 'POST' : 'GET',
      headers,
      body: init.rawBody ?? (hasBody ? JSON.stringify(init.body) : undefined),
    });
    return { httpStatus: response.status, headers: response.headers, text: await response.text() };
  };

  const call: TestEmulator['call'] = async (path, init) => {
    const reply = await rawCall(path, init);
    return { httpStatus: reply.httpStatus, envelope: envelopeSchema.parse(JSON.parse(reply.text)) };
  };

  const createTask: TestEmulator['createTask'] = async (input, extra = {}, key = KEY_A, model = DEFAULT_MODEL) => {
    const reply = await call(`/generateTask/${model}`, { key, body: { ...extra, input } });
    if (reply.httpStatus !== 200) throw new Error(`create failed: ${JSON.stringify(reply.envelope)}`);
    return z.object({ taskId: z.string() }).parse(reply.envelope.data).taskId;
  };

  const status: TestEmulator['status'] = async (taskId, key = KEY_A, model = DEFAULT_MODEL) => {
    const reply = await call(`/statusTask/${model}?taskId=${encodeURIComponent(taskId)}`, { key });
    return statusSchema.parse(reply.envelope.data);
  };

  const balance: TestEmulator['balance'] = async (key = KEY_A) => {
    const reply = await call('/apikeys/current-balance', { key });
    return z.number().parse(reply.envelope.data);
  };

  const waitForFinish: TestEmulator['waitForFinish'] = async (taskId, model) => {
    const seen: string[] = [];
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline) {
      const current = await status(taskId, KEY_A, model);
      if (seen.at(-1) !== current.state) seen.push(current.state);
      if (current.state === 'success' || current.state === 'failed') return { final: current, seen };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`task ${taskId} did not finish; states seen: ${seen.join(' → ')}`);
  };

  return {
    ...emulator,
    dataDir,
    rawCall,
    call,
    createTask,
    status,
    balance,
    waitForFinish,
    async stop() {
      await emulator.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function resultUrlOf(status: TaskStatus): string {
  const parsed = z.object({ resultUrls: z.array(z.url()).length(1) }).parse(JSON.parse(status.resultJson ?? 'null'));
  return parsed.resultUrls[0] ?? '';
}

/** Polls a condition (a callback arriving, a counter moving) instead of sleeping a fixed time. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
