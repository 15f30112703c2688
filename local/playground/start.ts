/**
 * `npm start`: builds dist/ once if it is older than its sources (skipped when up to date), opens
 * the local workbook, serves the playground and prints each step with its duration.
 * Ctrl-C, SIGTERM or SIGHUP (or the death of the process that started it, e.g. `npm`) stops
 * everything it started: the build if one runs, the server (its playground.json removed).
 * The workbook's virtual clock follows real time (workspace.ts): every minute, and before each
 * call, the clock catches up and the time-driven triggers due meanwhile fire.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { openWorkspace, ROOT } from '../workspace';
import { startPlayground } from './server';

const began = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

function newestIn(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/** Why dist/ must be rebuilt, or null when every built file is newer than every source. */
export function staleReason(root = ROOT): string | null {
  const built = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => join(root, 'dist', f));
  const missing = built.find((f) => !existsSync(f));
  if (missing) return `${missing} manque`;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sources = ['src', 'appsscript.json', 'rollup.config.js', 'local/build'].map((f) => join(root, f));
  const newer = sources.find((f) => existsSync(f) && newestIn(f) > oldest);
  return newer ? `${newer} a changé depuis la dernière construction` : null;
}

/** How often the playground lets the virtual clock catch up with real time when idle. */
const TICK_MS = 60_000;

let build: ChildProcess | null = null;
let server: Server | null = null;
let stopping = false;

function stop(why: string): void {
  if (stopping) return;
  stopping = true;
  say(`Arrêt (${why}).`);
  if (build && build.exitCode === null) build.kill('SIGTERM');
  if (!server) process.exit(0);
  server.closeAllConnections();
  server.close(() => process.exit(0));
  // A connection that does not close must not keep the port.
  setTimeout(() => process.exit(0), 2000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
// If whoever started us dies without passing the signal on, we are re-parented: stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('processus parent disparu');
}, 500).unref();

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const rollup = join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
    build = spawn(process.execPath, [rollup, '-c', 'rollup.config.js', '--bundleConfigAsCjs', '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    build.on('exit', (code, signal) => {
      build = null;
      if (code === 0) resolve();
      else reject(new Error(`la construction a échoué (${signal ?? `code ${code}`})`));
    });
  });
}

async function main(): Promise<void> {
  say('Pilote — terrain de jeu local');
  const reason = staleReason();
  if (reason) {
    const t = Date.now();
    say(`1/3 construction de dist/ (${reason})…`);
    await runBuild();
    say(`    dist/ construit en ${since(t)}`);
  } else {
    say('1/3 dist/ est à jour : pas de construction');
  }
  if (stopping) return;
  const t = Date.now();
  say('2/3 ouverture du classeur local…');
  const workspace = openWorkspace({ echoLogs: true });
  say(
    `    ${workspace.created ? 'classeur créé avec les données d’exemple' : 'classeur ouvert'} : ${workspace.statePath} (${since(t)})`,
  );
  if (stopping) return;
  say('3/3 démarrage du serveur…');
  server = await startPlayground(workspace, Number(process.env.PORT ?? 8787));
  if (workspace.realTime) {
    say(
      `    horloge : temps réel (${new Date().toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}, Europe/Paris)`,
    );
    setInterval(() => {
      if (stopping) return;
      try {
        workspace.tick();
      } catch (e) {
        process.stderr.write(`horloge : ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }, TICK_MS).unref();
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  say(`Pilote — terrain de jeu : http://localhost:${port}  (prêt en ${since(began)} ; Ctrl-C pour arrêter)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
