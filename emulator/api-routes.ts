import type { IncomingMessage } from 'node:http';
import type { Billing } from './billing';
import type { CallbackSender } from './callbacks';
import { parseCreateTaskRequest } from './create-task-schema';
import type { FaultInjector } from './fault-injector';
import type { FaultRoute } from './faults';
import { readJsonBody, type Envelope } from './http-io';
import { MODEL_IDS, type ModelId } from './models';
import { planProvider } from './providers';
import type { StatsRecorder } from './stats';
import type { TaskStore } from './task-store';

export const API_PREFIX = '/api/v1';

export const RATE_LIMITED: Envelope = { code: 429, message: 'Rate limit exceeded' };

export interface ApiContext {
  store: TaskStore;
  billing: Billing;
  callbacks: CallbackSender;
  faults: FaultInjector;
  stats: StatsRecorder;
  maxConcurrentTasks: number;
}

export interface ApiReply {
  envelope: Envelope;
  headers?: Record<string, string>;
}

type Handler = (req: IncomingMessage, url: URL, apiKey: string, context: ApiContext) => Promise<ApiReply> | ApiReply;

export interface ApiRoute {
  name: FaultRoute;
  method: string;
  handle: Handler;
}

/** Each model has its own create and status endpoints over the one pipeline; the balance is the key's. */
const routes = new Map<string, ApiRoute>([
  ...MODEL_IDS.flatMap((model): [string, ApiRoute][] => [
    [`/generateTask/${model}`, { name: 'create', method: 'POST', handle: (...args) => createTask(model, ...args) }],
    [`/statusTask/${model}`, { name: 'status', method: 'GET', handle: (...args) => getTaskStatus(model, ...args) }],
  ]),
  ['/apikeys/current-balance', { name: 'balance', method: 'GET', handle: getBalance }],
]);

/** The route for a path below API_PREFIX, or undefined for an unknown one. */
export function findApiRoute(routePath: string): ApiRoute | undefined {
  return routes.get(routePath);
}

export function unknownRouteReply(routePath: string): ApiReply {
  const isOtherModel = /^\/(generateTask|statusTask)\//.test(routePath);
  return { envelope: { code: 404, message: isOtherModel ? 'Model not found' : 'Not found' } };
}

const success = (data: unknown): ApiReply => ({ envelope: { code: 200, message: 'success', data } });
const invalid = (error: string): ApiReply => ({ envelope: { code: 400, message: 'Invalid request', data: { error } } });
const usd = (amount: number) => `${amount.toFixed(4)} USD`;

async function createTask(model: ModelId, req: IncomingMessage, _url: URL, apiKey: string, context: ApiContext): Promise<ApiReply> {
  const body = await readJsonBody(req);
  if (!body.ok) return invalid(body.error);
  const parsed = parseCreateTaskRequest(model, body.value);
  if (!parsed.ok) return invalid(parsed.error);
  const { request } = parsed;
  if (context.store.openCount(apiKey) >= context.maxConcurrentTasks) return { envelope: RATE_LIMITED };

  const provider = planProvider(request.provider, context.faults.providerFault());
  // A task the service cannot serve costs nothing, so only a charged one needs the balance to cover it.
  const price = provider.available ? context.billing.priceOf(model, request.input, provider.provider) : 0;
  if (!context.billing.covers(apiKey, price)) {
    const error = `The balance (${usd(context.billing.balance(apiKey))}) does not cover this task (${usd(price)})`;
    return { envelope: { code: 402, message: 'Insufficient balance', data: { error } } };
  }
  const task = context.store.create(apiKey, model, request, { provider, injectedFailure: context.faults.takeFailNext() });
  context.billing.charge(apiKey, price);
  context.stats.taskCreated(task.taskId, apiKey, task.provider);
  if (request.request_type === 'callback' && request.callback_url) context.callbacks.schedule(task, request.callback_url);
  return success({ taskId: task.taskId });
}

function getTaskStatus(model: ModelId, _req: IncomingMessage, url: URL, apiKey: string, context: ApiContext): ApiReply {
  const taskId = url.searchParams.get('taskId');
  if (!taskId) return invalid('Missing required query parameter: taskId');
  // A task is known only on its own model's status endpoint, like any other key's task.
  const task = context.store.find(taskId, apiKey);
  if (task?.model !== model) return { envelope: { code: 404, message: 'Task not found' } };
  return success(context.store.describe(task));
}

/** The documented shape: the remaining USD as a bare number in `data`. */
function getBalance(_req: IncomingMessage, _url: URL, apiKey: string, context: ApiContext): ApiReply {
  return success(context.billing.balance(apiKey));
}
