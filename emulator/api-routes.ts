import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Billing } from './billing';
import type { CallbackSender } from './callbacks';
import { parseCreateTaskRequest } from './create-task-schema';
import { bearerKey, readJsonBody, sendEnvelope, sendInvalidRequest, sendNotFound } from './http-io';
import type { TaskStore } from './task-store';

export const API_PREFIX = '/api/v1';
export const MODEL_ID = 'wan-2-5';

export interface ApiContext {
  apiKeys: ReadonlySet<string>;
  store: TaskStore;
  billing: Billing;
  callbacks: CallbackSender;
  counters: { statusCalls: number };
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, apiKey: string, context: ApiContext) => Promise<void> | void;

const routes = new Map<string, { method: string; handle: Handler }>([
  [`/generateTask/${MODEL_ID}`, { method: 'POST', handle: createTask }],
  [`/statusTask/${MODEL_ID}`, { method: 'GET', handle: getTaskStatus }],
  ['/apikeys/current-balance', { method: 'GET', handle: getBalance }],
]);

export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, context: ApiContext): Promise<void> {
  const apiKey = bearerKey(req);
  if (apiKey === undefined || !context.apiKeys.has(apiKey)) {
    sendEnvelope(res, { code: 401, message: 'Invalid or missing API key' });
    return;
  }
  const routePath = url.pathname.slice(API_PREFIX.length);
  const route = routes.get(routePath);
  if (!route) {
    const isOtherModel = /^\/(generateTask|statusTask)\//.test(routePath);
    sendNotFound(res, isOtherModel ? 'Model not found' : 'Not found');
    return;
  }
  if (req.method !== route.method) {
    sendEnvelope(res, { code: 405, message: 'Method not allowed' });
    return;
  }
  await route.handle(req, res, url, apiKey, context);
}

async function createTask(req: IncomingMessage, res: ServerResponse, _url: URL, apiKey: string, context: ApiContext) {
  const body = await readJsonBody(req);
  if (!body.ok) return sendInvalidRequest(res, body.error);
  const parsed = parseCreateTaskRequest(body.value);
  if (!parsed.ok) return sendInvalidRequest(res, parsed.error);
  const { request } = parsed;
  const task = context.store.create(apiKey, request);
  context.billing.charge(apiKey, request.input);
  if (request.request_type === 'callback' && request.callback_url) context.callbacks.schedule(task, request.callback_url);
  sendEnvelope(res, { code: 200, message: 'success', data: { taskId: task.taskId } });
}

function getTaskStatus(_req: IncomingMessage, res: ServerResponse, url: URL, apiKey: string, context: ApiContext) {
  context.counters.statusCalls += 1;
  const taskId = url.searchParams.get('taskId');
  if (!taskId) return sendInvalidRequest(res, 'Missing required query parameter: taskId');
  const task = context.store.find(taskId, apiKey);
  if (!task) return sendNotFound(res, 'Task not found');
  sendEnvelope(res, { code: 200, message: 'success', data: context.store.describe(task) });
}

function getBalance(_req: IncomingMessage, res: ServerResponse, _url: URL, apiKey: string, context: ApiContext) {
  sendEnvelope(res, { code: 200, message: 'success', data: { balance: context.billing.balance(apiKey) } });
}
