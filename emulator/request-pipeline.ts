import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { API_PREFIX, findApiRoute, RATE_LIMITED, unknownRouteReply, type ApiContext, type ApiReply } from './api-routes';
import type { FaultRoute } from './faults';
import { bearerKey, sendEnvelope, sendNotFound, sendTruncatedEnvelope, type Envelope } from './http-io';
import type { RateLimiter } from './rate-limiter';
import { FILES_PREFIX, serveVideo } from './serve-video';
import type { VideoCache } from './video-cache';

export interface PipelineContext extends ApiContext {
  apiKeys: ReadonlySet<string>;
  rateLimiter: RateLimiter;
  videos: VideoCache;
}

const SERVER_ERRORS: Record<number, string> = {
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * Answers an API or file request, with faults at the points a real network and service would show them:
 * latency and drops before anything runs, injected 429/5xx before the handler (no side effects),
 * malformed bodies and create-then-drop after it (the work is done, the answer is lost).
 */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, url: URL, context: PipelineContext): Promise<void> {
  const { faults, stats } = context;
  const isApi = url.pathname.startsWith(`${API_PREFIX}/`);
  const routePath = url.pathname.slice(API_PREFIX.length);
  const apiRoute = isApi ? findApiRoute(routePath) : undefined;
  const route: FaultRoute | undefined = url.pathname.startsWith(FILES_PREFIX) ? 'files' : apiRoute?.name;
  stats.call(route);
  res.on('finish', () => stats.response(res.statusCode));

  const latencyMs = faults.latencyMs(route);
  if (latencyMs > 0) await delay(latencyMs);
  if (res.destroyed) return;
  if (faults.shouldDrop(route)) return drop(req, context);

  if (route === 'files') {
    const early = injectedEarlyReply(route, context);
    if (early) return sendReply(res, early);
    const fileName = url.pathname.slice(FILES_PREFIX.length);
    const filePath = fileName.endsWith('.mp4') ? context.videos.videoPath(fileName.slice(0, -'.mp4'.length)) : undefined;
    return serveVideo(req, res, filePath, { truncated: faults.shouldMalform(route) });
  }
  if (!isApi) return sendNotFound(res);

  const apiKey = bearerKey(req);
  if (apiKey === undefined || !context.apiKeys.has(apiKey)) {
    return sendEnvelope(res, { code: 401, message: 'Invalid or missing API key' });
  }
  if (!apiRoute) return sendReply(res, unknownRouteReply(routePath));
  if (req.method !== apiRoute.method) return sendEnvelope(res, { code: 405, message: 'Method not allowed' });
  const early = injectedEarlyReply(apiRoute.name, context) ?? (context.rateLimiter.tryAccept(apiKey) ? undefined : { envelope: RATE_LIMITED });
  if (early) return sendReply(res, early);

  const reply = await apiRoute.handle(req, url, apiKey, context);
  const succeeded = reply.envelope.code === 200;
  if (succeeded && apiRoute.name === 'create' && faults.takeCreateDrop()) return drop(req, context);
  if (succeeded && faults.shouldMalform(apiRoute.name)) return sendTruncatedEnvelope(res, reply.envelope);
  sendReply(res, reply);
}

/** An injected 429 burst or server error, decided before the handler so it has no side effects. */
function injectedEarlyReply(route: FaultRoute, { faults }: PipelineContext): ApiReply | undefined {
  const burst = faults.takeRateLimitBurst(route);
  if (burst) {
    const headers: Record<string, string> = burst.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(burst.retryAfterSeconds) };
    return { envelope: RATE_LIMITED, headers };
  }
  const status = faults.errorStatus(route);
  if (status === undefined) return undefined;
  const envelope: Envelope = { code: status, message: SERVER_ERRORS[status] ?? 'Server error' };
  return { envelope };
}

function sendReply(res: ServerResponse, reply: ApiReply): void {
  sendEnvelope(res, reply.envelope, reply.headers);
}

function drop(req: IncomingMessage, { stats }: PipelineContext): void {
  stats.drop();
  req.socket.destroy();
}
