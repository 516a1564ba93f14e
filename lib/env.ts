import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { originOf } from '@/lib/security/headers';
import type { PriceTable } from '@/lib/generation/request-fields';
import { storageUrlSchema, type S3Location } from '@/lib/storage-url';

export const crashPoints = ['after-insert', 'mid-archive'] as const;
export type CrashPoint = (typeof crashPoints)[number];

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  DATA_DIR: z.string().default('data'),
  WAN_BASE_URL: optionalString.pipe(z.url().optional()),
  WAN_API_KEY: optionalString,
  // Where the service's result files live (comma-separated origins), for pages to play a clip before our copy exists.
  WAN_RESULT_ORIGINS: z.string().default(''),
  EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  EMULATOR_API_KEYS: z.string().default('emulator-key'),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  // The port the studio listens on (`next start -p` sets it): the emulator on this machine reaches us there.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WAN_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // Multiplies the tracker's documented waits; tests and benchmarks run compressed.
  WAN_POLL_SCALE: z.coerce.number().positive().max(10).default(1),
  ARCHIVE_MAX_BYTES: z.coerce.number().int().positive().default(500 * 1024 * 1024),
  // Kept a little under the service's 10 000 requests/min and 1 000 open tasks per key.
  WAN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(9_000),
  WAN_MAX_CONCURRENT_TASKS: z.coerce.number().int().positive().default(950),
  WAN_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  /** Where a person tops up the key's balance (the out-of-credit failure links to it). */
  WAN_TOP_UP_URL: optionalString.pipe(z.url().optional()),
  // What a second of video costs (US cents) for sweep estimates, and the most one sweep may cost.
  PRICE_720P_CENTS_PER_SECOND: z.coerce.number().nonnegative().default(6),
  PRICE_1080P_CENTS_PER_SECOND: z.coerce.number().nonnegative().default(10),
  // The same for the second model, wan-2-5-video (the two above are wan-2-5's); published prices elsewhere.
  PRICE_VIDEO_480P_CENTS_PER_SECOND: z.coerce.number().nonnegative().default(5),
  PRICE_VIDEO_720P_CENTS_PER_SECOND: z.coerce.number().nonnegative().default(10),
  PRICE_VIDEO_1080P_CENTS_PER_SECOND: z.coerce.number().nonnegative().default(15),
  SWEEP_BUDGET_CENTS: z.coerce.number().int().nonnegative().default(1_000),
  // Most clips one member may start per hour in a team (teams can set their own).
  HOURLY_QUOTA: z.coerce.number().int().positive().default(100),
  // Who may create an account: open, invite (team or instance invite links only), closed. Default: invite with a real key.
  SIGNUP: z.enum(['open', 'invite', 'closed']).optional(),
  // Spending guards (US cents per UTC day): the whole studio, and one person across all of their teams.
  STUDIO_DAILY_BUDGET_CENTS: z.coerce.number().int().nonnegative().default(20_000),
  PERSON_DAILY_BUDGET_CENTS: z.coerce.number().int().nonnegative().default(5_000),
  // Disk: the most one import may expand to, the free space always left on DATA_DIR's disk, each team's share.
  IMPORT_MAX_TOTAL_BYTES: z.coerce.number().int().positive().default(8 * 1024 ** 3),
  DISK_RESERVE_BYTES: z.coerce.number().int().nonnegative().default(1024 ** 3),
  TEAM_STORAGE_QUOTA_BYTES: z.coerce.number().int().positive().default(20 * 1024 ** 3),
  // Archived videos in an S3-compatible bucket (s3://bucket/prefix); unset: on local disk under DATA_DIR/videos.
  STORAGE_URL: optionalString.pipe(storageUrlSchema.optional()),
  // For S3-compatible servers (MinIO, R2, …); unset: AWS S3 itself. Credentials unset: the SDK's usual chain.
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: optionalString.pipe(z.string().regex(/^[a-z0-9-]+$/, 'S3_REGION must look like us-east-1').default('us-east-1')),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // Bucket in the path (http://host/bucket/key) rather than the host name; default: on when S3_ENDPOINT is set.
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).optional(),
  // An ffmpeg binary for posters; unset: a system ffmpeg on PATH when there is one, else the bundled build.
  FFMPEG_PATH: optionalString,
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  // OAuth sign-in: each provider is offered only when both of its variables are set.
  // Set to 1 only behind a reverse proxy that overwrites X-Forwarded-For: then sign-in limits also count per client address.
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  // Signs sessions; unset, one is generated on first run and kept in DATA_DIR. AUTH_SECRET is next-auth's other name for it.
  NEXTAUTH_SECRET: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  // Prometheus scrapes /api/metrics with this as a Bearer token; unset, the endpoint does not exist.
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  // Crash tests only: the point where the server kills itself (lib/crash-point.ts).
  STUDIO_CRASH_POINT: z.enum(crashPoints).optional(),
  // Where poster generation looks for a system ffmpeg.
  PATH: z.string().default(''),
}).refine((e) => (e.S3_ACCESS_KEY_ID === undefined) === (e.S3_SECRET_ACCESS_KEY === undefined), {
  message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together (or neither, for the SDK\'s own credential chain)',
  path: ['S3_SECRET_ACCESS_KEY'],
});

/** Where archived videos live: DATA_DIR/videos, or a bucket (lib/storage/s3-video-store.ts). */
export type StorageConfig =
  | { kind: 'local' }
  | (S3Location & {
      kind: 's3';
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
      /** Unset: the AWS SDK's default credential chain (instance role, shared config). Never logged. */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    });

export type OAuthClient = { clientId: string; clientSecret: string };

function oauthClient(clientId: string | undefined, clientSecret: string | undefined): OAuthClient | undefined {
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

export type Env = {
  dataDir: string;
  wan: {
    baseUrl: string;
    apiKey: string;
    usingEmulator: boolean;
    timeoutMs: number;
    ratePerMinute: number;
    maxConcurrentTasks: number;
    retries: number;
    /** WAN_TOP_UP_URL: the service's page for adding credit. */
    topUpUrl: string;
    /** Origins a not-yet-archived clip may play from: WAN_RESULT_ORIGINS, else the API's own origin. */
    resultOrigins: string[];
  };
  publicUrl: string | undefined;
  /**
   * Where the Wan service can reach this studio (start frames it fetches, webhook callbacks): PUBLIC_URL, or
   * with the emulator (same machine) our loopback address. Undefined with a real key and no PUBLIC_URL.
   */
  reachableUrl: string | undefined;
  pollScale: number;
  archiveMaxBytes: number;
  /** US cents per second of video, by model and resolution (lib/generation/schema's PriceTable). */
  prices: PriceTable;
  sweepBudgetCents: number;
  hourlyQuota: number;
  oauth: { github: OAuthClient | undefined; google: OAuthClient | undefined };
  trustProxy: boolean;
  signup: 'open' | 'invite' | 'closed';
  budgets: { studioDailyCents: number; personDailyCents: number };
  disk: { importMaxTotalBytes: number; reserveBytes: number; teamQuotaBytes: number };
  ffmpegPath: string | undefined;
  storage: StorageConfig;
  /** The studio is served over https (PUBLIC_URL or NEXTAUTH_URL): HSTS and secure cookies. */
  https: boolean;
  /** NEXTAUTH_SECRET (or AUTH_SECRET) when set; lib/auth/secret.ts falls back to a generated one. */
  authSecret: string | undefined;
  crashPoint: CrashPoint | undefined;
  /** METRICS_TOKEN: the Bearer token /api/metrics asks for (none: no metrics endpoint). */
  metricsToken: string | undefined;
  /** The directories of PATH, in order, for finding programs (ffmpeg). */
  searchPath: string[];
};

/** The listed origins that parse as http(s) URLs, or the API's own origin when none is listed. */
function resultOrigins(listed: string, apiBase: string): string[] {
  const origins = listed.split(',').flatMap((entry) => originOf(entry.trim()) ?? []);
  return origins.length ? origins : [originOf(apiBase) ?? apiBase];
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty variable (a blank line of .env.example) means "use the default".
  const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  const usingEmulator = e.WAN_API_KEY === undefined;
  const emulatorKey = e.EMULATOR_API_KEYS.split(',')[0]?.trim() || 'emulator-key';
  cached = {
    dataDir: path.resolve(e.DATA_DIR),
    wan: {
      baseUrl: e.WAN_BASE_URL ?? (usingEmulator ? `http://127.0.0.1:${e.EMULATOR_PORT}/api/v1` : 'https://api.apixo.ai/api/v1'),
      apiKey: e.WAN_API_KEY ?? emulatorKey,
      usingEmulator,
      timeoutMs: e.WAN_REQUEST_TIMEOUT_MS,
      ratePerMinute: e.WAN_RATE_LIMIT_PER_MINUTE,
      maxConcurrentTasks: e.WAN_MAX_CONCURRENT_TASKS,
      retries: e.WAN_RETRIES,
      topUpUrl: e.WAN_TOP_UP_URL ?? 'https://apixo.ai',
      resultOrigins: resultOrigins(e.WAN_RESULT_ORIGINS, e.WAN_BASE_URL ?? (usingEmulator ? `http://127.0.0.1:${e.EMULATOR_PORT}` : 'https://api.apixo.ai')),
    },
    publicUrl: e.PUBLIC_URL,
    reachableUrl: e.PUBLIC_URL ?? (usingEmulator ? `http://127.0.0.1:${e.PORT}` : undefined),
    pollScale: e.WAN_POLL_SCALE,
    archiveMaxBytes: e.ARCHIVE_MAX_BYTES,
    prices: {
      // wan-2-5 has no 480p (the schema refuses it); its 720p price keeps the table total.
      'wan-2-5': { '480p': e.PRICE_720P_CENTS_PER_SECOND, '720p': e.PRICE_720P_CENTS_PER_SECOND, '1080p': e.PRICE_1080P_CENTS_PER_SECOND },
      'wan-2-5-video': { '480p': e.PRICE_VIDEO_480P_CENTS_PER_SECOND, '720p': e.PRICE_VIDEO_720P_CENTS_PER_SECOND, '1080p': e.PRICE_VIDEO_1080P_CENTS_PER_SECOND },
    },
    sweepBudgetCents: e.SWEEP_BUDGET_CENTS,
    hourlyQuota: e.HOURLY_QUOTA,
    oauth: {
      github: oauthClient(e.GITHUB_ID, e.GITHUB_SECRET),
      google: oauthClient(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET),
    },
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    signup: e.SIGNUP ?? (usingEmulator ? 'open' : 'invite'),
    budgets: { studioDailyCents: e.STUDIO_DAILY_BUDGET_CENTS, personDailyCents: e.PERSON_DAILY_BUDGET_CENTS },
    disk: { importMaxTotalBytes: e.IMPORT_MAX_TOTAL_BYTES, reserveBytes: e.DISK_RESERVE_BYTES, teamQuotaBytes: e.TEAM_STORAGE_QUOTA_BYTES },
    ffmpegPath: e.FFMPEG_PATH,
    storage: e.STORAGE_URL
      ? {
          kind: 's3',
          ...e.STORAGE_URL,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === undefined ? e.S3_ENDPOINT !== undefined : e.S3_FORCE_PATH_STYLE === '1' || e.S3_FORCE_PATH_STYLE === 'true',
          credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
        }
      : { kind: 'local' },
    https: [e.PUBLIC_URL, e.NEXTAUTH_URL].some((url) => url?.startsWith('https://')),
    authSecret: e.NEXTAUTH_SECRET ?? e.AUTH_SECRET,
    crashPoint: e.STUDIO_CRASH_POINT,
    metricsToken: e.METRICS_TOKEN,
    searchPath: e.PATH.split(path.delimiter).filter(Boolean),
  };
  return cached;
}

/** Tests change process.env; this makes the next getEnv() read it again. */
export function resetEnvForTests(): void {
  cached = undefined;
}
