import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

let secret: string | undefined;

/** NEXTAUTH_SECRET when set; otherwise one generated on first run and kept in the data directory. */
export function getAuthSecret(): string {
  if (secret) return secret;
  const fromEnv = getEnv().authSecret;
  if (fromEnv) return (secret = fromEnv);
  const file = path.join(getEnv().dataDir, 'auth-secret');
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: 'wx' });
      secret = generated;
    } catch {
      secret = fs.readFileSync(file, 'utf8').trim(); // another process won the race
    }
  }
  return secret;
}
