import { DEFAULT_ERROR_STATUSES, type ErrorStatus, type FaultRoute, type Faults, type RequestFault } from './faults';
import type { TaskFailure } from './task-store';

export interface FaultInjectorOptions {
  initial?: Faults;
  /** Returns a number in [0, 1); inject a seeded one to make rate-based faults deterministic. */
  random: () => number;
}

/** Holds the current faults and answers "does this fault fire now?", consuming counted ones as they fire. */
export function createFaultInjector({ initial = {}, random }: FaultInjectorOptions) {
  let faults: Faults = structuredClone(initial);

  function applies(fault: RequestFault, route: FaultRoute | undefined): boolean {
    if (route === undefined) return false;
    const scope = faults.routesFor?.[fault] ?? faults.routes;
    return scope === undefined || scope.includes(route);
  }

  function fires(fault: 'errorRate' | 'malformedRate' | 'dropRate', route: FaultRoute | undefined): boolean {
    const chance = faults[fault] ?? 0;
    return chance > 0 && applies(fault, route) && random() < chance;
  }

  return {
    current: (): Faults => structuredClone(faults),
    replace(next: Faults): void {
      faults = structuredClone(next);
    },
    reset(): void {
      faults = {};
    },
    latencyMs: (route: FaultRoute | undefined): number => (applies('latencyMs', route) ? (faults.latencyMs ?? 0) : 0),
    shouldDrop: (route: FaultRoute | undefined): boolean => fires('dropRate', route),
    shouldMalform: (route: FaultRoute | undefined): boolean => fires('malformedRate', route),
    /** The status of an injected server error, or undefined when none fires. */
    errorStatus(route: FaultRoute | undefined): ErrorStatus | undefined {
      if (!fires('errorRate', route)) return undefined;
      const statuses = faults.errorStatuses ?? DEFAULT_ERROR_STATUSES;
      return statuses[Math.floor(random() * statuses.length)] ?? statuses[0];
    },
    /** Consumes one request of a burst; undefined when no burst is active. */
    takeRateLimitBurst(route: FaultRoute | undefined): { retryAfterSeconds?: number } | undefined {
      const burst = faults.rateLimitBurst;
      if (!burst || !applies('rateLimitBurst', route)) return undefined;
      if (burst.count <= 1) delete faults.rateLimitBurst;
      else burst.count -= 1;
      return burst.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: burst.retryAfterSeconds };
    },
    takeCreateDrop(): boolean {
      const setting = faults.createSucceedsButDrops;
      if (typeof setting !== 'object') return setting === true;
      if (setting.count <= 1) delete faults.createSucceedsButDrops;
      else setting.count -= 1;
      return true;
    },
    takeFailNext(): TaskFailure | undefined {
      const failNext = faults.failNext;
      if (!failNext) return undefined;
      if (failNext.count <= 1) delete faults.failNext;
      else failNext.count -= 1;
      return { failCode: failNext.failCode, failMsg: failNext.failMsg ?? `Task failed (${failNext.failCode})` };
    },
    providerFault: (): boolean => faults.providerFault === true,
    callbacksNeverCome: (): boolean => faults.callbacksNeverCome === true,
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;
