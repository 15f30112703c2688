/**
 * The « Documents » panel of the sidebar: the document types, the subject each asks for (a year,
 * a period, a record), « Produire le document », then the link. The subject is picked in a search
 * list (ARIA combobox): a few letters filter the actions, grants or meetings (accents and case
 * ignored, id and detail searched too), arrows move, Enter chooses, Escape closes; a period is
 * picked the same way among the months, quarters, halves and years around today, and its dates
 * stay editable. A document edited or restyled since Pilote made it is not replaced silently:
 * the panel shows the server's question and a « Remplacer quand même » button that resends with
 * `overwrite: true`; « Nouvelle version datée » keeps the old one.
 */
import type { DocumentTypeSummary } from '../shared/rpc';
import { type Locale, type MessageKey, t } from '../shared/i18n';
import { el, replaceChildren } from './dom';
import { call, ServerError } from './rpc';

type Subject = number | string | { from: string; to: string } | null;

/** Only links to Google Docs are shown as links (never a `javascript:` or other scheme). */
function safeDocUrl(url: string): string | null {
  return /^https:\/\/docs\.google\.com\/document\/d\/[A-Za-z0-9_-]+\//.test(url) ? url : null;
}

function safePdfUrl(url: string): string | null {
  return /^https:\/\/drive\.google\.com\/file\/d\/[A-Za-z0-9_-]+\//.test(url) ? url : null;
}

export function renderDocumentsPanel(locale: Locale, list: DocumentTypeSummary[]): HTMLElement {
  const panel = el('section', {
    class: 'documents',
    'aria-labelledby': 'documents-title',
    'data-testid': 'documents',
  });
  const typeSelect = el('select', { id: 'document-type', 'data-testid': 'document-type' });
  const subjectArea = el('div', { class: 'subject', 'data-testid': 'document-subject' });
  const newVersion = el('input', {
    type: 'checkbox',
    id: 'document-new-version',
    'data-testid': 'document-new-version',
  });
  const pdf = el('input', { type: 'checkbox', id: 'document-pdf', 'data-testid': 'document-pdf' });
  const generate = el(
    'button',
    { type: 'button', 'data-testid': 'document-generate' },
    t(locale, 'documents.generate'),
  );
  const overwrite = el(
    'button',
    { type: 'button', hidden: '', 'data-testid': 'document-overwrite' },
    t(locale, 'documents.overwrite'),
  );
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'document-status' });
  const link = el('p', { 'data-testid': 'document-link' });
  let types: DocumentTypeSummary[] = [];
  let readSubject: () => Subject = () => null;

  const field = (id: string, label: string, input: HTMLInputElement) =>
    el('div', { class: 'field' }, el('label', { for: id }, label), input);

  const showSubject = () => {
    const type = types.find((x) => x.key === typeSelect.value);
    replaceChildren(subjectArea);
    if (!type) return;
    if (type.subject === 'year') {
      const year = el('input', { id: 'document-year', type: 'number', min: '2000', max: '2100', step: '1' });
      year.value = String(new Date().getFullYear());
      subjectArea.append(field('document-year', t(locale, 'documents.year'), year));
      readSubject = () => Number(year.value);
    } else if (type.subject === 'period') {
      const from = el('input', { id: 'document-from', type: 'date' });
      const to = el('input', { id: 'document-to', type: 'date' });
      const periods = searchList(locale, {
        id: 'document-period',
        label: t(locale, 'documents.subject.period'),
        sheet: '',
        load: () => Promise.resolve(periodChoices(locale, new Date())),
        onChoose: (choice) => {
          const [start, end] = choice.value.split('/');
          from.value = start;
          to.value = end;
        },
      });
      subjectArea.append(periods.block);
      subjectArea.append(field('document-from', t(locale, 'documents.from'), from));
      subjectArea.append(field('document-to', t(locale, 'documents.to'), to));
      readSubject = () => ({ from: from.value, to: to.value });
    } else if (type.subject === 'none') {
      readSubject = () => null;
    } else {
      const source = SUBJECT_SOURCES[type.subject];
      const records = searchList(locale, {
        id: 'document-record',
        label: t(locale, source.label),
        sheet: t(locale, source.sheetName),
        load: () =>
          call('listRecords', source.sheet).then((rows) =>
            rows
              .map((r) => ({
                value: r.id,
                label: String(r.values.title ?? '') || r.id,
                detail: [r.id, ...source.detail.map((k) => detailText(r.values[k]))]
                  .filter((x) => x !== '')
                  .join(' · '),
              }))
              .reverse(),
          ),
      });
      subjectArea.append(records.block);
      readSubject = () => records.read();
    }
  };

  const run = (force: boolean) => {
    generate.disabled = true;
    overwrite.hidden = true;
    replaceChildren(link);
    status.textContent = t(locale, 'documents.generating');
    call('makeDocument', {
      type: typeSelect.value,
      subject: readSubject(),
      mode: newVersion.checked ? 'newVersion' : 'update',
      overwrite: force,
      pdf: pdf.checked,
    })
      .then((answer) => {
        status.textContent = answer.message;
        if (answer.status === 'editedByUser') overwrite.hidden = false;
        const url = safeDocUrl(answer.url);
        if (url)
          link.append(
            el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t(locale, 'documents.open')),
          );
        const pdfUrl = answer.status !== 'editedByUser' && answer.pdfUrl ? safePdfUrl(answer.pdfUrl) : null;
        if (pdfUrl)
          link.append(
            ' · ',
            el(
              'a',
              { href: pdfUrl, target: '_blank', rel: 'noopener noreferrer' },
              t(locale, 'documents.openPdf'),
            ),
          );
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof ServerError ? error.message : t(locale, 'error.internal');
      })
      .finally(() => {
        generate.disabled = false;
      });
  };

  typeSelect.addEventListener('change', showSubject);
  generate.addEventListener('click', () => run(false));
  overwrite.addEventListener('click', () => run(true));

  replaceChildren(
    panel,
    el('h2', { id: 'documents-title' }, t(locale, 'documents.panelTitle')),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'document-type' }, t(locale, 'documents.type')),
      typeSelect,
    ),
    subjectArea,
    el(
      'div',
      { class: 'field' },
      newVersion,
      el('label', { for: 'document-new-version' }, t(locale, 'documents.newVersionChoice')),
    ),
    el(
      'div',
      { class: 'field' },
      pdf,
      el('label', { for: 'document-pdf' }, t(locale, 'documents.pdfChoice')),
    ),
    el('div', { class: 'actions' }, generate, overwrite),
    status,
    link,
  );
  // The types come with the sidebar's bootstrap: opening the sidebar stays one server call.
  types = list;
  replaceChildren(typeSelect, ...list.map((x) => el('option', { value: x.key }, x.title)));
  showSubject();
  return panel;
}

/** Where the records a document is made from come from, and what their second line shows. */
const SUBJECT_SOURCES: Record<
  'action' | 'grant' | 'meeting',
  { sheet: string; label: MessageKey; sheetName: MessageKey; detail: string[] }
> = {
  action: {
    sheet: 'actions',
    label: 'documents.subject.action',
    sheetName: 'documents.sheet.actions',
    detail: ['objective', 'status'],
  },
  grant: {
    sheet: 'grants',
    label: 'documents.subject.grant',
    sheetName: 'documents.sheet.grants',
    detail: ['funder', 'financialYear'],
  },
  meeting: {
    sheet: 'meetings',
    label: 'documents.subject.meeting',
    sheetName: 'documents.sheet.meetings',
    detail: ['date', 'type'],
  },
};

/** A stored value as a short second line: ISO dates in French order, long texts left out. */
function detailText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.length > 60) return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** One entry of a search list: what is sent, what is shown, and a second line (searched too). */
export interface Choice {
  value: string;
  label: string;
  detail: string;
  /** What the search reads instead of label, value and detail (a period: its label only). */
  keywords?: string;
}

/** Lower case, accents removed: « Réunion » and « reunion » match. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of a text, folded: letters and digits, split at anything else (« REU-0003 » is « reu », « 0003 »). */
function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * The choices in which every word of `query` begins a word (label, value and detail, or the
 * keywords; accents and case ignored): « reun bud » finds « Réunion budget », « trim 1 » finds
 * « Trimestre 1 de 2026 » and not « Trimestre 4 » (whose dates hold a 1).
 */
export function filterChoices(choices: readonly Choice[], query: string): Choice[] {
  const wanted = words(query);
  return choices.filter((c) => {
    const have = words(c.keywords ?? `${c.label} ${c.value} ${c.detail}`);
    return wanted.every((w) => have.some((h) => h.indexOf(w) === 0));
  });
}

const SHOWN = 50;
let listCounter = 0;

/**
 * A search list (WAI-ARIA combobox with a listbox popup): the input filters as the user types,
 * ArrowDown/ArrowUp move through the options, Enter chooses, Escape closes; a click chooses too.
 * `read()` is the chosen value, or what was typed (an id typed in full is accepted by the server).
 */
function searchList(
  locale: Locale,
  options: {
    id: string;
    label: string;
    /** The sheet's name, for the empty state (« La feuille … n’a encore aucune fiche »). */
    sheet: string;
    load(): Promise<Choice[]>;
    onChoose?(choice: Choice): void;
  },
): { block: HTMLElement; read(): string } {
  listCounter += 1;
  const listId = `${options.id}-list-${listCounter}`;
  const hintId = `${options.id}-hint`;
  const input = el('input', {
    id: options.id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    'data-testid': options.id,
  });
  const list = el('ul', {
    id: listId,
    role: 'listbox',
    class: 'search-list',
    'aria-label': options.label,
    'data-testid': `${options.id}-options`,
    hidden: '',
  });
  const note = el('p', { class: 'help', 'data-testid': `${options.id}-note`, role: 'status' });
  const hint = el('p', { id: hintId, class: 'help' }, t(locale, 'documents.subject.searchHint'));
  let all: Choice[] | null = null;
  let shown: Choice[] = [];
  let active = -1;
  let chosen: Choice | null = null;

  const setActive = (index: number) => {
    active = index;
    const items = list.querySelectorAll<HTMLElement>('[role="option"]');
    items.forEach((item, i) => {
      item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      item.classList.toggle('active', i === index);
    });
    const current = items[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (choice: Choice) => {
    chosen = choice;
    input.value = choice.label;
    close();
    note.textContent = t(locale, 'documents.subject.chosen', { label: choice.label });
    options.onChoose?.(choice);
  };

  const render = () => {
    if (all === null) return;
    const query = input.value.trim();
    const matches = filterChoices(all, chosen && query === chosen.label ? '' : query);
    shown = matches.slice(0, SHOWN);
    replaceChildren(
      list,
      ...shown.map((choice, i) => {
        const item = el(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-value': choice.value },
          el('span', { class: 'hit-label' }, choice.label),
          choice.detail ? el('span', { class: 'hit-detail' }, choice.detail) : null,
        );
        // mousedown, not click: the input keeps its focus, so the list is not closed first.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(choice);
        });
        return item;
      }),
    );
    list.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', shown.length > 0 ? 'true' : 'false');
    setActive(shown.length > 0 && query !== '' ? 0 : -1);
    if (all.length === 0) note.textContent = t(locale, 'documents.subject.empty', { sheet: options.sheet });
    else if (matches.length === 0) note.textContent = t(locale, 'documents.subject.none', { query });
    else if (matches.length > shown.length)
      note.textContent = t(locale, 'documents.subject.more', { shown: shown.length, total: matches.length });
    else note.textContent = t(locale, 'documents.subject.count', { n: matches.length });
  };

  input.addEventListener('input', () => {
    if (chosen && input.value !== chosen.label) chosen = null;
    render();
  });
  input.addEventListener('focus', render);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) render();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(
        active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length,
      );
    } else if (event.key === 'Enter') {
      if (!list.hidden && active >= 0 && shown[active]) {
        event.preventDefault();
        choose(shown[active]);
      }
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  note.textContent = t(locale, 'documents.subject.loading');
  options
    .load()
    .then((choices) => {
      all = choices;
      if (document.activeElement === input) render();
      else if (choices.length === 0)
        note.textContent = t(locale, 'documents.subject.empty', { sheet: options.sheet });
      else note.textContent = t(locale, 'documents.subject.count', { n: choices.length });
    })
    .catch((error: unknown) => {
      all = [];
      note.textContent = error instanceof ServerError ? error.message : t(locale, 'error.internal');
    });

  const block = el(
    'div',
    { class: 'field search' },
    el('label', { for: options.id }, options.label),
    input,
    list,
    hint,
    note,
  );
  return {
    block,
    read: () => (chosen && input.value === chosen.label ? chosen.value : input.value.trim()),
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The periods offered around `today`: this year's and last year's months (latest first), then
 * their quarters, halves and whole years; values are `from/to` ISO dates.
 */
export function periodChoices(locale: Locale, today: Date): Choice[] {
  const year = today.getFullYear();
  const out: Choice[] = [];
  const range = (y: number, m1: number, m2: number) =>
    `${y}-${pad2(m1)}-01/${y}-${pad2(m2)}-${pad2(lastDay(y, m2))}`;
  const monthName = (m: number) => {
    const name = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, m - 1, 1)));
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const frDates = (value: string) =>
    value
      .split('/')
      .map((d) => d.split('-').reverse().join('/'))
      .join(' – ');
  for (const y of [year, year - 1]) {
    const lastMonth = y === year ? today.getMonth() + 1 : 12;
    for (let m = lastMonth; m >= 1; m -= 1) {
      const value = range(y, m, m);
      out.push({ value, label: `${monthName(m)} ${y}`, detail: frDates(value) });
    }
  }
  for (const y of [year, year - 1]) {
    for (let q = 4; q >= 1; q -= 1) {
      const value = range(y, q * 3 - 2, q * 3);
      out.push({
        value,
        label: t(locale, 'documents.period.quarter', { n: q, year: String(y) }),
        detail: frDates(value),
      });
    }
    for (let half = 2; half >= 1; half -= 1) {
      const value = range(y, half * 6 - 5, half * 6);
      out.push({
        value,
        label: t(locale, 'documents.period.half', { n: half, year: String(y) }),
        detail: frDates(value),
      });
    }
    const value = range(y, 1, 12);
    out.push({
      value,
      label: t(locale, 'documents.period.year', { year: String(y) }),
      detail: frDates(value),
    });
  }
  // A period is found by its name: its dates would match any digit typed.
  return out.map((c) => ({ ...c, keywords: c.label }));
}
