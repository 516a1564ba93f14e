// Prometheus metrics of this process (prom-client), served at /api/metrics behind METRICS_TOKEN: upstream calls
// by route and status, 429s, clips queued / in flight / archiving, long polls held, and the process's own.
import 'server-only';
import os from 'node:os';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { countClipsByStage } from '@/db/queries/ops';
import type { UpstreamCall } from '@/lib/wan/client';

type Metrics = {
  /** The latest upstream answers, for readiness: consecutive failures (no answer, 429 or 5xx) and when. */
  upstream: { failuresInARow: number; lastFailureAt: number | undefined; lastFailure: string | undefined };
  registry: Registry;
  upstreamCalls: Counter<'route' | 'status'>;
  upstream429s: Counter<'route'>;
  longPolls: Gauge;
};

function create(): Metrics {
  const registry = new Registry();
  // Which process answered: several instances behind one balancer each expose their own.
  registry.setDefaultLabels({ instance_id: `${os.hostname()}:${process.pid}` });
  collectDefaultMetrics({ register: registry, prefix: 'studio_' });
  const upstreamCalls = new Counter({ name: 'wan_upstream_calls_total', help: 'Calls to the Wan API by route and HTTP status (network: no answer).', labelNames: ['route', 'status'], registers: [registry] });
  const upstream429s = new Counter({ name: 'wan_upstream_429_total', help: 'Calls the Wan API answered 429 (rate or concurrency limit).', labelNames: ['route'], registers: [registry] });
  const longPolls = new Gauge({ name: 'studio_long_polls_held', help: 'Long polls this process holds open now.', registers: [registry] });
  const stages = new Gauge({
    name: 'studio_clips',
    help: 'Clips by stage across the studio: queued (not yet sent), in_flight (holding a service slot), archiving (finished, not yet in our storage), archive_failed (finished, the archiver gave up).',
    labelNames: ['stage'],
    registers: [registry],
    async collect() {
      const counts = await countClipsByStage();
      this.set({ stage: 'queued' }, counts.queued);
      this.set({ stage: 'in_flight' }, counts.inFlight);
      this.set({ stage: 'archiving' }, counts.archiving);
      this.set({ stage: 'archive_failed' }, counts.archiveFailed);
    },
  });
  void stages;
  return { upstream: { failuresInARow: 0, lastFailureAt: undefined, lastFailure: undefined }, registry, upstreamCalls, upstream429s, longPolls };
}

// One set per process, however many route bundles import this module.
const key = Symbol.for('wan-studio.metrics');
const slot = globalThis as typeof globalThis & { [key]?: Metrics };
export function metrics(): Metrics {
  return (slot[key] ??= create());
}

/** Counts one upstream call, and remembers whether the service is answering. */
export function countUpstreamCall(call: UpstreamCall): void {
  const { upstreamCalls, upstream429s, upstream } = metrics();
  upstreamCalls.inc({ route: call.route, status: String(call.status) });
  if (call.status === 429) upstream429s.inc({ route: call.route });
  const failed = call.status === 'network' || call.status === 429 || call.status >= 500;
  if (!failed) return void (upstream.failuresInARow = 0);
  upstream.failuresInARow += 1;
  upstream.lastFailureAt = Date.now();
  upstream.lastFailure = call.status === 'network' ? 'no answer' : `HTTP ${call.status}`;
}

/** Holds the long-poll gauge up while `work` runs. */
export async function holdingLongPoll<T>(work: () => Promise<T>): Promise<T> {
  const { longPolls } = metrics();
  longPolls.inc();
  try {
    return await work();
  } finally {
    longPolls.dec();
  }
}
