// Who may sign up (the studio's policy, an invite) and how often (per address and studio-wide).
import 'server-only';
import { reserveInWindows, type WindowRule } from '@/db/queries/auth-throttle';
import { previewSignUpInvite, type SignUpInvite } from '@/db/queries/instance-invites';
import { hasNoUsers, type SignUpPolicy, type SignUpRefusal } from '@/db/queries/users';

export const signUpRefusals: Record<SignUpRefusal, string> = {
  'invite-required': 'Sign-up is by invitation on this studio. Open the invite link you were sent, or ask someone who works here for one.',
  closed: 'Sign-up is closed on this studio. Ask its administrator if you need an account.',
};

const tokenShape = /^[\w-]{20,100}$/;

/** The invite a sign-up carries: `?invite=` (an instance invite) or a team invite link it came from (`callbackUrl=/invite/<token>`). */
export function inviteTokenFrom({ invite, callbackUrl }: { invite?: string | string[]; callbackUrl: string }): string | undefined {
  const direct = Array.isArray(invite) ? invite[0] : invite;
  if (direct !== undefined) return tokenShape.test(direct) ? direct : undefined;
  const fromLink = /^\/invite\/([^/?#]+)$/.exec(callbackUrl)?.[1];
  return fromLink && tokenShape.test(fromLink) ? fromLink : undefined;
}

export type SignUpGate =
  | { open: true; reason: 'open' | 'first' | 'invited'; invite?: SignUpInvite }
  | { open: false; refusal: SignUpRefusal };

/** What the sign-up page offers and what the action checks before any hashing (the insert decides again). */
export async function signUpGate({ policy, token, now = new Date() }: { policy: SignUpPolicy; token: string | undefined; now?: Date }): Promise<SignUpGate> {
  if (await hasNoUsers()) return { open: true, reason: 'first' };
  if (policy === 'open') return { open: true, reason: 'open' };
  if (policy === 'closed') return { open: false, refusal: 'closed' };
  const invite = token ? await previewSignUpInvite({ token, now }) : undefined;
  return invite ? { open: true, reason: 'invited', invite } : { open: false, refusal: 'invite-required' };
}

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
