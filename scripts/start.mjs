// `npm start`: build when needed, start the bundled Wan API emulator unless WAN_API_KEY is set, serve the studio.
// `npm run dev` (`--dev`): the same with `next dev`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { buildNeeded } from './build-needed.mjs';
import { answers, loadDotEnv, run, waitForHttp } from './lib.mjs';

loadDotEnv();
const dev = process.argv.includes('--dev');
const port = process.env.PORT || '3000';
// lib/env.ts derives the studio's loopback address from it (the emulator fetches start frames and calls webhooks there).
process.env.PORT = port;
const emulatorPort = process.env.EMULATOR_PORT || '8787';
const useEmulator = !process.env.WAN_API_KEY;

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
if (!process.env.NEXTAUTH_SECRET) delete process.env.NEXTAUTH_SECRET;
fs.mkdirSync(process.env.DATA_DIR || 'data', { recursive: true });
// The emulator keeps its tasks beside the studio's data, so a restart of the whole tree resumes both.
process.env.EMULATOR_DATA_DIR ||= `${process.env.DATA_DIR || 'data'}/emulator`;

const children = [];
function shutdown(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

function start(name, command, args) {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    console.error(`[start] ${name} exited (${code ?? 'signal'}); stopping.`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

if (!dev && buildNeeded()) {
  console.log('[start] building the studio (first run, or sources changed)…');
  const code = await run('node_modules/.bin/next', ['build']);
  if (code !== 0) process.exit(code);
}

if (useEmulator) {
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}/api/v1/apikeys/current-balance`;
  if (await answers(emulatorUrl)) {
    console.log(`[start] using the Wan API emulator already running on port ${emulatorPort}`);
  } else {
    start('emulator', 'node_modules/.bin/tsx', ['emulator/main.ts']);
    if (!(await waitForHttp(emulatorUrl, 30_000))) {
      console.error('[start] the emulator did not start within 30 s');
      shutdown(1);
    }
  }
  console.log(`[start] WAN_API_KEY is not set: the studio talks to the local emulator on port ${emulatorPort}.`);
} else {
  console.log(`[start] using the Wan API at ${process.env.WAN_BASE_URL || 'https://api.apixo.ai/api/v1'}`);
}

// A bounded heap keeps the server's memory flat under load (GC runs sooner); see bench:tracker.
const heapMb = process.env.STUDIO_MAX_HEAP_MB || '256';
start('studio', process.execPath, [`--max-old-space-size=${heapMb}`, 'node_modules/next/dist/bin/next', dev ? 'dev' : 'start', '-p', port]);
console.log(`[start] Wan Studio: http://localhost:${port}`);
