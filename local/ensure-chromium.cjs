/**
 * `npm test` runs browser tests in Debian's Chromium (browsers cannot be downloaded here).
 * When /usr/bin/chromium is missing, install it with apt-get if we may (root), otherwise say how.
 */
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    process.stderr.write(
      `Chromium is missing at ${CHROMIUM}: install it (sudo apt-get install chromium) and run again.\n`,
    );
    process.exit(1);
  }
  process.stdout.write("Installing Debian's chromium for the browser tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(
    'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core',
    {
      stdio: 'inherit',
      env,
    },
  );
}
