/**
 * The sidebar for everyone, in Chromium on the playground: in English for an English-speaking
 * user (labels, help, errors), usable with the keyboard only, every input labelled, readable at
 * 300 px without horizontal scrolling, and paged on a table of 10,000 records.
 */
import type { Page } from 'playwright-core';
import { seedBookings } from '../../local/fixtures';
import { SHEETS } from '../../src/schema';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

async function openSidebar(locale: 'fr' | 'en' = 'fr'): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage({
    locale: locale === 'en' ? 'en-GB' : 'fr-FR',
    viewport: { width: 300, height: 800 },
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${chromium.playground.url}/sidebar${locale === 'en' ? '?locale=en' : ''}`);
  await page.getByTestId('ready').waitFor({ timeout: 15000 });
  return { page, errors };
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('an English user gets the sidebar in English: labels, help and error messages', async () => {
  const { page, errors } = await openSidebar('en');
  await expect(page.getByTestId('ready').textContent()).resolves.toMatch(/ready/i);
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  await page.selectOption('#table', 'safetyChecks');
  await page.getByTestId('new').click();
  await page.locator('form[data-sheet="safetyChecks"]').waitFor();
  await expect(page.locator('label[for="f-regulation"]').textContent()).resolves.toBe('Regulation');
  await expect(page.locator('#h-regulation').textContent()).resolves.toBe('For example EC 14 or MS 38.');
  await expect(page.getByTestId('submit').textContent()).resolves.toBe('Create the record');
  await page.getByTestId('submit').click();
  await page.locator('.field-error:not([hidden])').first().waitFor({ timeout: 10000 });
  const first = await page.locator('.field-error:not([hidden])').first().textContent();
  expect(first).toMatch(/^“.+” is required\.$/);
  await expect(page.getByTestId('form-error').textContent()).resolves.toMatch(/fields? needs? fixing/);
  // The same page in French, to be sure the English did not come from the browser alone.
  const french = await openSidebar('fr');
  await french.page.selectOption('#table', 'safetyChecks');
  await french.page.getByTestId('new').click();
  await expect(french.page.locator('#h-regulation').textContent()).resolves.toBe(
    'Par exemple EC 14 ou MS 38.',
  );
  expect([...errors, ...french.errors]).toEqual([]);
  await Promise.all([page.close(), french.page.close()]);
}, 60000);

test('keyboard only: Tab to the fields, fill, Enter sends, focus lands on the first error', async () => {
  const { page, errors } = await openSidebar();
  // Reach the table selector with Tab, choose « Opérations » with the arrow keys.
  for (let i = 0; i < 10 && (await activeId(page)) !== 'table'; i += 1) await page.keyboard.press('Tab');
  expect(await activeId(page)).toBe('table');
  const options = await page
    .locator('#table option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const steps = options.indexOf('operations') - options.indexOf(await page.locator('#table').inputValue());
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#table').inputValue()).resolves.toBe('operations');
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('new');
  await page.keyboard.press('Enter');
  await page.locator('form[data-sheet="operations"]').waitFor();
  // The form's title takes the focus; the next Tab is the first field.
  await page.keyboard.press('Tab');
  const firstField = await activeId(page);
  expect(firstField).toMatch(/^f-/);
  // Tab through to the label and the amount, typing as a user would.
  for (let i = 0; i < 15 && (await activeId(page)) !== 'f-label'; i += 1) await page.keyboard.press('Tab');
  expect(await activeId(page)).toBe('f-label');
  await page.keyboard.type('Achat au clavier');
  for (let i = 0; i < 15 && (await activeId(page)) !== 'f-amount'; i += 1) await page.keyboard.press('Tab');
  expect(await activeId(page)).toBe('f-amount');
  await page.keyboard.type('douze');
  await page.keyboard.press('Enter');
  await page.locator('.field-error:not([hidden])').first().waitFor({ timeout: 10000 });
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const described = (el.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = described
      .map((id) => document.getElementById(id))
      .filter((m): m is HTMLElement => !!m && m.classList.contains('field-error') && !m.hidden)
      .map((m) => m.textContent);
    const firstError = document.querySelector('.field-error:not([hidden])')?.id ?? '';
    return { id: el.id, invalid: el.getAttribute('aria-invalid'), messages, firstError };
  });
  expect(focused.id).toBe(`f-${focused.firstError.slice(2)}`);
  expect(focused.invalid).toBe('true');
  expect(focused.messages).toHaveLength(1);
  expect(focused.messages[0]).toMatch(/^Le champ «\u00a0.+\u00a0» est obligatoire\.$/);
  await expect(page.locator('#f-amount').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('every form: each input has a label, and nothing scrolls sideways at 300 px', async () => {
  const { page, errors } = await openSidebar();
  const problems: string[] = [];
  for (const sheet of SHEETS.filter((s) => s.kind === 'table')) {
    await page.selectOption('#table', sheet.key);
    await page.getByTestId('new').click();
    await page.locator(`form[data-sheet="${sheet.key}"]`).waitFor();
    const found = await page.evaluate(() => {
      const out: string[] = [];
      for (const input of Array.from(document.querySelectorAll('#app input, #app select, #app textarea'))) {
        const el = input as HTMLInputElement;
        const named = (el.labels?.length ?? 0) > 0 || !!el.getAttribute('aria-label');
        if (!named || (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '').trim() === '')
          out.push(`unlabelled ${el.tagName} #${el.id}`);
      }
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) out.push(`scrolls sideways: ${root.scrollWidth}px`);
      for (const el of Array.from(document.querySelectorAll('#app *'))) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > root.clientWidth + 0.5)
          out.push(`${el.tagName}.${el.className} overflows`);
      }
      return out;
    });
    problems.push(...found.map((p) => `${sheet.key}: ${p}`));
  }
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);

test('10,000 bookings: the first page, then « Voir plus », a bounded call each time', async () => {
  seedBookings(chromium.playground.workspace.emulator, 10_000);
  const { page, errors } = await openSidebar();
  const searches: { calls: number }[] = [];
  page.on('response', async (r) => {
    if (!r.url().endsWith('/rpc')) return;
    const request = JSON.parse(r.request().postData() ?? '{}');
    if (request.fn === 'searchRecords') searches.push((await r.json()).stats);
  });
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('search').press('Enter');
  await page.locator('button.hit').nth(49).waitFor({ timeout: 15000 });
  await expect(page.locator('button.hit').count()).resolves.toBe(50);
  await expect(page.getByTestId('search-summary').textContent()).resolves.toBe(
    '50 fiches affichées sur 10\u202f000, les plus récentes d’abord.',
  );
  const more = page.getByTestId('more');
  await expect(more.textContent()).resolves.toBe('Voir plus');
  await more.click();
  await page.locator('button.hit').nth(99).waitFor({ timeout: 15000 });
  await expect(page.locator('button.hit').count()).resolves.toBe(100);
  await expect(page.locator('button.hit .hit-label').nth(50).textContent()).resolves.toBe('Réservation 9950');
  // The first new hit has the focus, so keyboard users carry on where they were.
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe(
    'RES-9950',
  );
  await expect(page.getByTestId('search-summary').textContent()).resolves.toMatch(/^100 fiches affichées/);
  for (let i = 0; i < 50 && searches.length < 2; i += 1) await page.waitForTimeout(100);
  expect(searches).toHaveLength(2);
  for (const stats of searches) expect(stats.calls).toBeLessThanOrEqual(4);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);
