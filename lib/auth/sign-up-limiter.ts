import 'server-only';
import { reserveInWindows, type WindowRule } from '@/db/queries/auth-throttle';

const MINUTE = 60_000;

export type SignUpLimits = { perAddress: number; perAddressWindowMs: number; studio: number; studioWindowMs: number };

/**
 * Sign-ups per address (known only behind a trusted proxy) and for the whole studio. With the emulator no
 * money is at stake, so the studio-wide window is ten times wider (tests and demos sign up many people).
 */
export function signUpLimits(usingEmulator: boolean): SignUpLimits {
  return { perAddress: 10, perAddressWindowMs: 60 * MINUTE, studio: usingEmulator ? 300 : 30, studioWindowMs: 10 * MINUTE };
}

/** Counts one sign-up attempt; the wait in ms when a window is full (nothing is counted then). */
export function reserveSignUp({ ip, limits, now = Date.now() }: { ip: string | undefined; limits: SignUpLimits; now?: number }): { ok: true } | { ok: false; waitMs: number } {
  const rules: WindowRule[] = [{ key: 'signup:studio', max: limits.studio, windowMs: limits.studioWindowMs }];
  if (ip !== undefined) rules.push({ key: `signup:ip:${ip}`, max: limits.perAddress, windowMs: limits.perAddressWindowMs });
  const reserved = reserveInWindows({ rules, now });
  return reserved.ok ? reserved : { ok: false, waitMs: 'waitMs' in reserved ? reserved.waitMs : 0 };
}
