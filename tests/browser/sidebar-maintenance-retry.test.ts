/**
 * « Passer en charge dans les opérations » from the sidebar when the answer is lost on the way
 * back (the server posted the cost): the page says so in French and offers to click again; the
 * second click resends the same request id, the server answers from the operation it wrote, and
 * « Opérations » holds exactly one operation for the ticket.
 */
import type { Browser } from 'playwright-core';

import type { Workspace } from '../../local/workspace';
import { launchChromium, losingAnswersOf, type Playground, startTestPlayground } from './browser';

let browser: Browser;
let workspace: Workspace;
let playground: Playground;
let url: string;
const loseNext: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  playground = await startTestPlayground({ loseAnswer: losingAnswersOf(loseNext) }, 'pilote-post-');
  workspace = playground.workspace;
  url = playground.url;
}, 60000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

/** The cells of « Opérations » equal to `id` (its « maintenanceId » column). */
const operationsFor = (id: string) =>
  (
    workspace.emulator.spreadsheetApp
      .getActiveSpreadsheet()
      .getSheetByName('Opérations')
      ?.getDataRange()
      .getValues() ?? []
  )
    .flat()
    .filter((c) => c === id).length;

test('a lost answer, then a second click: the same request, one operation', async () => {
  const page = await browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const posts: { id: string; requestId: string }[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/rpc')) return;
    const body = JSON.parse(r.postData() ?? '{}') as { fn: string; args: unknown[] };
    if (body.fn === 'postMaintenanceCostToOperations')
      posts.push(body.args[0] as { id: string; requestId: string });
  });
  await page.goto(`${url}/sidebar`);
  await page.getByText('Pilote est prêt.').waitFor({ timeout: 30000 });
  await page.getByTestId('table').selectOption('maintenance');
  await page.getByTestId('search').fill('garage');
  const hit = page.getByTestId('results').locator('button.hit').first();
  await hit.waitFor({ timeout: 15000 });
  const id = (await hit.getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^MAI-\d+$/);
  await hit.click();
  const post = page.getByTestId('maintenance-post');
  await post.waitFor({ timeout: 15000 });
  expect(operationsFor(id)).toBe(0);

  loseNext.push('postMaintenanceCostToOperations');
  await post.click();
  const said = page.getByTestId('maintenance-post-status');
  await said
    .getByText(/Vous pouvez cliquer à nouveau sur «\u00a0Passer en charge dans les opérations\u00a0»/)
    .waitFor({
      timeout: 30000,
    });
  // The server did post it before the answer was lost.
  expect(operationsFor(id)).toBe(1);
  expect(await post.isEnabled()).toBe(true);

  await post.click();
  await said
    .getByText(new RegExp(`^Coût de l’intervention ${id} passé en charge`))
    .waitFor({ timeout: 30000 });
  expect(posts.length).toBe(2);
  expect(posts[1]).toEqual(posts[0]);
  expect(posts[0].id).toBe(id);
  expect(operationsFor(id)).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);
