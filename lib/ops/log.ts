// The studio's log: one JSON line per event (pino), labelled with the instance, never a key, secret or cookie.
// `LOG_LEVEL` (trace … fatal, or silent) sets how much; tests run silent unless they read the lines themselves.
import 'server-only';
import os from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { UpstreamCall } from '@/lib/wan/client';

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
type Level = (typeof levels)[number];
const levelOf = (value: string | undefined): Level => (levels as readonly string[]).includes(value ?? '') ? (value as Level) : 'info';

/** Whatever a caller hands over, these never reach the log as they are. */
export const REDACTED_PATHS = ['authorization', 'cookie', 'apiKey', 'secret', 'callbackSecret', 'password', 'token', '*.authorization', '*.cookie', '*.apiKey', '*.secret', '*.password', '*.token', 'headers.authorization', 'headers.cookie'];

export function createLog(destination?: DestinationStream, level: Level = levelOf(process.env.LOG_LEVEL)): Logger {
  return pino(
    {
      level,
      base: { instance_id: `${os.hostname()}:${process.pid}` },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

const key = Symbol.for('wan-studio.log');
const slot = globalThis as typeof globalThis & { [key]?: Logger };
/** The process's one log. */
export function log(): Logger {
  return (slot[key] ??= createLog());
}

/** One line per upstream call: route, task id, status, latency and the request id sent with it (X-Request-Id). */
export function logUpstreamCall(call: UpstreamCall, logger: Logger = log()): void {
  const line = { event: 'upstream', method: call.method, route: call.route, status: call.status, ms: call.ms, task_id: call.taskId, request_id: call.requestId };
  if (call.status === 'network' || call.status >= 500) logger.warn(line, 'upstream call failed');
  else logger.info(line, 'upstream call');
}
