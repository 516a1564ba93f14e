// Empties the e2e data directory before the studio starts, so every run begins from a fresh database.
import fs from 'node:fs';

const dir = process.argv[2];
if (!dir || !dir.startsWith('.e2e')) {
  console.error('e2e-reset: refusing to remove anything outside .e2e/');
  process.exit(1);
}
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
