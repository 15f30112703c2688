/**
 * Protections enforced per user for scripts: a script runs as Session's effective user, and a
 * user who is not an editor of a (non warning-only) protection cannot write into it
 * (developers.google.com/apps-script/reference/spreadsheet/protection).
 */
import { OWNER_EMAIL } from '../../../local/emulator/spreadsheet/protection';
import { expectGoogleError, setup } from './helpers';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const COORDINATOR = 'coordination@tiers-lieu.example';
const VOLUNTEER = 'benevole@tiers-lieu.example';

/** An app whose scripts run as `user.email` (change it to switch users). */
function asUsers() {
  const user = { email: COORDINATOR };
  const env = setup({ effectiveUser: () => user.email });
  return { ...env, user };
}

/** The coordinator protects the whole first sheet, keeping themselves and `editors` only. */
function protectSheet(env: ReturnType<typeof asUsers>, editors: string[] = []) {
  const protection = env.sheet.protect().setDescription('Médiations');
  protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
  protection.addEditors(editors);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return protection;
}

describe('protections enforced for the user a script runs as', () => {
  test('a non-editor cannot write values, formulas, formats, notes nor rows into a protected sheet', () => {
    const env = asUsers();
    protectSheet(env);
    env.sheet.getRange('A1').setValue('écrit par la coordination');
    env.user.email = VOLUNTEER;
    const { sheet } = env;
    const writes: (() => unknown)[] = [
      () => sheet.getRange('B2').setValue('x'),
      () => sheet.getRange('B2:C2').setValues([['x', 'y']]),
      () => sheet.getRange('B2').setFormula('=1+1'),
      () => sheet.getRange('B2').setFormulas([['=1+1']]),
      () => sheet.getRange('B2').setNumberFormat('0.00'),
      () => sheet.getRange('B2').setBackground('#ff0000'),
      () => sheet.getRange('B2').setNote('note'),
      () => sheet.getRange('A1').clearContent(),
      () => sheet.getRange('A1').clear(),
      () => sheet.appendRow(['x']),
      () => sheet.deleteRow(1),
      () => sheet.insertRowsAfter(1, 2),
      () => sheet.clearContents(),
    ];
    for (const write of writes) expectGoogleError(write, PROTECTED);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['écrit par la coordination', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  test('a listed editor, the current user who protected it and the owner may write', () => {
    const env = asUsers();
    protectSheet(env, ['ami@ailleurs.example']);
    env.sheet.getRange('A1').setValue('moi');
    env.user.email = 'ami@ailleurs.example';
    env.sheet.getRange('A2').setValue('ami');
    env.user.email = OWNER_EMAIL;
    env.sheet.getRange('A3').setValue('propriétaire');
    expect(env.sheet.getRange('A1:A3').getValues()).toEqual([['moi'], ['ami'], ['propriétaire']]);
  });

  test('removeEditors keeps the owner and the current user; getEditors lists them', () => {
    const env = asUsers();
    const p = env.sheet.protect();
    p.addEditors(['a@ailleurs.example', 'b@ailleurs.example']);
    p.removeEditors(p.getEditors().map((u) => u.getEmail()));
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER_EMAIL, COORDINATOR]);
    p.removeEditor(COORDINATOR);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER_EMAIL, COORDINATOR]);
  });

  test('removing an editor takes their right away; canEdit() answers for the current user', () => {
    const env = asUsers();
    const p = protectSheet(env, [VOLUNTEER]);
    env.user.email = VOLUNTEER;
    expect(p.canEdit()).toBe(true);
    env.sheet.getRange('A1').setValue('avant');
    env.user.email = COORDINATOR;
    p.removeEditor(VOLUNTEER);
    env.user.email = VOLUNTEER;
    expect(p.canEdit()).toBe(false);
    expectGoogleError(() => env.sheet.getRange('A1').setValue('après'), PROTECTED);
    expect(env.sheet.getRange('A1').getValue()).toBe('avant');
  });

  test('a non-editor cannot change the protection itself', () => {
    const env = asUsers();
    const p = protectSheet(env);
    env.user.email = VOLUNTEER;
    expectGoogleError(() => p.addEditor(VOLUNTEER), PROTECTED);
    expectGoogleError(() => p.setWarningOnly(true), PROTECTED);
    expectGoogleError(() => p.setDomainEdit(true), PROTECTED);
    expectGoogleError(() => p.remove(), PROTECTED);
    expect(p.isWarningOnly()).toBe(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER_EMAIL, COORDINATOR]);
  });

  test('domain edit lets users of the owner’s domain in, and only them', () => {
    const env = asUsers();
    const p = protectSheet(env);
    env.user.email = COORDINATOR;
    p.setDomainEdit(true);
    env.user.email = 'collegue@example.org';
    env.sheet.getRange('A1').setValue('même domaine');
    env.user.email = VOLUNTEER;
    expectGoogleError(() => env.sheet.getRange('A2').setValue('autre domaine'), PROTECTED);
    env.user.email = COORDINATOR;
    p.setDomainEdit(false);
    env.user.email = 'collegue@example.org';
    expectGoogleError(() => env.sheet.getRange('A2').setValue('plus maintenant'), PROTECTED);
  });

  test('a warning-only protection never blocks a script', () => {
    const env = asUsers();
    const p = protectSheet(env);
    p.setWarningOnly(true);
    env.user.email = VOLUNTEER;
    env.sheet.getRange('A1').setValue('averti seulement');
    expect(env.sheet.getRange('A1').getValue()).toBe('averti seulement');
  });

  test('a range protection blocks only its cells; unprotected ranges of a sheet stay open', () => {
    const env = asUsers();
    const range = env.sheet.getRange('A1:B2').protect();
    range.removeEditors(range.getEditors().map((u) => u.getEmail()));
    range.setDomainEdit(false);
    const other = env.ss.insertSheet('Ouverte en partie');
    const sp = other.protect();
    sp.setDomainEdit(false);
    sp.removeEditors(sp.getEditors().map((u) => u.getEmail()));
    sp.setUnprotectedRanges([other.getRange('D1:D10')]);
    env.user.email = VOLUNTEER;
    expectGoogleError(() => env.sheet.getRange('B2:C2').setValues([['x', 'y']]), PROTECTED);
    env.sheet.getRange('C2').setValue('hors plage');
    other.getRange('D3').setValue('zone libre');
    expectGoogleError(() => other.getRange('D10:E10').setValues([['x', 'y']]), PROTECTED);
    expect([env.sheet.getRange('C2').getValue(), other.getRange('D3').getValue()]).toEqual([
      'hors plage',
      'zone libre',
    ]);
  });
});
