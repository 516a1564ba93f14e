import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Billing } from './billing';
import type { FaultInjector } from './fault-injector';
import { parseFaults } from './faults';
import { readJsonBody, sendJson } from './http-io';
import type { StatsRecorder } from './stats';

export const ADMIN_PREFIX = '/__admin/';
export const ADMIN_TOKEN_HEADER = 'x-emulator-admin';

export interface AdminContext {
  /** When set, every admin call must carry it; when not, only loopback callers are served. */
  adminToken?: string;
  faults: FaultInjector;
  stats: StatsRecorder;
  billing: Billing;
  /** Faults off, counters and rate-limit windows zeroed; tasks are kept. */
  reset: () => void;
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, context: AdminContext): Promise<void> {
  const refusal = refuse(req, context.adminToken);
  if (refusal) return sendJson(res, refusal.status, { error: refusal.error });
  const action = `${req.method ?? ''} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
  switch (action) {
    case 'GET faults':
      return sendJson(res, 200, context.faults.current());
    case 'PUT faults': {
      const body = await readJsonBody(req);
      const parsed = body.ok ? parseFaults(body.value) : body;
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      context.faults.replace(parsed.faults);
      return sendJson(res, 200, context.faults.current());
    }
    case 'POST reset':
      context.reset();
      return sendJson(res, 200, { faults: context.faults.current(), stats: context.stats.snapshot() });
    case 'GET stats':
      return sendJson(res, 200, context.stats.snapshot());
    case 'PUT balance': {
      const body = await readJsonBody(req);
      const parsed = body.ok ? parseBalanceChange(body.value) : body;
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      const { balance, key } = parsed.change;
      context.billing.setBalance(balance, key);
      return sendJson(res, 200, key === undefined ? { balance } : { key, balance: context.billing.balance(key) });
    }
    default:
      return sendJson(res, 404, { error: `No admin route ${action}; try GET/PUT faults, PUT balance, POST reset, GET stats` });
  }
}

/** `{"balance": 0}` sets every key's balance (and new keys'), `{"balance": 5, "key": "…"}` one key's. */
export const balanceChangeSchema = z.strictObject(
  {
    balance: z.number({ error: 'balance must be a number (USD)' }).min(0, 'balance must not be negative'),
    key: z.string({ error: 'key must be a string' }).min(1, 'key must not be empty').optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'the body must be an object like {"balance": 0}' : undefined) },
);

export type BalanceChange = z.infer<typeof balanceChangeSchema>;

function parseBalanceChange(value: unknown): { ok: true; change: BalanceChange } | { ok: false; error: string } {
  const result = balanceChangeSchema.safeParse(value);
  return result.success ? { ok: true, change: result.data } : { ok: false, error: result.error.issues[0]?.message ?? 'Invalid balance' };
}

function refuse(req: IncomingMessage, adminToken: string | undefined): { status: number; error: string } | undefined {
  if (adminToken === undefined) {
    return isLoopbackAddress(req.socket.remoteAddress) ? undefined : { status: 403, error: 'Admin endpoints are open only on loopback' };
  }
  const given = Buffer.from(String(req.headers[ADMIN_TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(adminToken);
  const matches = given.length === expected.length && timingSafeEqual(given, expected);
  return matches ? undefined : { status: 401, error: `Missing or wrong ${ADMIN_TOKEN_HEADER} header` };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
