import { expectGoogleError, setup } from './helpers';

function columnOf(app: ReturnType<typeof setup>['app'], key: string): number | undefined {
  const found = app
    .getActiveSpreadsheet()
    .createDeveloperMetadataFinder()
    .withKey(key)
    .withLocationType(app.DeveloperMetadataLocationType.COLUMN)
    .find();
  return found[0]?.getLocation().getColumn()?.getColumn();
}

describe('developer metadata', () => {
  test('spreadsheet, sheet and column levels, found by key and location type', () => {
    const { app, ss, sheet } = setup();
    ss.addDeveloperMetadata('pilote.version', '3');
    sheet.addDeveloperMetadata('pilote.sheet', 'bookings', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('pilote.col', 'amount');
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['pilote.version', '3'],
    ]);
    const sheetMeta = sheet.getDeveloperMetadata();
    expect(sheetMeta.map((m) => m.getKey())).toEqual(['pilote.sheet']);
    expect(sheetMeta[0].getVisibility()).toBe(app.DeveloperMetadataVisibility.PROJECT);
    expect(String(sheetMeta[0].getLocation().getLocationType())).toBe('SHEET');
    expect(sheetMeta[0].getLocation().getSheet()?.getName()).toBe('Feuille 1');
    const col = ss.createDeveloperMetadataFinder().withKey('pilote.col').find();
    expect(col).toHaveLength(1);
    expect(col[0].getLocation().getColumn()?.getA1Notation()).toBe('C1:C1000');
    expect(
      sheet
        .getRange('C:C')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['amount']);
    expect(sheet.createDeveloperMetadataFinder().withValue('amount').find()).toHaveLength(1);
    expect(
      ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.ROW).find(),
    ).toHaveLength(0);
  });

  test('metadata on an arbitrary range is refused', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:B2').addDeveloperMetadata('k'),
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
  });

  test('column metadata moves when a user inserts columns before it or moves the column', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Date', 'Salle', 'Montant']]);
    sheet.getRange('C:C').addDeveloperMetadata('pilote.amount');
    sheet.getRange('D2').setFormula('=C2*2');
    sheet.getRange('C2').setValue(21);
    app._userInsertColumn('Feuille 1', 1);
    expect(columnOf(app, 'pilote.amount')).toBe(4);
    expect(sheet.getRange('E2').getFormula()).toBe('=D2*2');
    app._userMoveColumn('Feuille 1', 4, 1);
    expect(columnOf(app, 'pilote.amount')).toBe(1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['Montant'], [21]]);
    expect(sheet.getRange('E2').getFormula()).toBe('=A2*2');
    expect(sheet.getRange('E2').getValue()).toBe(42);
    app._userMoveColumn('Feuille 1', 1, 3);
    expect(columnOf(app, 'pilote.amount')).toBe(3);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', 'Date', 'Montant', 'Salle']]);
    expect(sheet.getRange('E2').getFormula()).toBe('=C2*2');
    app._userRenameHeader('Feuille 1', 3, 'Somme');
    expect(sheet.getRange('C1').getValue()).toBe('Somme');
  });

  test('column metadata disappears with its deleted column; setters and remove', () => {
    const { app, sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'v');
    const [m] = app.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('k').find();
    m.setValue('w');
    expect(m.getValue()).toBe('w');
    m.moveToColumn(sheet.getRange('D:D'));
    expect(columnOf(app, 'k')).toBe(4);
    sheet.deleteColumns(4, 1);
    expect(columnOf(app, 'k')).toBeUndefined();
    sheet.getRange('B:B').addDeveloperMetadata('k2');
    app.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('k2').find()[0].remove();
    expect(app.getActiveSpreadsheet().createDeveloperMetadataFinder().find()).toHaveLength(0);
  });
});
