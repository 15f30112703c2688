/**
 * Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core, with the
 * flags this closed network needs, and a playground on a fresh temporary workbook.
 */
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type PlaygroundOptions, startPlayground } from '../../local/playground/server';
import { openWorkspace, type Workspace } from '../../local/workspace';
import { cachedText } from '../cached-workbook';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Playground {
  url: string;
  workspace: Workspace;
  close(): Promise<void>;
}

/**
 * A new temporary local workbook as the playground's first open leaves it (onOpen, setup, the
 * demo): made once per day and per change of its sources (tests/cached-workbook.ts), then
 * copied into the new directory, so each test file does not pay the first open again.
 */
export function firstOpenedWorkspace(prefix = 'pilote-pg-'): Workspace {
  const state = cachedText('first-open', new Date().toISOString().slice(0, 10), () => {
    const scratch = mkdtempSync(join(tmpdir(), 'pilote-first-open-'));
    openWorkspace({ dir: scratch });
    return readFileSync(join(scratch, 'state.json'), 'utf8');
  });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'state.json'), state);
  const workspace = openWorkspace({ dir });
  // As after a real first open, the formula engine is built before the page asks for values
  // (in the set-up hook, whose timeout allows it, not in the first test).
  workspace.emulator.spreadsheetApp._workbook().engine.ensureBuilt();
  return workspace;
}

/**
 * A playground's `loseAnswer` hook: the next `/rpc` call of each function name pushed into `next`
 * loses its answer on the way back (once per push).
 */
export function losingAnswersOf(next: string[]): NonNullable<PlaygroundOptions['loseAnswer']> {
  return (fn) => {
    const at = next.indexOf(fn);
    if (at < 0) return false;
    next.splice(at, 1);
    return true;
  };
}

/** A playground on a new temporary workbook, listening on a free port of 127.0.0.1. */
export async function startTestPlayground(
  options: PlaygroundOptions = {},
  prefix?: string,
): Promise<Playground> {
  const workspace = firstOpenedWorkspace(prefix);
  const server: Server = await startPlayground(workspace, 0, options);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('playground did not listen');
  return {
    url: `http://127.0.0.1:${address.port}`,
    workspace,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Chromium and a playground on a fresh workspace, for the tests of one file: started before
 * them, closed after. Read `browser` and `playground` inside tests (they exist once started).
 */
export function useChromiumAndPlayground(): { readonly browser: Browser; readonly playground: Playground } {
  const started = {} as { browser: Browser; playground: Playground };
  beforeAll(async () => {
    started.browser = await launchChromium();
    started.playground = await startTestPlayground();
  }, 60000);
  afterAll(async () => {
    await started.browser?.close();
    await started.playground?.close();
  });
  return started;
}
