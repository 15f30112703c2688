/**
 * The sidebar's entry: one server call at open (the workbook and every table's form), then
 * navigation by domain, search, and the record forms.
 */
import { formatMessage, type Locale, localeFromTag, t } from '../shared/i18n';
import type { FormData, SidebarBootstrap } from '../shared/rpc';
import { el, replaceChildren } from './dom';
import { renderDocumentsPanel } from './documents';
import { renderRotaPanel } from './rota';
import { renderRecordForm } from './form';
import { renderTodoPanel } from './todo';
import { renderInitiativesPanel } from './initiatives';
import { renderMaintenanceCostAction, renderSafetyProposal } from './safety';
import { call, ServerError } from './rpc';

const SEARCH_DELAY_MS = 250;

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const guess: Locale = localeFromTag(navigator.language);
  replaceChildren(root, el('p', { class: 'status', role: 'status' }, t(guess, 'sidebar.loading')));
  // « Modifier la ligne sélectionnée » marks the page: the first call also brings that record.
  const opening =
    root.getAttribute('data-start') === 'selection'
      ? call('getSidebarBootstrap', { start: 'selection' })
      : call('getSidebarBootstrap');
  opening
    .then((boot) => renderApp(root, boot))
    .catch((error: unknown) => {
      const message = error instanceof ServerError ? error.message : t(guess, 'error.internal');
      replaceChildren(root, el('p', { class: 'error', role: 'alert' }, message));
    });
}

function renderApp(root: HTMLElement, boot: SidebarBootstrap): void {
  const locale = boot.locale;
  const { forms, domains } = boot.catalogue;
  document.documentElement.lang = locale;
  const formOf = (key: string) => forms.find((f) => f.key === key);

  const table = el('select', { id: 'table', 'data-testid': 'table' });
  for (const domain of domains) {
    const group = el('optgroup', { label: domain.label });
    for (const key of domain.tables) {
      const form = formOf(key);
      if (form) group.append(el('option', { value: key }, form.name));
    }
    table.append(group);
  }
  const search = el('input', {
    id: 'search',
    type: 'search',
    autocomplete: 'off',
    'aria-describedby': 'search-hint',
    'aria-controls': 'results',
    'data-testid': 'search',
  });
  const summary = el('p', { class: 'status', role: 'status', 'data-testid': 'search-summary' });
  const results = el('ul', { id: 'results', class: 'results', 'data-testid': 'results' });
  const more = el('button', { type: 'button', 'data-testid': 'more', hidden: '' }, t(locale, 'form.more'));
  const newButton = el('button', { type: 'button', 'data-testid': 'new' }, t(locale, 'form.new'));
  const selectionButton = el(
    'button',
    { type: 'button', 'data-testid': 'edit-selection' },
    t(locale, 'form.editSelection'),
  );
  const notice = el('p', { class: 'error', role: 'alert', 'data-testid': 'notice' });
  // « Synchroniser les agendas »: what was sent, received and refused, in one line.
  const syncButton = el('button', { type: 'button', 'data-testid': 'sync' }, t(locale, 'menu.sync'));
  const syncStatus = el('p', { class: 'status', role: 'status', 'data-testid': 'sync-status' });
  // Why each refused, failed or flagged booking was not synced, and the public agenda's address.
  const syncDetails = el('div', { class: 'sync-details', 'data-testid': 'sync-details' });
  syncButton.addEventListener('click', () => {
    syncButton.disabled = true;
    notice.textContent = '';
    syncStatus.textContent = t(locale, 'sidebar.loading');
    replaceChildren(syncDetails);
    call('syncBookingCalendars')
      .then((report) => {
        syncStatus.textContent = report.message;
        const reasons = [...report.refused, ...report.failed, ...report.notices];
        const parts: (HTMLElement | null)[] = [];
        if (reasons.length > 0)
          parts.push(
            el('p', {}, t(locale, 'sync.details')),
            el(
              'ul',
              { 'data-testid': 'sync-reasons' },
              ...reasons.map((r) => el('li', { 'data-id': r.id }, r.reason)),
            ),
          );
        const agenda = report.publicAgenda;
        if (agenda)
          parts.push(
            el(
              'p',
              { 'data-testid': 'sync-public' },
              t(locale, 'publicAgenda.summary', { pushed: agenda.pushed, removed: agenda.removed }),
              ' ',
              el(
                'a',
                { href: agenda.embedUrl, target: '_blank', rel: 'noopener noreferrer' },
                agenda.embedUrl,
              ),
            ),
            el('p', { class: 'help' }, t(locale, 'publicAgenda.howToPublish')),
            el('p', { class: 'help' }, t(locale, 'publicAgenda.oneWay')),
          );
        replaceChildren(syncDetails, ...parts);
      })
      .catch((error: unknown) => {
        syncStatus.textContent = '';
        showNotice(error);
      })
      .finally(() => {
        syncButton.disabled = false;
      });
  });
  const formArea = el('section', { class: 'form-area', 'aria-live': 'polite', 'data-testid': 'form-area' });

  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let searchSeq = 0;
  let shown = 0;
  let shownQuery = '';

  /** A new search (first page), or with `nextPage` the page after the hits shown (« Voir plus »). */
  const runSearch = (nextPage = false) => {
    const seq = ++searchSeq;
    const sheet = table.value;
    const query = nextPage ? shownQuery : search.value;
    const offset = nextPage ? shown : 0;
    more.disabled = true;
    call('searchRecords', { sheet, query, offset })
      .then((found) => {
        if (seq !== searchSeq) return;
        const items = found.hits.map((hit) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', class: 'hit', 'data-id': hit.id },
              el('span', { class: 'hit-label' }, hit.label),
              el('span', { class: 'hit-detail' }, `${hit.id}${hit.detail ? ` · ${hit.detail}` : ''}`),
            ),
          ),
        );
        if (nextPage) results.append(...items);
        else replaceChildren(results, ...items);
        shown = found.offset + found.hits.length;
        shownQuery = query;
        summary.textContent =
          found.total > shown
            ? t(locale, 'form.resultsShown', { total: found.total, n: shown })
            : t(locale, 'form.results', { n: found.total });
        more.hidden = found.total <= shown;
        more.disabled = false;
        // After « Voir plus », the first new hit takes the focus (the button moved below).
        if (nextPage) items[0]?.querySelector('button')?.focus();
      })
      .catch((error: unknown) => {
        more.disabled = false;
        if (seq === searchSeq) showNotice(error);
      });
  };

  const showNotice = (error: unknown) => {
    notice.textContent = error instanceof ServerError ? error.message : t(locale, 'error.internal');
  };

  const showForm = (data: FormData) => {
    const form = formOf(data.sheet);
    if (!form) return;
    table.value = data.sheet;
    renderRecordForm(formArea, form, data, locale, () => undefined);
    // A maintenance ticket with a cost and no operation yet: « Passer en charge… ».
    const post =
      data.sheet === 'maintenance' && data.record && renderMaintenanceCostAction(locale, data.record);
    if (post) formArea.append(post);
  };

  const openForm = (id: string | null) => {
    notice.textContent = '';
    call('getFormData', { sheet: table.value, id }).then(showForm).catch(showNotice);
  };

  table.addEventListener('change', () => {
    search.value = '';
    replaceChildren(results);
    summary.textContent = '';
    more.hidden = true;
    shown = 0;
    replaceChildren(formArea);
  });
  more.addEventListener('click', () => runSearch(true));
  search.addEventListener('input', () => {
    if (searchTimer) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch(), SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (searchTimer) clearTimeout(searchTimer);
      runSearch();
    }
  });
  results.addEventListener('click', (event) => {
    const hit = (event.target as Element | null)?.closest('button.hit');
    const id = hit?.getAttribute('data-id');
    if (id) openForm(id);
  });
  newButton.addEventListener('click', () => openForm(null));
  selectionButton.addEventListener('click', () => {
    notice.textContent = '';
    call('getSelectedRecord').then(showForm).catch(showNotice);
  });

  replaceChildren(
    root,
    el('h1', {}, t(locale, 'sidebar.title')),
    el(
      'p',
      { 'data-testid': 'workbook', class: 'meta-top' },
      t(locale, 'sidebar.workbook', { name: boot.workbookName }),
    ),
    el('p', { class: 'status', role: 'status', 'data-testid': 'ready' }, t(locale, 'sidebar.ready')),
    el(
      'nav',
      { 'aria-label': t(locale, 'form.domains') },
      el('label', { for: 'table' }, t(locale, 'form.table')),
      table,
      el('div', { class: 'actions' }, newButton, selectionButton, syncButton),
      syncStatus,
      syncDetails,
    ),
    el(
      'div',
      { role: 'search' },
      el('label', { for: 'search' }, t(locale, 'form.search')),
      search,
      el('p', { id: 'search-hint', class: 'help' }, t(locale, 'form.searchHint')),
      summary,
      results,
      more,
    ),
    notice,
    formArea,
    el(
      'p',
      { class: 'meta' },
      formatMessage('v{v} · ', { v: boot.appVersion }, locale),
      t(locale, 'sidebar.serverTime', { ms: boot.serverMs }),
    ),
  );
  // « Produire un document » (menu) opens the sidebar on the « Documents » panel.
  const documents = renderDocumentsPanel(locale, boot.documentTypes);
  root.insertBefore(documents, root.lastChild);
  // « Aujourd’hui »: today's rota, read when asked (the sidebar still opens in one call).
  root.insertBefore(renderRotaPanel(locale), documents);
  if (root.getAttribute('data-start') === 'documents') documents.querySelector('select')?.focus();
  // « À faire »: loaded on demand (the sidebar still opens in one call); an item opens its record.
  const todo = renderTodoPanel(locale, (sheet, id) => {
    notice.textContent = '';
    call('getFormData', { sheet, id }).then(showForm).catch(showNotice);
  });
  todo.append(renderSafetyProposal(locale));
  root.insertBefore(todo, root.querySelector('nav'));
  // « Initiatives inspirantes »: searched on demand; a result opens its record.
  root.insertBefore(
    renderInitiativesPanel(locale, (sheet, id) => {
      notice.textContent = '';
      call('getFormData', { sheet, id }).then(showForm).catch(showNotice);
    }),
    documents,
  );
  if (boot.selected) showForm(boot.selected);
  else if (boot.selectionError) notice.textContent = boot.selectionError.message;
}

start();
