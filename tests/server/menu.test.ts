/** The add-on menu: built by onOpen as a simple trigger, every item bound to a real global. */
import { newHarness } from './harness';

describe('onOpen', () => {
  const h = newHarness();
  const { stats } = h.runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
  const menu = h.emulator.ui.menus.get('Pilote');

  test('builds Extensions → Pilote in French, cheaply', () => {
    expect(menu?.addon).toBe(true);
    const captions = menu?.entries.flatMap((e) => (e.kind === 'item' ? [e.caption] : []));
    expect(captions).toEqual([
      'Ouvrir Pilote',
      'Modifier la ligne sélectionnée',
      'Produire un document',
      'Synchroniser les agendas',
      'Recevoir le récapitulatif quotidien',
      'Proposer le planning de la semaine',
      'Proposer les vérifications de sécurité',
      'Passer en charge dans les opérations',
      'Installer ou mettre à jour le classeur',
      'Mettre à jour les protections',
      'Charger des données d’exemple',
    ]);
    expect(stats.calls).toBeLessThanOrEqual(1);
  });

  test('every item calls a function the bundle declares', () => {
    const globals = h.runner.functionNames();
    for (const entry of menu?.entries ?? [])
      if (entry.kind === 'item') expect(globals).toContain(entry.functionName);
  });

  test('is English for an English user', () => {
    const en = newHarness({ userLocale: 'en_GB' });
    en.runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    const first = en.emulator.ui.menus.get('Pilote')?.entries[0];
    expect(first).toMatchObject({ kind: 'item', caption: 'Open Pilote' });
  });
});

test('« Modifier la ligne sélectionnée » opens the sidebar marked to start on the selected record', () => {
  const h = newHarness();
  const { stats } = h.runner.run('menuEditSelection');
  const shown = h.emulator.ui._lastSidebar();
  expect(shown?.html).toContain('<main id="app" data-start="selection"');
  expect(stats.calls).toBeLessThanOrEqual(1);
  h.runner.run('openSidebar');
  expect(h.emulator.ui._lastSidebar()?.html).toContain('<main id="app" aria-live');
});

test('the setup menu item reports what it did in an alert', () => {
  const h = newHarness();
  h.emulator.ui._answerNext('OK');
  h.runner.run('menuSetupWorkbook');
  const shown = h.emulator.ui.shown.filter((s) => s.kind === 'alert');
  expect(JSON.stringify(shown[shown.length - 1])).toContain('Classeur prêt');
});

test('« Recevoir le récapitulatif quotidien » turns the digest on, then off, and says so', () => {
  const h = newHarness();
  h.emulator.ui._answerNext('OK');
  h.runner.run('menuSetupWorkbook');
  h.ss.getRangeByName('PILOTE_COORDINATOR_EMAILS')?.setValue('coordination@tiers-lieu.example');
  const alerts = () => h.emulator.ui.shown.filter((s) => s.kind === 'alert').map((s) => JSON.stringify(s));
  h.emulator.ui._answerNext('OK');
  h.runner.run('menuDailyDigest');
  expect(alerts().pop()).toContain('Vous recevrez chaque matin');
  expect(h.emulator.scriptApp._triggers().filter((t) => t.handler === 'dailyDigestTrigger')).toHaveLength(1);
  h.emulator.ui._answerNext('OK');
  h.runner.run('menuDailyDigest');
  expect(alerts().pop()).toContain('Vous ne recevrez plus');
  expect(h.emulator.scriptApp._triggers().filter((t) => t.handler === 'dailyDigestTrigger')).toEqual([]);
});
