/**
 * What the sidebar's inputs say when a coordinator types something wrong (issue 13), in Chromium
 * on the playground: an impossible date typed in a date picker is named as such on its field (not
 * « obligatoire »), sends nothing, and never clears a stored date on an edit; an amount comes back
 * with its two decimals in French and in English.
 */
import type { Page } from 'playwright-core';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

interface Watched {
  page: Page;
  saves: unknown[];
  errors: string[];
}

async function openSidebar(locale: 'fr' | 'en' = 'fr'): Promise<Watched> {
  const page = await chromium.browser.newPage({
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    viewport: { width: 300, height: 900 },
  });
  const watched: Watched = { page, saves: [], errors: [] };
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().endsWith('/rpc')) return;
    const body = JSON.parse(r.postData() ?? '{}') as { fn: string; args: unknown[] };
    if (body.fn === 'saveRecord') watched.saves.push(body.args[0]);
  });
  await page.goto(`${chromium.playground.url}/sidebar${locale === 'en' ? '?locale=en' : ''}`);
  await page.getByTestId('ready').waitFor({ timeout: 15000 });
  return watched;
}

async function newBooking(page: Page, title: string): Promise<void> {
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('new').click();
  await page.locator('form[data-sheet="bookings"]').waitFor();
  await page.locator('#f-space').fill('Salle des Tisserands');
  await page.locator('#f-title').fill(title);
  await page.locator('#f-startTime').fill('09:00');
  await page.locator('#f-status').selectOption('Option');
}

/** Types digits into the picker's segments, as a user does (the picker moves from one segment to the next). */
async function typeInPicker(page: Page, selector: string, keys: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.type(keys);
}

const badInput = (page: Page, selector: string) =>
  page.locator(selector).evaluate((input: HTMLInputElement) => ({
    value: input.value,
    badInput: input.validity.badInput,
  }));

function bookingCount(): number {
  const listed = chromium.playground.workspace.runner.call('listRecords', 'bookings');
  if (!listed.ok) throw new Error(listed.error);
  return (listed.value as { ok: true; data: unknown[] }).data.length;
}

async function openBookingBySearch(page: Page, words: string, id: string): Promise<void> {
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('search').fill(words);
  await page.getByTestId('search').press('Enter');
  await page.locator(`button.hit[data-id="${id}"]`).click();
  await page.locator(`form[data-id="${id}"]`).waitFor();
}

test('an impossible date typed in the picker is named on its field, not « obligatoire », and nothing is sent', async () => {
  const { page, saves, errors } = await openSidebar();
  const before = bookingCount();
  await newBooking(page, 'Date impossible');
  // 02, 31, 2026 into month, day and year: Debian's Chromium shows its picker in its own UI
  // language (en-US, mm/dd/yyyy) whatever the page's locale; each segment moves on once full.
  await typeInPicker(page, '#f-startDate', '02312026');
  await expect(badInput(page, '#f-startDate')).resolves.toEqual({ value: '', badInput: true });

  // Said as soon as the user leaves the picker…
  // (Tab walks the picker's own segments first: the user clicks the next field.)
  await page.locator('#f-title').click();
  const fieldError = page.locator('#e-startDate');
  await expect(fieldError.textContent()).resolves.toBe(
    'La date saisie dans «\u00a0Date de début\u00a0» n’existe pas ou est incomplète (un 31 février, un mois 13…)\u00a0: corrigez-la ou videz le champ.',
  );
  await expect(page.locator('#f-startDate').getAttribute('aria-invalid')).resolves.toBe('true');

  // …and on submit: focus on the field, the same words in the alert, no call to the server.
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('form-error').textContent()).resolves.toContain('n’existe pas');
  await expect(fieldError.textContent()).resolves.not.toContain('obligatoire');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-startDate');
  expect(saves).toEqual([]);
  expect(bookingCount()).toBe(before);
  await page.screenshot({ path: 'tests/browser/__screens__/sidebar-bad-date.png' });

  // A real date clears the message on leaving the field, and the booking is saved.
  await page.locator('#f-startDate').fill('2026-06-02');
  await page.locator('#f-title').click();
  await expect(fieldError.isHidden()).resolves.toBe(true);
  await page.getByTestId('submit').click();
  await page.getByTestId('form-status').filter({ hasText: /créée/ }).waitFor({ timeout: 15000 });
  expect(saves).toHaveLength(1);
  expect((saves[0] as { values: Record<string, string> }).values.startDate).toBe('2026-06-02');
  expect(bookingCount()).toBe(before + 1);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test('an edit with a half-erased date is refused: the stored date is not cleared', async () => {
  const { page, saves, errors } = await openSidebar();
  await newBooking(page, 'Date à garder');
  await page.locator('#f-startDate').fill('2026-06-03');
  await page.getByTestId('submit').click();
  await page.getByTestId('form-status').filter({ hasText: /créée/ }).waitFor({ timeout: 15000 });
  const id = (await page.getByTestId('record-form').getAttribute('data-id')) as string;
  await openBookingBySearch(page, 'date a garder', id);
  await expect(page.locator('#f-startDate').inputValue()).resolves.toBe('2026-06-03');

  // One segment erased: the picker holds an incomplete date and reports an empty value.
  await page.focus('#f-startDate');
  await page.keyboard.press('Backspace');
  await expect(badInput(page, '#f-startDate')).resolves.toEqual({ value: '', badInput: true });
  await page.getByTestId('submit').click();
  await expect(page.locator('#e-startDate').textContent()).resolves.toContain('Date de début');
  expect(saves).toHaveLength(1);

  const stored = chromium.playground.workspace.runner.call('getRecord', { sheet: 'bookings', id });
  if (!stored.ok) throw new Error(stored.error);
  const record = stored.value as { ok: true; data: { values: Record<string, unknown> } };
  expect(record.data.values.startDate).toBe('2026-06-03');
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test('an amount keeps its two decimals in the English edit form too (45.50, not 45.5)', async () => {
  const { page, errors } = await openSidebar('en');
  await newBooking(page, 'Two decimals');
  await page.locator('#f-startDate').fill('2026-06-04');
  await page.locator('#f-price').fill('45.5');
  await page.getByTestId('submit').click();
  await page
    .getByTestId('form-status')
    .filter({ hasText: /created/ })
    .waitFor({ timeout: 15000 });
  const id = (await page.getByTestId('record-form').getAttribute('data-id')) as string;
  await openBookingBySearch(page, 'two decimals', id);
  await expect(page.locator('#f-price').inputValue()).resolves.toBe('45.50');
  expect(errors).toEqual([]);
  await page.close();
}, 90000);
