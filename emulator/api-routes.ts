import type { IncomingMessage } from 'node:http';
import type { Billing } from './billing';
import type { CallbackSender } from './callbacks';
import { parseCreateTaskRequest } from './create-task-schema';
import type { FaultInjector } from './fault-injector';
import type { FaultRoute } from './faults';
import { readJsonBody, type Envelope } from './http-io';
import { planProvider } from './providers';
import type { StatsRecorder } from './stats';
import type { TaskStore } from './task-store';

export const API_PREFIX = '/api/v1';
export const MODEL_ID = 'wan-2-5';

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

const routes = new Map<string, ApiRoute>([
  [`/generateTask/${MODEL_ID}`, { name: 'create', method: 'POST', handle: createTask }],
  [`/statusTask/${MODEL_ID}`, { name: 'status', method: 'GET', handle: getTaskStatus }],
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

async function createTask(req: IncomingMessage, _url: URL, apiKey: string, context: ApiContext): Promise<ApiReply> {
  const body = await readJsonBody(req);
  if (!body.ok) return invalid(body.error);
  const parsed = parseCreateTaskRequest(body.value);
  if (!parsed.ok) return invalid(parsed.error);
  const { request } = parsed;
  if (context.store.openCount(apiKey) >= context.maxConcurrentTasks) return { envelope: RATE_LIMITED };

  const provider = planProvider(request.provider, context.faults.providerFault());
  const task = context.store.create(apiKey, request, { provider, injectedFailure: context.faults.takeFailNext() });
  if (provider.available) context.billing.charge(apiKey, request.input, provider.provider);
  context.stats.taskCreated(task.taskId, apiKey, task.provider);
  if (request.request_type === 'callback' && request.callback_url) context.callbacks.schedule(task, request.callback_url);
  return success({ taskId: task.taskId });
}

function getTaskStatus(_req: IncomingMessage, url: URL, apiKey: string, context: ApiContext): ApiReply {
  const taskId = url.searchParams.get('taskId');
  if (!taskId) return invalid('Missing required query parameter: taskId');
  const task = context.store.find(taskId, apiKey);
  if (!task) return { envelope: { code: 404, message: 'Task not found' } };
  return success(context.store.describe(task));
}

function getBalance(_req: IncomingMessage, _url: URL, apiKey: string, context: ApiContext): ApiReply {
  return success({ balance: context.billing.balance(apiKey) });
}
