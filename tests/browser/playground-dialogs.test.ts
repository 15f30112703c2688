/**
 * Menu items that ask a question (issue 13): « Installer ou mettre à jour le classeur » and
 * « Charger des données d’exemple » end in Ui.alert. The playground shows the alert in the page
 * while the handler waits (its execution is suspended, as on Google), and the handler goes on
 * with the user's button. The playground runs in its own process: its main thread blocks while
 * the question is open, as the script does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../local/workspace';
import { launchChromium } from './browser';

let browser: Browser;
let playground: ChildProcess;
let url: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-dialogs-'));
  playground = spawn(process.execPath, ['--import', 'tsx', 'local/playground/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PILOTE_LOCAL_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  playground.stderr?.on('data', (d) => {
    out += d;
  });
  url = await new Promise<string>((resolve, reject) => {
    playground.stdout?.on('data', (d) => {
      out += d;
      const m = /terrain de jeu : http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    playground.on('exit', () => reject(new Error(`the playground exited:\n${out}`)));
  });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  playground?.kill('SIGTERM');
});

/** Clicks a menu item and returns the page's /menu answer once the handler ended. */
async function clickMenu(page: Page, caption: string) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/menu'), { timeout: 120_000 });
  await page.getByRole('button', { name: caption }).click();
  return answered;
}

test('« Installer ou mettre à jour le classeur »: the alert shows in the page, OK ends the handler', async () => {
  mkdirSync(join(ROOT, 'tests/browser/__screens__'), { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  const response = clickMenu(page, 'Installer ou mettre à jour le classeur');
  const dialog = page.locator('dialog#ask');
  await dialog.waitFor({ state: 'visible', timeout: 120_000 });
  // While the question is open, the handler has not returned: no /menu answer yet.
  let ended = false;
  void response.then(() => {
    ended = true;
  });
  await page.waitForTimeout(500);
  expect(ended).toBe(false);
  expect(await page.locator('#ask-prompt').textContent()).toMatch(/classeur/i);
  expect(await dialog.locator('.buttons button').allTextContents()).toEqual(['OK']);
  await page.screenshot({ path: 'tests/browser/__screens__/playground-dialog-setup.png' });
  await dialog.getByRole('button', { name: 'OK' }).click();
  const body = (await (await response).json()) as { ok: boolean; dialogs: { answer: string }[] };
  expect(body.ok).toBe(true);
  expect(body.dialogs).toHaveLength(1); // asked once: the handler ran once
  expect(body.dialogs[0].answer).toBe('OK');
  await expect(dialog.isVisible()).resolves.toBe(false);
  expect(await page.locator('#log').textContent()).toContain('→ OK');
  await page.close();
}, 240_000);

test('« Charger des données d’exemple » on a filled workbook: the refusal shows; × answers CLOSE', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  await page.goto(url);
  const response = clickMenu(page, 'Charger des données d’exemple');
  const dialog = page.locator('dialog#ask');
  await dialog.waitFor({ state: 'visible', timeout: 120_000 });
  expect(await page.locator('#ask-prompt').textContent()).toMatch(/exemple/);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  const body = (await (await response).json()) as { ok: boolean; dialogs: { answer: string }[] };
  expect(body).toMatchObject({ ok: true, dialogs: [{ answer: 'CLOSE' }] });
  await page.close();
}, 240_000);

test('?locale=en: the same alert speaks English and its button is OK', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}/?locale=en`);
  // The menu itself is English: onOpen ran for this page's English-speaking user.
  const response = clickMenu(page, 'Set up or update the workbook');
  const dialog = page.locator('dialog#ask');
  await dialog.waitFor({ state: 'visible', timeout: 120_000 });
  expect(await page.locator('#ask-prompt').textContent()).not.toMatch(/classeur/);
  await dialog.getByRole('button', { name: 'OK' }).click();
  expect(((await (await response).json()) as { ok: boolean }).ok).toBe(true);
  await page.close();
}, 240_000);
