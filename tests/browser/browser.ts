/**
 * Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core, with the
 * flags this closed network needs, and a playground on a fresh temporary workbook.
 */
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { startPlayground } from '../../local/playground/server';
import { openWorkspace, type Workspace } from '../../local/workspace';

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

/** A playground on a new temporary workbook, listening on a free port of 127.0.0.1. */
export async function startTestPlayground(): Promise<Playground> {
  const workspace = openWorkspace({ dir: mkdtempSync(join(tmpdir(), 'pilote-pg-')) });
  const server: Server = await startPlayground(workspace, 0);
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
