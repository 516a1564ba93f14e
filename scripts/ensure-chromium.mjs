// Playwright drives Debian's Chromium; install it with apt when missing. Never download a browser build.
import fs from 'node:fs';
import { run } from './lib.mjs';

const CHROMIUM = '/usr/bin/chromium';

if (!fs.existsSync(CHROMIUM)) {
  console.log('[e2e] installing Debian chromium via apt…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const exec = (args) => run(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if ((await exec(['apt-get', 'update'])) !== 0 || (await exec(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])) !== 0) {
    console.error('[e2e] could not install chromium with apt-get');
    process.exit(1);
  }
}
