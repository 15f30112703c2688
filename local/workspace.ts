/**
 * The persisted local workbook shared by the playground, the CLI and the bench: an emulator
 * restored from `.local/state.json` (git-ignored) and a runner over the built dist/Code.js.
 * A new workspace is set up the way a coordinator's first open would: onOpen, then setup.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator, type EmulatorSnapshot } from './emulator/emulator';
import { Runner } from './runner/runner';

export const ROOT = resolve(__dirname, '..');

export interface WorkspaceOptions {
  /** Folder holding state.json; default `.local/` at the repo root. */
  dir?: string;
  distDir?: string;
  echoLogs?: boolean;
}

export interface Workspace {
  readonly emulator: Emulator;
  readonly runner: Runner;
  readonly distDir: string;
  readonly statePath: string;
  /** True when this open created the workbook. */
  readonly created: boolean;
  save(): void;
}

/** Opens the local workbook, creating and setting it up on first use. */
export function openWorkspace(options: WorkspaceOptions = {}): Workspace {
  const dir = options.dir ?? join(ROOT, '.local');
  const distDir = options.distDir ?? join(ROOT, 'dist');
  const statePath = join(dir, 'state.json');
  const bundlePath = join(distDir, 'Code.js');
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run \`npm run build\` first`);
  const files = { Sidebar: readFileSync(join(distDir, 'Sidebar.html'), 'utf8') };
  const created = !existsSync(statePath);
  const emulator = created
    ? new Emulator({ htmlFiles: files })
    : Emulator.fromSnapshot(JSON.parse(readFileSync(statePath, 'utf8')) as EmulatorSnapshot, {
        htmlFiles: files,
      });
  const runner = new Runner({ bundlePath, host: emulator, echoLogs: options.echoLogs });
  const save = () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(emulator.snapshot()));
  };
  if (created) {
    runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    const names = runner.functionNames();
    if (names.includes('setupWorkbook')) runner.run('setupWorkbook');
    if (names.includes('loadDemoData')) runner.run('loadDemoData');
    save();
  } else {
    runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
  }
  return { emulator, runner, distDir, statePath, created, save };
}

/** Deletes the local workbook. */
export function resetWorkspace(dir = join(ROOT, '.local')): void {
  rmSync(join(dir, 'state.json'), { force: true });
}
