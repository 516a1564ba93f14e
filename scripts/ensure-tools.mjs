// The system tools the tests use, from Debian's apt when missing: zip/unzip (the export tests read and write
// real archives with them) and chromium (Playwright). Never downloads a browser build.
import fs from 'node:fs';
import { run } from './lib.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['zip', 'unzip'];
const paths = { chromium: '/usr/bin/chromium', zip: '/usr/bin/zip', unzip: '/usr/bin/unzip' };
const missing = wanted.filter((name) => !fs.existsSync(paths[name] ?? `/usr/bin/${name}`));

if (missing.length) {
  console.log(`[tools] installing ${missing.join(', ')} via apt…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const exec = (args) => run(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if ((await exec(['apt-get', 'update'])) !== 0 || (await exec(['apt-get', 'install', '-y', '--no-install-recommends', ...missing])) !== 0) {
    console.error(`[tools] could not install ${missing.join(', ')} with apt-get`);
    process.exit(1);
  }
}
