/**
 * The « Initiatives inspirantes » search of the sidebar: a search box (debounced, two characters
 * at least, as the server wants) asking `findInitiatives` only when the user types, so that the
 * sidebar still opens in one call. Each result shows its title, place, themes and a lesson
 * excerpt, and opens the initiative's form. An answer to an older query is dropped.
 */
import { type Locale, t } from '../shared/i18n';
import { el, replaceChildren } from './dom';
import { call, ServerError } from './rpc';

const DELAY_MS = 300;
const MIN_LENGTH = 2;
const EXCERPT_MAX = 140;

const excerpt = (text: string) =>
  text.length <= EXCERPT_MAX ? text : `${text.slice(0, EXCERPT_MAX - 1).trimEnd()}…`;

/** Builds the panel; `openRecord(sheet, id)` shows a record's form in the sidebar. */
export function renderInitiativesPanel(
  locale: Locale,
  openRecord: (sheet: string, id: string) => void,
): HTMLElement {
  const input = el('input', {
    id: 'initiatives-query',
    type: 'search',
    autocomplete: 'off',
    'aria-controls': 'initiatives-results',
    'data-testid': 'initiatives-query',
  });
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'initiatives-status' });
  const list = el('ul', {
    id: 'initiatives-results',
    class: 'results',
    'data-testid': 'initiatives-results',
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  const run = () => {
    const query = input.value.trim();
    const mine = ++seq;
    if (query.length < MIN_LENGTH) {
      replaceChildren(list);
      status.textContent = query === '' ? '' : t(locale, 'initiatives.short');
      return;
    }
    status.textContent = t(locale, 'sidebar.loading');
    call('findInitiatives', { query })
      .then((found) => {
        if (mine !== seq) return;
        status.textContent =
          found.length === 0
            ? t(locale, 'initiatives.none', { query })
            : t(locale, 'initiatives.count', { n: found.length });
        replaceChildren(
          list,
          ...found.map((m) =>
            el(
              'li',
              {},
              el(
                'button',
                { type: 'button', class: 'hit', 'data-id': m.id },
                el('span', { class: 'hit-label' }, m.name),
                el('span', { class: 'hit-detail' }, [m.place, m.town].filter((x) => x).join(', ')),
                m.themes.length ? el('span', { class: 'hit-detail' }, m.themes.join(' · ')) : null,
                m.lessons || m.takeaway
                  ? el('span', { class: 'hit-excerpt' }, excerpt(m.lessons || m.takeaway))
                  : null,
              ),
            ),
          ),
        );
      })
      .catch((error: unknown) => {
        if (mine !== seq) return;
        replaceChildren(list);
        status.textContent =
          error instanceof ServerError && !error.transport ? error.message : t(locale, 'error.internal');
      });
  };

  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (timer) clearTimeout(timer);
    run();
  });
  list.addEventListener('click', (event) => {
    const id = (event.target as Element | null)?.closest('button.hit')?.getAttribute('data-id');
    if (id) openRecord('inspirations', id);
  });

  return el(
    'section',
    { class: 'initiatives', 'aria-labelledby': 'initiatives-title', 'data-testid': 'initiatives' },
    el('h2', { id: 'initiatives-title' }, t(locale, 'initiatives.title')),
    el('label', { for: 'initiatives-query' }, t(locale, 'initiatives.search')),
    input,
    status,
    list,
  );
}
