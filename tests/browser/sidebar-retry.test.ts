/**
 * Retries never duplicate, in Chromium on the playground's demo workbook: a save that fails
 * AFTER its row was written (a fault injected on the journal's appendRow, or the answer lost on
 * the way back) shows an error in French; clicking again resends the same request id, the server
 * answers from the stored record, and the sheet holds exactly one new row. The same for an edit,
 * and for an edit made between the failure and the retry (resent as it was, then the change).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GoogleException } from '../../local/emulator/runtime';
import { LOST_ANSWER } from '../../local/playground/server';
import type { Workspace } from '../../local/workspace';
import { launchChromium, losingAnswersOf, type Playground, startTestPlayground } from './browser';

/** Where the screenshots go (git-ignored build output). */
const SHOTS = join(__dirname, '..', '..', '.local', 'screenshots');

/** A failure as Google's Sheets service reports one (text as users report it). */
const SHEETS_FAILURE = () =>
  new GoogleException('Service Spreadsheets failed while accessing document with id 1AbCdEf.');

let browser: Browser;
let workspace: Workspace;
let playground: Playground;
let url: string;
/** The `/rpc` calls whose answer the playground loses next (by function name). */
const loseNext: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  playground = await startTestPlayground({ loseAnswer: losingAnswersOf(loseNext) }, 'pilote-retry-');
  workspace = playground.workspace;
  url = playground.url;
}, 60000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

afterEach(() => {
  workspace.emulator.runtime.clearFaults();
  loseNext.length = 0;
});

interface SaveCall {
  sheet: string;
  id: string | null;
  values: Record<string, unknown>;
  requestId: string;
}

async function openSidebar(): Promise<{ page: Page; saves: SaveCall[]; errors: string[] }> {
  const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 300, height: 900 } });
  const saves: SaveCall[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().endsWith('/rpc')) return;
    const body = JSON.parse(r.postData() ?? '{}') as { fn: string; args: unknown[] };
    if (body.fn === 'saveRecord') saves.push(body.args[0] as SaveCall);
  });
  await page.goto(`${url}/sidebar`);
  await page.getByTestId('ready').waitFor({ timeout: 15000 });
  return { page, saves, errors };
}

async function newBooking(page: Page, title: string): Promise<void> {
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('new').click();
  await page.locator('form[data-sheet="bookings"]').waitFor();
  const offered = await page
    .locator('#f-space')
    .evaluate((el) => Array.from((el as HTMLInputElement).list?.options ?? []).map((o) => o.value));
  await page.locator('#f-space').fill(offered[0]);
  await page.locator('#f-title').fill(title);
  await page.locator('#f-startDate').fill('2026-05-12');
  await page.locator('#f-startTime').fill('09:00');
  await page.locator('#f-status').selectOption('Option');
  await page.locator('#f-price').fill('45,5');
}

/** Rows of « Réservations » whose column `key` holds `value` (read without charging). */
function rowsWhere(key: string, value: unknown): number[] {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const state = wb.state.sheets.find((s) => s.name === 'Réservations');
  if (!state) throw new Error('no Réservations');
  let col = -1;
  for (let c = 1; c <= wb.lastColumn(state); c += 1) if (wb.jsValue(state.id, 1, c) === key) col = c;
  if (col < 0) throw new Error(`no column ${key}`);
  const rows: number[] = [];
  for (let r = 3; r <= wb.lastRow(state); r += 1) if (wb.jsValue(state.id, r, col) === value) rows.push(r);
  return rows;
}

function cellOf(row: number, key: string): unknown {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const state = wb.state.sheets.find((s) => s.name === 'Réservations');
  if (!state) throw new Error('no Réservations');
  for (let c = 1; c <= wb.lastColumn(state); c += 1)
    if (wb.jsValue(state.id, 1, c) === key) return wb.jsValue(state.id, row, c);
  throw new Error(`no column ${key}`);
}

async function waitForError(page: Page): Promise<string> {
  await page.getByTestId('form-error').filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  await page.locator('[data-testid="submit"]:not([disabled])').waitFor();
  return (await page.getByTestId('form-error').textContent()) ?? '';
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  await page
    .getByTestId('form-status')
    .filter({ hasText: pattern })
    .waitFor({ timeout: 10000 })
    .catch(async () => {
      throw new Error(
        `no ${pattern}: [${await page.getByTestId('form-status').textContent()}] ${await page.getByTestId('form-error').textContent()}`,
      );
    });
  await page.locator('[data-testid="submit"]:not([disabled])').waitFor();
  return (await page.getByTestId('form-status').textContent()) ?? '';
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const RETRY_HINT =
  /Vous pouvez cliquer à nouveau sur «\u00a0(Créer la fiche|Enregistrer les modifications)\u00a0»/;

test('create: the journal fails after the row is written; the second click writes nothing more and shows success', async () => {
  const { page, saves, errors } = await openSidebar();
  const title = 'Atelier réessayé après panne';
  await newBooking(page, title);
  workspace.emulator.runtime.injectFault('Sheet.appendRow', SHEETS_FAILURE, 1);
  await page.getByTestId('submit').click();
  const message = await waitForError(page);
  expect(message).toMatch(/^Une erreur inattendue est survenue\./);
  expect(message).toMatch(RETRY_HINT);
  expect(message).not.toMatch(/Exception|Service Spreadsheets/);
  // The fault came after the write: the row is there already.
  expect(rowsWhere('title', title)).toHaveLength(1);
  await expect(page.getByTestId('record-form').getAttribute('data-id')).resolves.toBe('');
  await shoot(page, 'retry-create-error');

  await page.getByTestId('submit').click();
  const status = await waitForStatus(page, /déjà été enregistrée/);
  expect(status).toMatch(/^Cette saisie avait déjà été enregistrée \(fiche RES-\d+\)/);
  await expect(page.getByTestId('form-error').textContent()).resolves.toBe('');
  await shoot(page, 'retry-create-success');
  expect(saves).toHaveLength(2);
  expect(saves[1]).toEqual(saves[0]);
  const rows = rowsWhere('title', title);
  expect(rows).toHaveLength(1);
  expect(cellOf(rows[0], 'requestId')).toBe(saves[0].requestId);
  const id = await page.getByTestId('record-form').getAttribute('data-id');
  expect(cellOf(rows[0], 'id')).toBe(id);

  // The next submission is a new one: a new request id.
  await page.locator('#f-price').fill('50');
  await page.getByTestId('submit').click();
  await waitForStatus(page, /enregistrée \(ligne/);
  expect(saves).toHaveLength(3);
  expect(saves[2].requestId).not.toBe(saves[0].requestId);
  expect(saves[2]).toMatchObject({ id, values: { price: '50' } });
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('create: the answer is lost after everything was done; the retry shows success, one row', async () => {
  const { page, saves, errors } = await openSidebar();
  const title = 'Atelier dont la réponse se perd';
  await newBooking(page, title);
  loseNext.push('saveRecord');
  await page.getByTestId('submit').click();
  const message = await waitForError(page);
  // Google's raw network text is not for the user: the French message is shown instead.
  expect(message).not.toContain(LOST_ANSWER);
  expect(message).toMatch(/^Une erreur inattendue est survenue\./);
  expect(rowsWhere('title', title)).toHaveLength(1);
  await page.getByTestId('submit').click();
  await waitForStatus(page, /déjà été enregistrée/);
  expect(saves.map((s) => s.requestId)).toEqual([saves[0].requestId, saves[0].requestId]);
  expect(rowsWhere('title', title)).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('edit: a failure after the write, then a retry: the change is written once, same request id', async () => {
  const { page, saves, errors } = await openSidebar();
  const title = 'Atelier modifié après panne';
  await newBooking(page, title);
  await page.getByTestId('submit').click();
  await waitForStatus(page, /créée/);
  const id = (await page.getByTestId('record-form').getAttribute('data-id')) as string;
  const [row] = rowsWhere('id', id);

  await page.locator('#f-price').fill('70');
  workspace.emulator.runtime.injectFault('Sheet.appendRow', SHEETS_FAILURE, 1);
  await page.getByTestId('submit').click();
  expect(await waitForError(page)).toMatch(RETRY_HINT);
  expect(cellOf(row, 'price')).toBe(70);
  const firstEdit = saves[1];
  expect(cellOf(row, 'requestId')).toBe(firstEdit.requestId);
  await shoot(page, 'retry-edit-error');

  await page.getByTestId('submit').click();
  await waitForStatus(page, /déjà été enregistrée/);
  expect(saves).toHaveLength(3);
  expect(saves[2]).toEqual(firstEdit);
  expect(firstEdit).toMatchObject({ id, values: { price: '70' } });
  expect(rowsWhere('title', title)).toEqual([row]);
  expect(cellOf(row, 'price')).toBe(70);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('edit typed between the failure and the retry: the first submission is resent as it was, then the change', async () => {
  const { page, saves, errors } = await openSidebar();
  const title = 'Atelier corrigé entre deux clics';
  await newBooking(page, title);
  workspace.emulator.runtime.injectFault('Sheet.appendRow', SHEETS_FAILURE, 1);
  await page.getByTestId('submit').click();
  await waitForError(page);
  expect(rowsWhere('title', title)).toHaveLength(1);
  // The user corrects the price before clicking again: nothing typed may be lost, nothing doubled.
  await page.locator('#f-price').fill('80');
  await page.getByTestId('submit').click();
  const status = await waitForStatus(page, /enregistrée \(ligne/);
  expect(status).toMatch(/^Fiche RES-\d+ enregistrée/);
  expect(saves).toHaveLength(3);
  expect(saves[1]).toEqual(saves[0]);
  expect(saves[0].values.price).toBe('45,5');
  const id = await page.getByTestId('record-form').getAttribute('data-id');
  expect(saves[2]).toMatchObject({ id, values: { price: '80' } });
  expect(Object.keys(saves[2].values)).toEqual(['price']);
  expect(saves[2].requestId).not.toBe(saves[0].requestId);
  const rows = rowsWhere('title', title);
  expect(rows).toHaveLength(1);
  expect(cellOf(rows[0], 'price')).toBe(80);
  await expect(page.locator('#f-price').inputValue()).resolves.toBe('80');
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('a field error ends the submission: the corrected one is new and writes one row', async () => {
  const { page, saves, errors } = await openSidebar();
  const title = 'Atelier au prix corrigé';
  await newBooking(page, title);
  await page.locator('#f-price').fill('quarante euros');
  await page.getByTestId('submit').click();
  await page.locator('#e-price:not([hidden])').waitFor({ timeout: 10000 });
  await expect(page.getByTestId('form-error').textContent()).resolves.not.toMatch(RETRY_HINT);
  expect(rowsWhere('title', title)).toHaveLength(0);
  await page.locator('#f-price').fill('40');
  await page.getByTestId('submit').click();
  await waitForStatus(page, /créée/);
  expect(saves).toHaveLength(2);
  expect(saves[1].requestId).not.toBe(saves[0].requestId);
  expect(saves[1].values.price).toBe('40');
  expect(rowsWhere('title', title)).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);
