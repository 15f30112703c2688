import { Runtime } from '../../../local/emulator/runtime';
import { SessionEmulator } from '../../../local/emulator/services';

describe('Session', () => {
  test('active and effective users give their e-mail', () => {
    const s = new SessionEmulator(new Runtime(), {
      activeUserEmail: 'a@x.fr',
      effectiveUserEmail: 'dev@x.fr',
    });
    expect(s.getActiveUser().getEmail()).toBe('a@x.fr');
    expect(s.getEffectiveUser().getEmail()).toBe('dev@x.fr');
  });

  test('the effective user defaults to the active user', () => {
    expect(
      new SessionEmulator(new Runtime(), { activeUserEmail: 'a@x.fr' }).getEffectiveUser().getEmail(),
    ).toBe('a@x.fr');
  });

  test('an anonymous context gives an empty e-mail, as Google does', () => {
    const s = new SessionEmulator(new Runtime());
    s._configure({ activeUserEmail: '' });
    expect(s.getActiveUser().getEmail()).toBe('');
  });

  test('locale is configurable in Google’s form (fr, en, en_GB)', () => {
    const s = new SessionEmulator(new Runtime(), { locale: 'en_GB' });
    expect(s.getActiveUserLocale()).toBe('en_GB');
    s._configure({ locale: 'fr' });
    expect(s.getActiveUserLocale()).toBe('fr');
  });

  test('a hyphenated locale is refused, Google never returns one', () => {
    expect(() => new SessionEmulator(new Runtime(), { locale: 'en-GB' })).toThrow(
      'not a locale Google returns',
    );
  });

  test('script time zone defaults to Europe/Paris; an unknown zone is refused', () => {
    const s = new SessionEmulator(new Runtime());
    expect(s.getScriptTimeZone()).toBe('Europe/Paris');
    expect(() => s._configure({ timeZone: 'Mars/Olympus' })).toThrow();
  });

  test('the temporary key is stable per user and differs between users', () => {
    const s = new SessionEmulator(new Runtime(), { activeUserEmail: 'a@x.fr' });
    const k = s.getTemporaryActiveUserKey();
    expect(s.getTemporaryActiveUserKey()).toBe(k);
    expect(k).not.toContain('a@x.fr');
    s._configure({ activeUserEmail: 'b@x.fr' });
    expect(s.getTemporaryActiveUserKey()).not.toBe(k);
  });

  test('Session calls are resolved locally: logged, free, not round trips', () => {
    const rt = new Runtime();
    rt.beginExecution('x', 'normal', false);
    new SessionEmulator(rt).getActiveUserLocale();
    const stats = rt.endExecution();
    expect(stats.ms).toBe(0);
    expect(stats.calls).toBe(0);
    expect(stats.log.map((c) => `${c.service}.${c.method}`)).toEqual(['Session.getActiveUserLocale']);
  });
});
