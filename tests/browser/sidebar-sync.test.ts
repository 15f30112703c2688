/**
 * « Synchroniser les agendas » in the real sidebar, in Chromium on the playground (demo
 * workbook): the result line says what was pushed, pulled, refused; the refused booking is
 * listed with its French reason; the « Agenda public du lieu » paragraph gives the embed address
 * and how to make it public; a second click sends nothing.
 */
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

/** Two confirmed bookings typed into the sheet on the same slot of one space, ten days from now. */
function typeOverlap(): { first: string; second: string } {
  const { workspace } = chromium.playground;
  return workspace.transaction(() => {
    const ss = workspace.emulator.spreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Réservations');
    const spaces = ss.getSheetByName('Espaces');
    if (!sheet || !spaces) throw new Error('no bookings');
    const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const spaceKeys = spaces.getRange(KEY_ROW, 1, 1, spaces.getLastColumn()).getValues()[0] as string[];
    const space = String(spaces.getRange(FIRST_DATA_ROW, spaceKeys.indexOf('name') + 1).getValue());
    const ids = sheet
      .getRange(FIRST_DATA_ROW, keys.indexOf('id') + 1, sheet.getMaxRows() - FIRST_DATA_ROW, 1)
      .getValues();
    let row = FIRST_DATA_ROW;
    while (ids[row - FIRST_DATA_ROW][0] !== '') row += 1;
    const day = Math.floor(workspace.emulator.runtime.clock.now() / 86_400_000) + 25_569 + 10;
    const put = (r: number, values: Record<string, string | number>) => {
      for (const [key, value] of Object.entries(values))
        sheet.getRange(r, keys.indexOf(key) + 1).setValue(value);
    };
    const base = {
      space: `'${space}`,
      status: "'Confirmée",
      startDate: day,
      startTime: 6 / 24,
      endTime: 7 / 24,
    };
    put(row, { ...base, id: "'RES-9001", title: "'Ménage de printemps" });
    put(row + 1, { ...base, id: "'RES-9002", title: "'Doublon tapé à la main" });
    return { first: 'RES-9001', second: 'RES-9002' };
  });
}

test('shows what was pushed, pulled and refused, and the public agenda’s address', async () => {
  const { second } = typeOverlap();
  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${chromium.playground.url}/sidebar`);
  const button = page.getByTestId('sync');
  await button.waitFor({ timeout: 15000 });
  await button.click();
  const status = page.getByTestId('sync-status');
  await status.getByText(/^Agendas synchronisés/).waitFor({ timeout: 240000 });
  const line = (await status.textContent()) ?? '';
  expect(line).toMatch(/\d+ réservations envoyées/);
  expect(line).toMatch(/rien reçu/);
  expect(line).toMatch(/1 refusée/);
  const refused = page.getByTestId('sync-reasons').locator(`li[data-id="${second}"]`);
  expect(await refused.textContent()).toMatch(/^Non envoyée à l’agenda\u00a0: chevauche RES-9001/);
  const publicLine = page.getByTestId('sync-public');
  const link = publicLine.getByRole('link');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(
    /^https:\/\/calendar\.google\.com\/calendar\/embed\?src=[^&]+%40group\.calendar\.google\.com&ctz=Europe%2FParis$/,
  );
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await publicLine.textContent()).toMatch(/événements envoyés/);
  expect(await page.getByTestId('sync-details').textContent()).toContain('Rendre disponible publiquement');
  await page.screenshot({ path: '/tmp/agenda-sidebar-sync.png', fullPage: true });

  // Again: nothing to send, the refusal still listed, nothing new in the public agenda.
  await button.click();
  await status.getByText(/^Agendas synchronisés\u00a0: rien envoyé/).waitFor({ timeout: 120000 });
  expect(await publicLine.textContent()).toMatch(/rien envoyé, rien retiré/);
  expect(await page.getByTestId('sync-reasons').locator(`li[data-id="${second}"]`).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
}, 420000);
