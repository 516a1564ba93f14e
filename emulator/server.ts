import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { API_PREFIX, handleApi, type ApiContext } from './api-routes';
import { createBilling } from './billing';
import { createCallbackSender } from './callbacks';
import { sendEnvelope, sendNotFound } from './http-io';
import { serveVideo } from './serve-video';
import { createTaskStore } from './task-store';
import { createVideoCache, type VideoCache } from './video-cache';

export const FILES_PREFIX = '/files/';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  apiKeys: string[];
  /** Multiplies every delay: 0.01 turns a 60 s generation into 0.6 s. */
  timeScale: number;
  /** Where rendered videos are cached. */
  dataDir: string;
  /** Base of result URLs; defaults to the server's own URL. */
  publicUrl?: string;
  now?: () => number;
}

export interface EmulatorStats {
  tasksCreated: number;
  statusCalls: number;
  callbacksDelivered: number;
}

export interface RunningEmulator {
  url: string;
  apiBaseUrl: string;
  close(): Promise<void>;
  stats(): EmulatorStats;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const videos = createVideoCache(resolve(options.dataDir));
  let publicUrl = '';
  const store = createTaskStore({
    now,
    timeScale: options.timeScale,
    videos,
    videoUrl: (name) => `${publicUrl}${FILES_PREFIX}${name}.mp4`,
  });
  const callbacks = createCallbackSender({ store, timeScale: options.timeScale, now });
  const context: ApiContext = {
    apiKeys: new Set(options.apiKeys),
    store,
    billing: createBilling(),
    callbacks,
    counters: { statusCalls: 0 },
  };

  const server = createServer((req, res) => {
    route(req, res, context, videos).catch((error: unknown) => {
      console.error('[emulator] request failed:', error);
      if (res.headersSent) res.destroy();
      else sendEnvelope(res, { code: 500, message: 'Internal server error' });
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
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
    },
    stats: () => ({
      tasksCreated: store.count(),
      statusCalls: context.counters.statusCalls,
      callbacksDelivered: callbacks.delivered(),
    }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, context: ApiContext, videos: VideoCache) {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname.startsWith(`${API_PREFIX}/`)) return handleApi(req, res, url, context);
  if (url.pathname.startsWith(FILES_PREFIX)) {
    const fileName = url.pathname.slice(FILES_PREFIX.length);
    const filePath = fileName.endsWith('.mp4') ? videos.videoPath(fileName.slice(0, -'.mp4'.length)) : undefined;
    return serveVideo(req, res, filePath);
  }
  sendNotFound(res);
}
