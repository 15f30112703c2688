/**
 * Apps Script runs in the script's time zone (appsscript.json); so do the tests. Tests run the
 * built dist/: refuse to test a bundle older than its sources (run `npm run build`).
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

module.exports = async () => {
  process.env.TZ = 'Europe/Paris';
  const root = join(__dirname, '..');
  const bundle = join(root, 'dist', 'Code.js');
  const sidebar = join(root, 'dist', 'Sidebar.html');
  if (!existsSync(bundle) || !existsSync(sidebar))
    throw new Error('dist/ is missing: run `npm run build` (npm test does).');
  const built = Math.min(statSync(bundle).mtimeMs, statSync(sidebar).mtimeMs);
  if (newestIn(join(root, 'src')) > built) {
    throw new Error(
      'dist/ is older than src/: run `npm run build` (npm test does) so the tests run what ships.',
    );
  }
};
