/**
 * A record form: create (no record) or edit (a record), generated from the table's form
 * description. An edit sends only the changed fields; each submission carries a fresh request
 * id and the submit button stays disabled while it is in flight (a double click writes one row).
 * Server errors land on their fields, focus moves to the first one.
 */
import { type Locale, t } from '../shared/i18n';
import type { FormData, FormDescription, FormValue, RecordView } from '../shared/rpc';
import { el, replaceChildren } from './dom';
import { buildField, type FieldControl } from './fields';
import { call, ServerError } from './rpc';

/** 128 random bits as hex: the id of one submission. */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}

/** Renders the form of `form` into `root`, for `data.record` when editing. */
export function renderRecordForm(
  root: HTMLElement,
  form: FormDescription,
  data: FormData,
  locale: Locale,
  onSaved: (record: RecordView) => void,
): void {
  let record = data.record;
  const controls: FieldControl[] = form.fields.map((field) =>
    buildField(field, locale, data.refOptions[field.key] ?? []),
  );
  const title = el('h2', { tabindex: '-1' });
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'form-status' });
  const alert = el('p', { class: 'error', role: 'alert', 'data-testid': 'form-error' });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'submit' });
  const formEl = el(
    'form',
    { novalidate: '', 'data-testid': 'record-form', 'data-sheet': form.key },
    el('p', { class: 'help' }, t(locale, 'form.requiredNote')),
    ...controls.map((c) => c.block),
    alert,
    el('div', { class: 'actions' }, submit),
    status,
  );
  let baseline = new Map<string, string | boolean>();
  let saving = false;

  const showMode = () => {
    title.textContent = record
      ? t(locale, 'form.editTitle', { id: record.id, label: record.label })
      : t(locale, 'form.newTitle', { name: form.name });
    submit.textContent = t(locale, record ? 'form.update' : 'form.create');
    formEl.setAttribute('data-id', record?.id ?? '');
    for (const control of controls) control.write(record ? (record.values[control.field.key] ?? null) : null);
    baseline = new Map(controls.map((c) => [c.field.key, c.read()]));
  };

  const clearErrors = () => {
    alert.textContent = '';
    for (const control of controls) control.showError(null);
  };

  formEl.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    clearErrors();
    status.textContent = '';
    const values: Record<string, string | boolean> = {};
    for (const control of controls) {
      const value = control.read();
      if (record ? value !== baseline.get(control.field.key) : value !== '')
        values[control.field.key] = value;
    }
    if (record && Object.keys(values).length === 0) {
      status.textContent = t(locale, 'form.unchanged');
      return;
    }
    saving = true;
    submit.disabled = true;
    formEl.setAttribute('aria-busy', 'true');
    status.textContent = t(locale, 'form.saving');
    call('saveRecord', { sheet: form.key, id: record?.id ?? null, values, requestId: newRequestId() })
      .then((saved) => {
        const created = !record;
        const merged: Record<string, FormValue> = { ...(record?.values ?? {}) };
        for (const control of controls) merged[control.field.key] = control.read();
        const label = String(merged[form.labelField] ?? '') || saved.id;
        record = { sheet: form.key, id: saved.id, row: saved.row, label, values: merged };
        // Keep what the user typed on screen; the new baseline is what was just saved.
        title.textContent = t(locale, 'form.editTitle', { id: saved.id, label });
        submit.textContent = t(locale, 'form.update');
        formEl.setAttribute('data-id', saved.id);
        baseline = new Map(controls.map((c) => [c.field.key, c.read()]));
        status.textContent = saved.duplicate
          ? t(locale, 'form.duplicate', { id: saved.id })
          : t(locale, created ? 'form.created' : 'form.updated', { id: saved.id, row: saved.row });
        onSaved(record);
      })
      .catch((error: unknown) => {
        status.textContent = '';
        showServerError(error, controls, alert, locale);
      })
      .finally(() => {
        saving = false;
        submit.disabled = false;
        formEl.removeAttribute('aria-busy');
      });
  });

  replaceChildren(root, title, formEl);
  showMode();
  title.focus();
}

function showServerError(error: unknown, controls: FieldControl[], alert: HTMLElement, locale: Locale): void {
  const rpc = error instanceof ServerError ? error.rpc : null;
  alert.textContent = rpc ? rpc.message : t(locale, 'error.internal');
  const byField = new Map((rpc?.fields ?? []).map((f) => [f.field, f.message]));
  if (rpc?.field && !byField.has(rpc.field)) byField.set(rpc.field, rpc.message);
  let first: FieldControl | null = null;
  const orphans: string[] = [];
  for (const [key, message] of byField) {
    const control = controls.find((c) => c.field.key === key);
    if (!control) orphans.push(message);
  }
  for (const control of controls) {
    const message = byField.get(control.field.key);
    if (message === undefined) continue;
    control.showError(message);
    first = first ?? control;
  }
  if (orphans.length > 0) alert.textContent = [alert.textContent, ...orphans].join(' ');
  (first?.focusTarget ?? alert).focus();
}
