/**
 * Workbooks the tests start from — set up, demo loaded, a playground's first open — cost seconds
 * each to make, and dozens of test files start from the same one. Each is made once per change
 * of what makes it and kept on disk (node_modules/.cache/pilote-tests): the key hashes the
 * shipped files (dist/), the emulator's and the runner's sources, the local workspace, this file
 * and the time zone, plus what the caller adds (e.g. the day, when the workbook follows the
 * real date). A changed source makes a new key, so a test never starts from a stale workbook.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'pilote-tests');
const INPUTS = [
  'dist',
  'local/emulator',
  'local/runner',
  'local/workspace.ts',
  'tests/cached-workbook.ts',
  'tests/server/harness.ts',
  'tests/browser/browser.ts',
];

let inputsHash: string | null = null;

/** The hash of every file that shapes a made workbook (computed once per process). */
function hashOfInputs(): string {
  if (inputsHash) return inputsHash;
  const hash = createHash('sha256').update(process.env.TZ ?? '');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else {
      hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  for (const input of INPUTS) add(join(ROOT, input));
  inputsHash = hash.digest('hex');
  return inputsHash;
}

/**
 * The text `make` returns for `name`, from the cache when this key made it before. Two workers
 * may make it at once: each writes its own file and renames it into place, so a reader never
 * sees half a file.
 */
export function cachedText(name: string, extraKey: string, make: () => string): string {
  const key = createHash('sha256').update(hashOfInputs()).update(extraKey).digest('hex').slice(0, 32);
  const file = join(CACHE, `${name}-${key}.json`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // not made yet
  }
  const text = make();
  mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, file);
  return text;
}
