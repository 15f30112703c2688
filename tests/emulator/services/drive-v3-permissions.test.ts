/**
 * Drive.Permissions (v3) in the emulator (developers.google.com/drive/api/reference/rest/v3/
 * permissions/create, …/list): on a file the app created, a reader permission without the
 * notification e-mail; the owner listed; `emailAddress` only when `fields` asks for it; drive.file
 * refuses a file the app did not create with « File not found »; scopes enforced by the membrane.
 */
import { Emulator } from '../../../local/emulator/emulator';
import { DRIVE_V3_SCOPES } from '../../../local/emulator/services/drive-v3';
import { MIME } from '../../../local/emulator/services/drive/store';
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function makeDoc() {
  return Drive.Files.create({ name: 'Plan', mimeType: 'application/vnd.google-apps.document' }).id;
}
function share(id, email, notify) {
  var args = notify === undefined ? undefined : { sendNotificationEmail: notify };
  return args ? Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id, args)
              : Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id);
}
function listOf(id, fields) { return fields ? Drive.Permissions.list(id, { fields: fields }) : Drive.Permissions.list(id); }
function attempt(fn) { try { return 'ok: ' + JSON.stringify(fn()); } catch (e) { return e.name + ': ' + e.message; } }
function tryShare(id, resource) { return attempt(function () { return Drive.Permissions.create(resource, id, { sendNotificationEmail: false }); }); }
function tryList(id) { return attempt(function () { return Drive.Permissions.list(id); }); }
`;

/** The value of a call that must run (the script catches what it expects to be refused). */
function ran(out: { ok: true; value: unknown } | { ok: false; error: string }): unknown {
  if (!out.ok) throw new Error(out.error);
  return out.value;
}

describe('Drive.Permissions (v3)', () => {
  test('a reader on the app’s file: default fields kind, id, type, role; the list with addresses when asked', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('makeDoc');
    if (!made.ok) throw new Error(made.error);
    const id = String(made.value);
    const out = runner.call('share', id, 'Com@Valmoret.example', false);
    if (!out.ok) throw new Error(out.error);
    expect(out.value).toEqual({
      kind: 'drive#permission',
      id: expect.any(String),
      type: 'user',
      role: 'reader',
    });
    expect(out.stats.byMethod).toMatchObject({ 'Drive.Permissions.create': 1 });

    const plain = runner.call('listOf', id);
    if (!plain.ok) throw new Error(plain.error);
    const perms = (plain.value as { permissions: Record<string, unknown>[] }).permissions;
    expect(perms.map((p) => p.role)).toEqual(['owner', 'reader']);
    expect(perms.every((p) => p.emailAddress === undefined)).toBe(true);

    const withMail = runner.call('listOf', id, 'permissions(id,emailAddress,role)');
    if (!withMail.ok) throw new Error(withMail.error);
    expect(withMail.value).toEqual({
      permissions: [
        { id: expect.any(String), emailAddress: emulator.session._effectiveEmail(), role: 'owner' },
        { id: expect.any(String), emailAddress: 'com@valmoret.example', role: 'reader' },
      ],
    });
    expect(emulator.driveV3._permissions(id).map((p) => p.notified)).toEqual([false, false]);
  });

  test('without sendNotificationEmail: false, Drive would have sent its e-mail (recorded)', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('makeDoc');
    if (!made.ok) throw new Error(made.error);
    const out = runner.call('share', String(made.value), 'com@valmoret.example');
    if (!out.ok) throw new Error(out.error);
    expect(emulator.driveV3._permissions(String(made.value))[1]).toMatchObject({
      role: 'reader',
      notified: true,
    });
  });

  test('drive.file: a file the app did not create is « File not found », and nothing is added', () => {
    const emulator = new Emulator();
    const { runner } = scriptHarness(SCRIPT, emulator);
    const foreign = emulator.drive.add('Pas à Pilote', MIME.GOOGLE_DOCS, emulator.drive.rootId);
    expect(
      ran(runner.call('tryShare', foreign.id, { role: 'reader', type: 'user', emailAddress: 'a@b.fr' })),
    ).toBe(
      `GoogleJsonResponseException: API call to drive.permissions.create failed with error: File not found: ${foreign.id}.`,
    );
    expect(ran(runner.call('tryList', foreign.id))).toBe(
      `GoogleJsonResponseException: API call to drive.permissions.list failed with error: File not found: ${foreign.id}.`,
    );
    emulator.driveV3._grantFullDrive();
    expect(ran(runner.call('tryList', foreign.id))).toMatch(/^ok: /);
  });

  test('bad resources are refused: no role, an unknown type, a user without address, a read-only field', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('makeDoc');
    if (!made.ok) throw new Error(made.error);
    const id = String(made.value);
    const refused = [
      { type: 'user', emailAddress: 'a@b.fr' },
      { role: 'reader', type: 'everyone', emailAddress: 'a@b.fr' },
      { role: 'reader', type: 'user' },
      { role: 'reader', type: 'user', emailAddress: 'pas une adresse' },
      { role: 'reader', type: 'user', emailAddress: 'a@b.fr', id: '42' },
      { role: 'owner', type: 'user', emailAddress: 'a@b.fr' },
    ];
    for (const r of refused)
      expect(ran(runner.call('tryShare', id, r))).toMatch(/^GoogleJsonResponseException: /);
    expect(emulator.driveV3._permissions(id)).toHaveLength(1);
  });

  test('the scope table lists drive.file, and the membrane enforces it', () => {
    for (const m of ['Drive.Permissions.create', 'Drive.Permissions.list'])
      expect(DRIVE_V3_SCOPES[m]).toContain('https://www.googleapis.com/auth/drive.file');
    expect(DRIVE_V3_SCOPES['Drive.Permissions.create']).not.toContain(
      'https://www.googleapis.com/auth/drive.readonly',
    );
    const { runner } = scriptHarness(SCRIPT);
    const { Runner } = jest.requireActual(
      '../../../local/runner/runner',
    ) as typeof import('../../../local/runner/runner');
    const emulator = new Emulator();
    const strict = new Runner({
      bundlePath: (runner as unknown as { options: { bundlePath: string } }).options.bundlePath,
      host: emulator,
      manifest: {
        timeZone: 'Europe/Paris',
        oauthScopes: [
          'https://www.googleapis.com/auth/drive.file',
          'https://www.googleapis.com/auth/drive.readonly',
        ],
      },
    });
    const made = strict.call('makeDoc');
    if (!made.ok) throw new Error(made.error);
    expect(strict.call('listOf', String(made.value)).ok).toBe(true);
    const readOnly = new Runner({
      bundlePath: (runner as unknown as { options: { bundlePath: string } }).options.bundlePath,
      host: emulator,
      manifest: { timeZone: 'Europe/Paris', oauthScopes: ['https://www.googleapis.com/auth/drive.readonly'] },
    });
    const out = readOnly.call('share', String(made.value), 'a@b.fr', false);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.error).toContain(
        'Specified permissions are not sufficient to call Drive.Permissions.create. Required permissions: (https://www.googleapis.com/auth/drive || https://www.googleapis.com/auth/drive.file)',
      );
  });
});
