import { COSTS, LIMITS, Runtime } from '../../../local/emulator/runtime';
import { HtmlServiceEmulator, UI_LIMITS, UiEmulator } from '../../../local/emulator/services';

function setup() {
  const rt = new Runtime();
  return { rt, ui: new UiEmulator(rt, { addonName: 'Pilote' }), html: new HtmlServiceEmulator(rt) };
}

describe('Ui', () => {
  test('menus are recorded as data, sub-menus and separators included', () => {
    const { ui } = setup();
    const sub = ui.createMenu('Données').addItem('Démo', 'loadDemo');
    ui.createAddonMenu().addItem('Ouvrir', 'openSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(ui.menus.get('Pilote')).toEqual({
      addon: true,
      entries: [
        { kind: 'item', caption: 'Ouvrir', functionName: 'openSidebar' },
        { kind: 'separator' },
        {
          kind: 'submenu',
          caption: 'Données',
          entries: [{ kind: 'item', caption: 'Démo', functionName: 'loadDemo' }],
        },
      ],
    });
  });

  test('a menu added again under the same caption replaces the first', () => {
    const { ui } = setup();
    ui.createMenu('M').addItem('a', 'a').addToUi();
    ui.createMenu('M').addItem('b', 'b').addToUi();
    expect(ui.menus.size).toBe(1);
    expect(ui.menus.get('M')!.entries).toHaveLength(1);
  });

  test('the sidebar keeps its HTML and title and is 300 px wide whatever setWidth says', () => {
    const { ui, html } = setup();
    ui.showSidebar(html.createHtmlOutput('<p>x</p>').setTitle('Pilote').setWidth(600));
    expect(ui._lastSidebar()).toEqual({ kind: 'sidebar', title: 'Pilote', html: '<p>x</p>', width: 300 });
    expect(UI_LIMITS.sidebarWidth).toBe(300);
  });

  test('dialogs keep their title and size', () => {
    const { ui, html } = setup();
    ui.showModalDialog(html.createHtmlOutput('d').setWidth(500).setHeight(200), 'Titre');
    expect(ui.shown[0]).toMatchObject({ kind: 'modal', title: 'Titre', width: 500, height: 200 });
  });

  test('an alert with no scripted answer throws (Google would wait for a user)', () => {
    expect(() => setup().ui.alert('Sûr ?')).toThrow('no answer was scripted');
  });

  test('alert returns the scripted button and is recorded', () => {
    const { ui } = setup();
    ui._answerNext('YES');
    expect(ui.alert('Supprimer', 'Sûr ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.shown[0]).toMatchObject({ kind: 'alert', title: 'Supprimer', answer: 'YES' });
  });

  test('a scripted button not in the ButtonSet is refused', () => {
    const { ui } = setup();
    ui._answerNext('YES');
    expect(() => ui.alert('Info')).toThrow('not a button of ButtonSet.OK');
  });

  test('prompt returns the scripted text and button', () => {
    const { ui } = setup();
    ui._answerNext('OK', 'Salle A');
    const r = ui.prompt('Nom', 'Nom de la salle ?', ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Salle A');
    expect(r.getSelectedButton()).toBe('OK');
  });

  test('the user’s thinking time counts toward the execution (30 s for a simple trigger)', () => {
    const { rt, ui } = setup();
    rt.beginExecution('onOpen', 'simpleTrigger', false);
    ui._answerNext('OK', '', 31_000);
    expect(() => ui.alert('Bonjour')).toThrow(LIMITS.exceededMessage);
  });

  test('without a UI (time trigger) every call throws Google’s text', () => {
    const { ui } = setup();
    ui._setAvailable(false);
    expect(() => ui.createMenu('M')).toThrow(UI_LIMITS.noUi);
    expect(UI_LIMITS.noUi).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('showing is charged as a ui round trip', () => {
    const { rt, ui, html } = setup();
    rt.beginExecution('x', 'normal', false);
    ui.showSidebar(html.createHtmlOutput(''));
    const stats = rt.endExecution();
    expect(stats.byMethod['Ui.showSidebar']).toBe(1);
    expect(stats.ms).toBe(COSTS.ui);
  });

  test('snapshot/restore keeps menus and what was shown', () => {
    const { rt, ui, html } = setup();
    ui.createMenu('M').addItem('a', 'a').addToUi();
    ui.showSidebar(html.createHtmlOutput('s'));
    const again = new UiEmulator(rt);
    again.restore(JSON.parse(JSON.stringify(ui.snapshot())));
    expect(again.menus.get('M')!.entries).toHaveLength(1);
    expect(again._lastSidebar()!.html).toBe('s');
  });
});
