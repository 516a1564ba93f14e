import type { z } from 'zod';
import { createTaskDataSchema, envelopeSchema, errorDataSchema, taskStatusSchema, type TaskStatus } from './envelope';
import { WanApiError, WanNetworkError, WanProtocolError } from './errors';
import { DEFAULT_MODEL, type ModelId, models } from '@/lib/generation/models';
import type { WanCreateBody } from './request-body';

export type WanClientOptions = {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Epoch ms; a Retry-After date is measured from it. */
  now?: () => number;
  /** Told of every call once it has its answer (or failed to get one): metrics and the upstream log line. */
  onCall?: (call: UpstreamCall) => void;
  /** Told of an answer the client could not use (its first characters), for the log. */
  onProblem?: (problem: { event: string; method: string; route: string | undefined; snippet: string }) => void;
};

/** One upstream call as operations see it: never the key, a body or a prompt. */
export type UpstreamCall = {
  method: 'GET' | 'POST';
  /** The path without its query: `/generateTask/wan-2-5`, `/statusTask/wan-2-5-video`. */
  route: string;
  /** The HTTP status, or `network` when no answer came. */
  status: number | 'network';
  ms: number;
  taskId?: string;
  /** Sent as X-Request-Id, so one call can be found in our log and the service's. */
  requestId: string;
};

export type CreateOptions = {
  /** The model whose endpoint makes the clip; none: the first, `wan-2-5`. */
  model?: ModelId;
  /** Epoch ms: no retry (nor its wait) starts after this; the caller's lease on the send ends soon after. */
  retryUntil?: number;
};

export type WanClient = {
  createTask(body: WanCreateBody, options?: CreateOptions): Promise<{ taskId: string }>;
  /** A task's state, asked of the model that made it (none: the first). */
  getTask(taskId: string, model?: ModelId): Promise<TaskStatus>;
};

/** The contract's two calls, per model (each has its own); the recipe snippets show people the same ones. */
export const createPath = (model: ModelId = DEFAULT_MODEL) => `/generateTask/${models[model].path}`;
export const statusPath = (model: ModelId = DEFAULT_MODEL) => `/statusTask/${models[model].path}`;
const SNIPPET_CHARS = 300;

export function createWanClient({ baseUrl, apiKey, timeoutMs, fetch: fetchImpl = fetch, now = Date.now, onCall, onProblem }: WanClientOptions): WanClient {
  const root = baseUrl.replace(/\/+$/, '');

  async function call<T>(method: 'GET' | 'POST', path: string, dataSchema: z.ZodType<T>, body?: unknown, taskId?: string): Promise<T> {
    const started = performance.now();
    const route = path.split('?')[0] ?? path;
    const requestId = crypto.randomUUID();
    const told = (status: UpstreamCall['status'], id = taskId) => {
      // Only observes: a throwing observer must never turn an answer the service gave (a paid create) into an error.
      try {
        onCall?.({ method, route, status, ms: Math.round(performance.now() - started), requestId, ...(id ? { taskId: id } : {}) });
      } catch {
        /* the call's outcome stands */
      }
    };
    try {
      return await send<T>(method, path, dataSchema, body, requestId, told);
    } catch (error) {
      if (error instanceof WanNetworkError) told('network');
      throw error;
    }
  }

  async function send<T>(
    method: 'GET' | 'POST',
    path: string,
    dataSchema: z.ZodType<T>,
    body: unknown,
    requestId: string,
    told: (status: number, taskId?: string) => void,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          'x-request-id': requestId,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
    } catch (error) {
      throw toNetworkError(error, method);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw toNetworkError(error, method);
    }
    const envelope = parseEnvelope(text);
    const created = envelope && typeof envelope.data === 'object' && envelope.data && 'taskId' in envelope.data ? envelope.data.taskId : undefined;
    told(response.status, typeof created === 'string' ? created : undefined);
    if (!envelope && response.ok) {
      const snippet = text.slice(0, SNIPPET_CHARS);
      onProblem?.({ event: 'upstream-unreadable', method, route: path.split('?')[0], snippet });
      throw new WanProtocolError(`Unreadable response from ${path.split('?')[0]}`, snippet);
    }

    if (!response.ok || envelope?.code !== 200) {
      const detail = envelope ? errorDataSchema.safeParse(envelope.data).data?.error : undefined;
      throw new WanApiError(
        response.ok ? (envelope?.code ?? response.status) : response.status,
        envelope?.code ?? response.status,
        envelope?.message ?? (response.statusText || `HTTP ${response.status}`),
        typeof detail === 'string' ? detail : undefined,
        retryAfterMs(response.headers.get('retry-after'), now()),
      );
    }
    const data = dataSchema.safeParse(envelope.data);
    if (!data.success) {
      const snippet = text.slice(0, SNIPPET_CHARS);
      onProblem?.({ event: 'upstream-unexpected', method, route: path.split('?')[0], snippet });
      throw new WanProtocolError(`Unexpected response from ${path.split('?')[0]}: ${data.error.message}`, snippet);
    }
    return data.data;
  }

  return {
    createTask: (body, options) => call('POST', createPath(options?.model), createTaskDataSchema, body),
    getTask: (taskId, model) => call('GET', `${statusPath(model)}?taskId=${encodeURIComponent(taskId)}`, taskStatusSchema, undefined, taskId),
  };
}

function parseEnvelope(text: string): z.infer<typeof envelopeSchema> | undefined {
  try {
    return envelopeSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return undefined;
  }
}

function toNetworkError(error: unknown, method: string): WanNetworkError {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause && 'code' in cause ? String(cause.code) : '';
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  // Only a refused or unresolvable connection proves a POST never reached the service.
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const reason = timedOut ? 'timed out' : code || (error instanceof Error ? error.message : 'failed');
  return new WanNetworkError(`Wan API request ${reason}`, method === 'POST' && !neverSent, { cause: error });
}

function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
