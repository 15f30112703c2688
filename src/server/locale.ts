/** The active user's UI locale, read once per execution from Session. */
import { type Locale, localeFromTag } from '../shared/i18n';

let cached: Locale | null = null;

/** `fr` unless the user's Google locale is English. */
export function userLocale(): Locale {
  if (cached === null) {
    try {
      cached = localeFromTag(Session.getActiveUserLocale());
    } catch (_e) {
      // onOpen may run before the add-on is authorised: French, and the menu still appears.
      cached = 'fr';
    }
  }
  return cached;
}
