/**
 * `npm start` (issue 13): prints what it does, builds at most once (not at all when dist/ is up
 * to date, which jest's global setup guarantees), and SIGTERM to `npm start` frees the port and
 * leaves no process it started.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, ROOT } from '../../local/workspace';

/** The pids whose parent chain leads to `root` (read from /proc). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  for (const pid of parentOf.keys()) {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === root) {
        out.push(pid);
        break;
      }
    }
  }
  return out;
}

/** A process still running (a zombie waiting for its parent to reap it holds nothing). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

test('npm start: URL printed without a build when dist/ is current; SIGTERM stops everything', async () => {
  // A workbook already there, as on a warm machine (the first start creates it once).
  const dir = mkdtempSync(join(tmpdir(), 'pilote-start-'));
  const seed = openWorkspace({ dir: mkdtempSync(join(tmpdir(), 'pilote-seed-')) });
  copyFileSync(seed.statePath, join(dir, 'state.json'));

  const began = Date.now();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PILOTE_LOCAL_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  npm.stderr.on('data', (d) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    npm.stdout.on('data', (d) => {
      out += d;
      const m = /terrain de jeu : (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    npm.on('exit', () => reject(new Error(`npm start exited:\n${out}`)));
  });
  const readyMs = Date.now() - began;
  process.stdout.write(`npm start: URL after ${readyMs} ms\n${out}\n`);
  expect(out).toContain('1/3 dist/ est à jour : pas de construction');
  expect(out).toContain('2/3 ouverture du classeur local');
  const port = Number(new URL(url).port);
  expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  expect(JSON.parse(readFileSync(join(dir, 'playground.json'), 'utf8'))).toMatchObject({ port });

  const started = descendants(npm.pid ?? -1);
  expect(started.length).toBeGreaterThan(0); // the node serving the page
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  npm.kill('SIGTERM');
  await exited;
  // Give the children the moment the kernel needs to reap them.
  for (let k = 0; k < 50 && started.some(running); k += 1) await new Promise((r) => setTimeout(r, 100));
  expect(started.filter(running)).toEqual([]);
  expect(await portFree(port)).toBe(true);
  expect(existsSync(join(dir, 'playground.json'))).toBe(false);
}, 180_000);
