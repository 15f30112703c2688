/** The sidebar's entry: loads everything it needs in one server call, then renders. */
import { formatMessage, type Locale, localeFromTag, t } from '../shared/i18n';
import { el, replaceChildren } from './dom';
import { call, ServerError } from './rpc';

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const guess: Locale = localeFromTag(navigator.language);
  replaceChildren(root, el('p', { class: 'status', role: 'status' }, t(guess, 'sidebar.loading')));
  call('getSidebarBootstrap')
    .then((boot) => {
      document.documentElement.lang = boot.locale;
      replaceChildren(
        root,
        el('h1', {}, t(boot.locale, 'sidebar.title')),
        el(
          'p',
          { 'data-testid': 'workbook' },
          t(boot.locale, 'sidebar.workbook', { name: boot.workbookName }),
        ),
        el('p', { class: 'status', role: 'status', 'data-testid': 'ready' }, t(boot.locale, 'sidebar.ready')),
        el(
          'p',
          { class: 'meta' },
          formatMessage('v{v} · ', { v: boot.appVersion }, boot.locale),
          t(boot.locale, 'sidebar.serverTime', { ms: boot.serverMs }),
        ),
      );
    })
    .catch((error: unknown) => {
      const message = error instanceof ServerError ? error.message : t(guess, 'error.internal');
      replaceChildren(root, el('p', { class: 'error', role: 'alert' }, message));
    });
}

start();
