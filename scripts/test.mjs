// `npm test`: typecheck, lint, the layer check, unit/integration (Vitest), production build, end-to-end (Playwright).
// Ends with one line "N passed, N failed" summing every check and test that ran.
import fs from 'node:fs';
import { run } from './lib.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
fs.rmSync('reports', { recursive: true, force: true });
fs.mkdirSync('reports', { recursive: true });

let passed = 0;
let failed = 0;
const started = Date.now();

async function step(name, command, args) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  const code = await run(command, args);
  console.log(`━━ ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

for (const [name, args] of [
  ['typecheck', ['node_modules/.bin/tsc', '--noEmit']],
  ['lint', ['node_modules/.bin/eslint', '--max-warnings=0', '.']],
  ['layers (no folder cycle, no import across a boundary)', ['node', 'scripts/check-layers.mjs']],
]) {
  if (await step(name, args[0], args.slice(1))) passed += 1;
  else failed += 1;
}

// The export tests read and write real zips with Info-ZIP; installed from apt when missing, like chromium.
await step('system tools (zip, unzip)', 'node', ['scripts/ensure-tools.mjs', 'zip', 'unzip']);
const unitOk = await step('unit and integration (vitest)', 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!unitOk && !vitest?.numFailedTests) failed += 1;

const built = await step('production build', 'node_modules/.bin/next', ['build']);
if (!built) failed += 1;
else {
  const browserOk = await step('browser (Debian chromium)', 'node', ['scripts/ensure-tools.mjs', 'chromium']);
  if (!browserOk) failed += 1;
  else {
    const e2eOk = await step('end-to-end (playwright)', 'node_modules/.bin/playwright', ['test']);
    const report = readJson('reports/playwright.json');
    if (report) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    }
    if (!e2eOk && !report?.stats.unexpected) failed += 1;
  }
}

console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync('reports/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
