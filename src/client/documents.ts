/**
 * The « Documents » panel of the sidebar: the document types, the subject each asks for (a year,
 * a period, a record), « Produire le document », then the link. A document edited since Pilote
 * made it is not replaced silently: the panel shows the server's question and a « Remplacer quand
 * même » button that resends with `overwrite: true`; « Nouvelle version datée » keeps the old one.
 */
import type { DocumentTypeSummary } from '../shared/rpc';
import { type Locale, t } from '../shared/i18n';
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
      subjectArea.append(field('document-from', t(locale, 'documents.from'), from));
      subjectArea.append(field('document-to', t(locale, 'documents.to'), to));
      readSubject = () => ({ from: from.value, to: to.value });
    } else if (type.subject === 'none') {
      readSubject = () => null;
    } else {
      const record = el('input', {
        id: 'document-record',
        type: 'text',
        autocomplete: 'off',
        'data-testid': 'document-record',
      });
      subjectArea.append(field('document-record', t(locale, 'documents.record'), record));
      readSubject = () => record.value.trim();
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
