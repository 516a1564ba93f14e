import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); the library's default algorithm is argon2id.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

// Verified against when the email is unknown or has no password, so every failure costs the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$teIFxtfanQrliHFTnorRlA$FtXu+zlL0WGgiNMmooq+PiMkXRmJ7R4L/5UY9fHfbcU';

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/**
 * Checks a password against a stored hash: argon2id, or bcrypt from before (kept only to verify, so those
 * accounts can sign in once and be upgraded). `stored` undefined or '' (no password) never matches.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<PasswordCheck> {
  if (!stored) {
    await verify(DUMMY_HASH, password);
    return { ok: false, needsRehash: false };
  }
  if (stored.startsWith('$2')) return { ok: await bcrypt.compare(password, stored), needsRehash: true };
  const ok = await verify(stored, password).catch(() => false);
  return { ok, needsRehash: ok && !stored.startsWith(CURRENT_PREFIX) };
}
