// Starts a real emulator and a real production studio on private ports with a fresh data directory,
// signs a user in over HTTP, and measures the studio process tree. Used by the benchmarks and crash tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type Harness = {
  studioUrl: string;
  emulatorUrl: string;
  apiKey: string;
  dataDir: string;
  studio: ChildProcess;
  emulator: ChildProcess;
  /** Starts the studio and waits until it answers; with `ready: false`, returns at once (it may crash before it answers). */
  startStudio(extraEnv?: Record<string, string>, options?: { ready?: boolean }): Promise<ChildProcess>;
  stop(): Promise<void>;
};

export type HarnessOptions = {
  dir: string;
  studioPort: number;
  emulatorPort: number;
  timeScale: number;
  env?: Record<string, string>;
  emulatorEnv?: Record<string, string>;
  quiet?: boolean;
  /** Extra flags for the studio's node process, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Keep `${dir}/data` (a database seeded beforehand); only the emulator's directory starts empty. */
  keepData?: boolean;
};

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = (server.address() as net.AddressInfo);
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function launch(command: string, args: string[], env: Record<string, string>, quiet: boolean, name: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) => console.error(`[${name}]`, error));
  return child;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = path.resolve(options.dir, 'data');
  fs.rmSync(options.keepData ? path.resolve(options.dir, 'emulator') : options.dir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const apiKey = 'bench-key';
  const emulatorUrl = `http://127.0.0.1:${options.emulatorPort}`;
  const studioUrl = `http://localhost:${options.studioPort}`;
  const quiet = options.quiet ?? true;

  for (const url of [`${emulatorUrl}/`, `${studioUrl}/`]) {
    if (await answers(url)) throw new Error(`${url} is already taken by another server; stop it first`);
  }
  const emulator = launch(
    'node_modules/.bin/tsx',
    ['emulator/main.ts'],
    {
      EMULATOR_PORT: String(options.emulatorPort),
      EMULATOR_API_KEYS: apiKey,
      EMULATOR_TIME_SCALE: String(options.timeScale),
      EMULATOR_DATA_DIR: path.resolve(options.dir, 'emulator'),
      ...options.emulatorEnv,
    },
    quiet,
    'emulator',
  );
  await waitForHttp(`${emulatorUrl}/api/v1/apikeys/current-balance`, 30_000);

  const studioEnv = {
    DATA_DIR: dataDir,
    EMULATOR_PORT: String(options.emulatorPort),
    EMULATOR_API_KEYS: apiKey,
    WAN_API_KEY: '',
    WAN_POLL_SCALE: String(options.timeScale),
    PUBLIC_URL: studioUrl,
    NEXTAUTH_URL: studioUrl,
    NEXTAUTH_SECRET: 'bench-secret',
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const harness: Harness = {
    studioUrl,
    emulatorUrl,
    apiKey,
    dataDir,
    emulator,
    studio: undefined as unknown as ChildProcess,
    async startStudio(extraEnv: Record<string, string> = {}, { ready = true }: { ready?: boolean } = {}) {
      harness.studio = launch(
        process.execPath,
        // The same heap bound as `npm start`.
        [`--max-old-space-size=${process.env.STUDIO_MAX_HEAP_MB || '256'}`, ...(options.nodeArgs ?? []), 'node_modules/next/dist/bin/next', 'start', '-p', String(options.studioPort)],
        { ...studioEnv, ...extraEnv },
        quiet,
        'studio',
      );
      if (ready) await waitForHttp(`${studioUrl}/sign-in`, 60_000);
      return harness.studio;
    },
    async stop() {
      for (const child of [harness.studio, emulator]) await stopTree(child);
    },
  };
  try {
    await harness.startStudio();
  } catch (error) {
    await harness.stop();
    throw error;
  }
  return harness;
}

/** Creates an account through the studio's own sign-up is a server action; here we sign in over next-auth's HTTP API. */
export async function signIn(studioUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${studioUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${studioUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return session.split(';')[0] ?? '';
}

/** CPU seconds and resident memory of a process and all its descendants, from /proc. */
export function processTreeUsage(rootPid: number): { cpuSeconds: number; rssBytes: number; pids: number[] } {
  const ticks = 100; // USER_HZ on Linux
  const page = 4096;
  const parents = new Map<number, number>();
  const usage = new Map<number, { cpu: number; rss: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      usage.set(Number(entry), { cpu: (Number(fields[11]) + Number(fields[12])) / ticks, rss: Number(fields[21]) * page });
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let cpuSeconds = 0;
  let rssBytes = 0;
  for (const pid of tree) {
    cpuSeconds += usage.get(pid)?.cpu ?? 0;
    rssBytes += usage.get(pid)?.rss ?? 0;
  }
  return { cpuSeconds, rssBytes, pids: [...tree] };
}

/** SIGTERM to a process and everything it started (tsx runs a child node), SIGKILL after 5 s. */
async function stopTree(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pids = processTreeUsage(child.pid).pids;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const pid of pids) signal(pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  for (const pid of pids) signal(pid, 'SIGKILL');
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** kill -9 of a process and everything it started: a crash, not a shutdown. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const pid of processTreeUsage(child.pid).pids.reverse()) signal(pid, 'SIGKILL');
  await exited;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * A user with a personal team, written straight into the studio's database (sign-up itself is a
 * server action, which has no stable HTTP shape to script against). Same rows the sign-up writes, but
 * with a bcrypt hash on purpose: the first sign-in then goes through the upgrade to argon2id.
 */
export async function createUser(dataDir: string, email: string, password: string): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const { default: bcrypt } = await import('bcryptjs');
  const db = new Database(path.join(dataDir, 'studio.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const userId = crypto.randomUUID();
    const teamId = crypto.randomUUID();
    db.transaction(() => {
      db.prepare('insert into users (id, email, name, password_hash) values (?, ?, ?, ?)').run(userId, email, 'Bench', bcrypt.hashSync(password, 10));
      db.prepare('insert into teams (id, name, personal) values (?, ?, 1)').run(teamId, "Bench's studio");
      db.prepare("insert into memberships (team_id, user_id, role) values (?, ?, 'owner')").run(teamId, userId);
    })();
  } finally {
    db.close();
  }
}
