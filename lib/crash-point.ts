import 'server-only';
import { getEnv, type CrashPoint } from '@/lib/env';
import { log } from '@/lib/ops/log';

/**
 * Crash tests only: with STUDIO_CRASH_POINT=<name> the server dies (SIGKILL, no cleanup) the first
 * time it reaches that point, exactly like a power cut there. Unset in every real deployment.
 */
export function crashPoint(name: CrashPoint): void {
  if (getEnv().crashPoint === name) {
    log().error({ event: 'crash-point', name }, 'killing the server now');
    process.kill(process.pid, 'SIGKILL');
  }
}
