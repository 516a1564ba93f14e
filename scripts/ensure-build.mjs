// Builds the studio when there is no production build, or a source is newer than it.
import { buildNeeded } from './build-needed.mjs';
import { run } from './lib.mjs';

if (buildNeeded()) {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  process.exit(await run('node_modules/.bin/next', ['build']));
}
