import { expectGoogleError, setup } from './helpers';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('protections', () => {
  test('range and sheet protections are listed by type and keep their settings', () => {
    const { app, ss, sheet } = setup();
    const p = sheet.getRange('A1:F1').protect().setDescription('En-têtes Pilote').setWarningOnly(true);
    expect(p.getProtectionType()).toBe(app.ProtectionType.RANGE);
    const sp = sheet.protect().setDescription('Feuille');
    expect(sheet.protect().getDescription()).toBe('Feuille');
    expect(ss.getProtections(app.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual([
      'En-têtes Pilote',
    ]);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(ss.getProtections(app.ProtectionType.RANGE)[0].isWarningOnly()).toBe(true);
    expect(ss.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A1:F1');
    sp.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  test('a protected range blocks other users typing, not the owner nor listed editors', () => {
    const { app, sheet } = setup();
    // Users outside the owner's domain (example.org): domain edit does not let them in.
    sheet.getRange('A1:F1').protect().addEditor('ami@ailleurs.example');
    expectGoogleError(
      () => app._userEdit('Feuille 1', 'B1', 'x', { as: 'autre@ailleurs.example' }),
      PROTECTED,
    );
    app._userEdit('Feuille 1', 'B1', 'x', { as: 'ami@ailleurs.example' });
    app._userEdit('Feuille 1', 'C1', 'y');
    app._userEdit('Feuille 1', 'B2', 'z', { as: 'autre@ailleurs.example' });
    expect(sheet.getRange('B1:C2').getValues()).toEqual([
      ['x', 'y'],
      ['z', ''],
    ]);
  });

  test('a protected range moves with inserted rows', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:B1').protect();
    sheet.insertRowsBefore(1, 2);
    expect(
      app.getActiveSpreadsheet().getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation(),
    ).toBe('A3:B3');
  });
});

describe('data validation', () => {
  test('rules are built, stored per cell and read back', () => {
    const { app, sheet } = setup();
    const rooms = sheet.getRange('H1:H3');
    rooms.setValues([['Salle A'], ['Salle B'], ['Atelier']]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(rooms, true)
      .setAllowInvalid(false)
      .setHelpText('Choisir une salle')
      .build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    const back = sheet.getRange('B5').getDataValidation();
    expect(back?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
    const criteriaRange = back?.getCriteriaValues()[0] as { getA1Notation(): string };
    expect(criteriaRange.getA1Notation()).toBe('H1:H3');
    expect([back?.getAllowInvalid(), back?.getHelpText()]).toEqual([false, 'Choisir une salle']);
    expect(sheet.getRange('B1:B2').getDataValidations()).toEqual([[null], [expect.anything()]]);
    sheet.getRange('B2:B10').setDataValidation(null);
    expect(sheet.getRange('B5').getDataValidation()).toBeNull();
  });

  test('a rejecting rule blocks invalid user input; scripts are not blocked', () => {
    const { app, sheet } = setup();
    const list = app.newDataValidation().requireValueInList(['Oui', 'Non']).setAllowInvalid(false).build();
    sheet.getRange('A1:A5').setDataValidation(list);
    app._userEdit('Feuille 1', 'A1', 'Oui');
    expectGoogleError(
      () => app._userEdit('Feuille 1', 'A2', 'Peut-être'),
      'There was a problem. The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    sheet.getRange('A2').setValue('Peut-être');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['Oui'], ['Peut-être']]);
  });

  test('a warning rule lets invalid user input through', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    app._userEdit('Feuille 1', 'A1', '42');
    expect(sheet.getRange('A1').getValue()).toBe(42);
  });

  test('numbers, dates and checkboxes are checked on user input', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
    sheet
      .getRange('B1')
      .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    sheet
      .getRange('C1')
      .setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    app._userEdit('Feuille 1', 'A1', '7,5');
    app._userEdit('Feuille 1', 'B1', '01/04/2026');
    app._userEdit('Feuille 1', 'C1', 'VRAI');
    expect(() => app._userEdit('Feuille 1', 'A1', '11')).toThrow('violates');
    expect(() => app._userEdit('Feuille 1', 'B1', 'demain')).toThrow('violates');
    expect(() => app._userEdit('Feuille 1', 'C1', 'oui')).toThrow('violates');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['7,5', '01/04/2026', 'VRAI']]);
  });

  test('a list of more than 500 items is refused', () => {
    const { app } = setup();
    const items = Array.from({ length: 501 }, (_, i) => `v${i}`);
    expectGoogleError(
      () => app.newDataValidation().requireValueInList(items),
      'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
    );
  });
});
