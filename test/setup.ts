import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets its own empty data directory (and so its own fresh, migrated database).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wan-studio-test-'));
process.env.DATA_DIR = dataDir;
delete (globalThis as { __wanStudioDb?: unknown }).__wanStudioDb;

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The studio's JSON log (lib/ops/log.ts): warnings and errors only, so a test run's output stays readable.
process.env.LOG_LEVEL ??= 'warn';
