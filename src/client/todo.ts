/**
 * The « À faire » panel: what is due today, grouped (safety checks, grants, urgent maintenance,
 * options, late actions, agreements, next steps), loaded when the coordinator opens it so that the
 * sidebar still opens in one call. Each item opens its record's form. The « Recevoir le
 * récapitulatif quotidien » box subscribes or unsubscribes the user to the daily e-mail.
 */
import type { TodoList } from '../server/digest';
import { type Locale, t } from '../shared/i18n';
import { el, replaceChildren } from './dom';
import { call, ServerError } from './rpc';

/** Builds the panel; `openRecord(sheet, id)` shows a record's form in the sidebar. */
export function renderTodoPanel(
  locale: Locale,
  openRecord: (sheet: string, id: string) => void,
): HTMLElement {
  const panel = el('section', { class: 'todo', 'aria-labelledby': 'todo-title', 'data-testid': 'todo' });
  const open = el(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'data-testid': 'todo-open' },
    t(locale, 'todo.open'),
  );
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'todo-status' });
  const list = el('div', { class: 'todo-list', 'data-testid': 'todo-list' });
  const digest = el('input', { type: 'checkbox', id: 'todo-digest', 'data-testid': 'todo-digest' });
  const digestRow = el(
    'div',
    { class: 'field', hidden: '' },
    digest,
    el('label', { for: 'todo-digest' }, t(locale, 'digest.toggle')),
  );
  const digestStatus = el('p', { class: 'status', role: 'status', 'data-testid': 'todo-digest-status' });

  const showError = (target: HTMLElement, error: unknown) => {
    target.textContent = error instanceof ServerError ? error.message : t(locale, 'error.internal');
  };

  const render = (todo: TodoList) => {
    digest.checked = todo.subscribed;
    digestRow.hidden = false;
    if (todo.count === 0) {
      replaceChildren(list, el('p', {}, t(locale, 'todo.empty')));
      return;
    }
    replaceChildren(
      list,
      ...todo.groups.map((g) =>
        el(
          'div',
          { class: 'todo-group', 'data-group': g.group },
          el('h3', {}, g.label),
          el(
            'ul',
            {},
            ...g.items.map((item) =>
              el(
                'li',
                { class: item.late ? 'late' : '' },
                el(
                  'button',
                  { type: 'button', class: 'hit', 'data-sheet': item.sheet, 'data-id': item.recordId },
                  el('span', { class: 'hit-label' }, item.title),
                  el(
                    'span',
                    { class: 'hit-detail' },
                    `${item.kindLabel} · ${item.date === '' ? item.when : `${item.date} (${item.when})`} · ${t(locale, 'todo.record', { sheet: item.sheetName, id: item.recordId })}`,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const load = () => {
    open.disabled = true;
    status.textContent = t(locale, 'sidebar.loading');
    call('getTodo')
      .then((todo) => {
        status.textContent = '';
        open.setAttribute('aria-expanded', 'true');
        render(todo);
      })
      .catch((error: unknown) => showError(status, error))
      .finally(() => {
        open.disabled = false;
      });
  };

  open.addEventListener('click', load);
  list.addEventListener('click', (event) => {
    const hit = (event.target as Element | null)?.closest('button.hit');
    const sheet = hit?.getAttribute('data-sheet');
    const id = hit?.getAttribute('data-id');
    if (sheet && id) openRecord(sheet, id);
  });
  digest.addEventListener('change', () => {
    const wanted = digest.checked;
    digest.disabled = true;
    digestStatus.textContent = '';
    call('setDailyDigest', wanted)
      .then((state) => {
        digest.checked = state.subscribed;
        digestStatus.textContent = state.message;
      })
      .catch((error: unknown) => {
        digest.checked = !wanted;
        showError(digestStatus, error);
      })
      .finally(() => {
        digest.disabled = false;
      });
  });

  replaceChildren(
    panel,
    el('h2', { id: 'todo-title' }, t(locale, 'todo.title')),
    open,
    status,
    list,
    digestRow,
    digestStatus,
  );
  return panel;
}
