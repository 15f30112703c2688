/**
 * The playground's « Agendas » and « Documents » panels in Chromium (issue 13): a booking made in
 * the sidebar shows in the grid and in its space's week; a document made from the sidebar's
 * « Documents » panel is shown in the page and downloads as a .docx holding its title.
 * The test playground keeps the emulator's fixed clock: today is Tuesday 1 September 2026.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { documentList } from '../../local/playground/panels';
import { ROOT } from '../../local/workspace';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();
const TITLE = 'Atelier des panneaux';

test('a booking made in the sidebar shows in the grid and in the calendar panel; a document is shown and downloaded', async () => {
  mkdirSync(join(ROOT, 'tests/browser/__screens__'), { recursive: true });
  const { workspace } = chromium.playground;
  const page = await chromium.browser.newPage({
    locale: 'fr-FR',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The first view evaluates the whole workbook (schema 5's occupancy formulas): seconds, more
  // on a loaded machine.
  await page.goto(chromium.playground.url, { timeout: 90_000 });
  await page.locator('#tabs button').first().waitFor({ timeout: 90_000 });
  // Closed, the panels take no room: the call log still ends the page (its 160 px row).
  const log = await page.locator('#log').boundingBox();
  expect(log && Math.round(log.y + log.height)).toBe(900);
  expect(await page.getByTestId('calendar-panel').isHidden()).toBe(true);

  // The booking, typed in the real sidebar inside the page.
  const side = page.frameLocator('#sidebar-frame');
  await side.getByTestId('ready').waitFor({ timeout: 15_000 });
  await side.locator('#table').selectOption('bookings');
  await side.getByTestId('new').click();
  await side.locator('form[data-sheet="bookings"]').waitFor();
  await side.locator('#f-space').fill('Salle des Tisserands');
  await side.locator('#f-title').fill(TITLE);
  await side.locator('#f-startDate').fill('2026-09-03');
  await side.locator('#f-startTime').fill('14:30');
  await side.locator('#f-endTime').fill('16:00');
  // An option is kept even if the demo has the room then (it is flagged, not refused).
  await side.locator('#f-status').selectOption('Option');
  await side.getByTestId('submit').click();
  await side.getByTestId('form-status').filter({ hasText: /créée/ }).waitFor({ timeout: 15_000 });

  // In the grid…
  await page.locator('#tabs button', { hasText: 'Réservations' }).click();
  await page.locator('#grid td', { hasText: TITLE }).first().waitFor({ timeout: 15_000 });

  // …and in the space's week, told apart from an external event of the calendar.
  await page.getByTestId('open-calendars').click();
  const panel = page.getByTestId('calendar-panel');
  await expect(panel.getByTestId('calendar-week').textContent()).resolves.toBe(
    'Semaine du lundi 31 août 2026 au dimanche 6 septembre 2026',
  );
  const room = panel.locator('section[data-space="Salle des Tisserands"]');
  const item = room.locator('[data-day="2026-09-03"] .item.booking', { hasText: TITLE });
  await item.waitFor({ timeout: 15_000 });
  await expect(item.textContent()).resolves.toBe(`14:30–16:00${TITLE}`);
  await expect(room.locator('.day.today').getAttribute('data-day')).resolves.toBe('2026-09-01');
  // A space with nothing this week says so.
  const spaces = await panel.locator('section.space').count();
  expect(spaces).toBeGreaterThan(3);
  const empty = panel.locator('section.space p.empty', {
    hasText: 'Rien de prévu cette semaine dans cet espace.',
  });
  expect(await empty.count()).toBeGreaterThan(0);
  expect((await panel.locator('section.space .week').count()) + (await empty.count())).toBe(spaces);
  // The panel covers the grid, not the sidebar.
  const box = await panel.boundingBox();
  const sidebar = await page.locator('#sidebar').boundingBox();
  expect(box && sidebar && box.x + box.width <= sidebar.x + 1).toBe(true);
  await page.screenshot({ path: 'tests/browser/__screens__/playground-panels-calendar.png' });
  await panel.getByTestId('week-next').click();
  await expect(panel.getByTestId('calendar-week').textContent()).resolves.toBe(
    'Semaine du lundi 7 septembre 2026 au dimanche 13 septembre 2026',
  );
  expect(await panel.locator('.item', { hasText: TITLE }).count()).toBe(0);
  await panel.getByTestId('week-previous').click();
  await room.locator('[data-day="2026-09-03"] .item.booking', { hasText: TITLE }).waitFor();

  // A document made in the sidebar's « Documents » panel…
  const listed = workspace.runner.call('listRecords', 'meetings');
  if (!listed.ok) throw new Error(listed.error);
  const meeting = (listed.value as { data: { id: string }[] }).data[0];
  await side.locator('#table').selectOption('bookings'); // back to the home view of the sidebar
  const documents = side.getByTestId('documents');
  await documents
    .getByRole('option', { name: 'Compte rendu de réunion' })
    .waitFor({ state: 'attached', timeout: 15_000 });
  await documents.getByTestId('document-type').selectOption({ label: 'Compte rendu de réunion' });
  await documents.getByTestId('document-record').fill(meeting.id);
  await documents.getByTestId('document-generate').click();
  await documents
    .getByTestId('document-status')
    .getByText(/est prêt\.$/)
    .waitFor({ timeout: 20_000 });
  const made = documentList(workspace.emulator).find((d) => d.inSheet);
  if (!made?.id) throw new Error('no document listed');

  // …is listed in the page's « Documents » panel, shown, and downloaded as .docx.
  await page.getByTestId('open-documents').click();
  const docs = page.getByTestId('documents-panel');
  expect(await panel.isHidden()).toBe(true);
  await docs.locator(`button[data-id="${made.id}"]`).waitFor({ timeout: 15_000 });
  await expect(docs.locator(`button[data-id="${made.id}"]`).getAttribute('aria-current')).resolves.toBe(
    'true',
  );
  const shown = page.frameLocator('[data-testid="document-frame"]');
  await shown.locator('body').getByText(made.title.slice(0, 25)).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: 'tests/browser/__screens__/playground-panels-documents.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    docs.getByTestId('document-download').click(),
  ]);
  // Named after the Drive file (`filename*`, UTF-8), which is the document's title.
  const name = workspace.emulator.drive.items.get(made.id)?.name ?? '';
  expect(name).toBe(made.title);
  expect(download.suggestedFilename()).toBe(`${name.replace(/\//g, ' ')}.docx`);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  // The body opens on its heading (the title without the meeting's date), then the meeting's day.
  const heading = value.split('\n')[0].trim();
  expect(heading).toBe('Compte rendu — Réunion des résident·es (hiver)');
  expect(made.title.startsWith(heading)).toBe(true);
  expect(value).toContain('le 15 janvier 2026');
  expect(errors).toEqual([]);
  await page.close();

  // The panels' chrome follows `?locale=en`.
  const english = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await english.goto(`${chromium.playground.url}/?locale=en`);
  await expect(english.getByTestId('open-calendars').textContent()).resolves.toBe('Calendars');
  await english.getByTestId('open-calendars').click();
  await expect(english.getByTestId('calendar-week').textContent()).resolves.toBe(
    'Week of Monday, 31 August 2026 to Sunday, 6 September 2026',
  );
  await english.close();
}, 120_000);
