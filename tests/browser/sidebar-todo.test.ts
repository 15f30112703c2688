/**
 * The « À faire » panel of the real sidebar, in Chromium on the playground: loaded on demand,
 * grouped, an item opens its record's form; the daily digest box refuses a user who is not a
 * listed coordinator and subscribes one who is.
 */
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

test('lists what is due, opens a record, and (un)subscribes to the daily digest', async () => {
  const { workspace } = chromium.playground;
  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${chromium.playground.url}/sidebar`);
  const panel = page.getByTestId('todo');
  await panel.getByTestId('todo-open').waitFor({ timeout: 15000 });
  // Nothing is loaded before the panel is opened: the sidebar opened in one call.
  expect(await panel.locator('.todo-group').count()).toBe(0);
  await panel.getByTestId('todo-open').click();
  await panel.locator('.todo-group').first().waitFor({ timeout: 15000 });
  expect(await panel.getByRole('heading', { name: 'Vérifications de sécurité' }).count()).toBe(1);
  const first = panel.locator('button.hit').first();
  const id = (await first.getAttribute('data-id')) ?? '';
  // Since the schedule merge, the safety group lists « Échéancier de sécurité » entries (ECH-…).
  expect(id).toMatch(/^ECH-\d+$/);
  await first.click();
  await page.getByTestId('form-area').getByText(id).first().waitFor({ timeout: 15000 });

  const box = panel.getByTestId('todo-digest');
  const said = panel.getByTestId('todo-digest-status');
  // click(), not check(): the refusal unticks the box as soon as the server answers.
  await box.click();
  await said.getByText(/Seuls les coordinateur·ices listé·es/).waitFor({ timeout: 15000 });
  expect(await box.isChecked()).toBe(false);

  const coordinator = String(
    workspace.emulator.spreadsheetApp
      .getActiveSpreadsheet()
      .getRangeByName('PILOTE_COORDINATOR_EMAILS')
      ?.getValue(),
  )
    .split(',')[0]
    .trim();
  const back = workspace.emulator._actAs(coordinator);
  try {
    await box.click();
    await said.getByText(/Vous recevrez chaque matin/).waitFor({ timeout: 15000 });
    expect(await box.isChecked()).toBe(true);
    await box.click();
    await said.getByText(/Vous ne recevrez plus/).waitFor({ timeout: 15000 });
    expect(await box.isChecked()).toBe(false);
  } finally {
    back();
  }
  expect(errors).toEqual([]);
  await page.close();
}, 60000);
